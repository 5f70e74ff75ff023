// The `stomp` hub: every client event goes to the upstream function. The function key is known
// only after the first deploy, so scripts/postdeploy.* creates it and deploys this module again
// with it; main.bicep passes the stored key on every later provision, so provisioning never
// strips it. Without a key the handler fails closed (the function answers 401).
param webPubSubName string
param hubName string
param functionHostName string

@secure()
param upstreamKey string

param allowAnonymousConnect bool

@minValue(1)
@maxValue(120)
@description('WebSocket ping interval: keeps idle sockets alive without STOMP heart-beats (each of which would be a paid execution).')
param keepAliveIntervalInSeconds int = 20

// {event} is not interpolated by Bicep: Web PubSub fills it in per event (connect, message, ...).
var upstreamBaseUrl = 'https://${functionHostName}/api/webpubsub/{event}'
var upstreamUrl = empty(upstreamKey) ? upstreamBaseUrl : '${upstreamBaseUrl}?code=${upstreamKey}'

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' existing = {
  name: webPubSubName
}

resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: allowAnonymousConnect ? 'allow' : 'deny'
    webSocketKeepAliveIntervalInSeconds: keepAliveIntervalInSeconds
    eventHandlers: [
      {
        urlTemplate: upstreamUrl
        userEventPattern: '*'
        systemEvents: [ 'connect', 'connected', 'disconnected' ]
        auth: { type: 'None' }
      }
    ]
    eventListeners: []
  }
}

output name string = hub.name
