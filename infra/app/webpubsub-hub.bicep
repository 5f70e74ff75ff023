// The `stomp` hub and the function key it reaches the upstream with. The key exists only once the
// app runs (after the first deploy), so the first provision creates the hub without an event
// handler; scripts/postdeploy.* sets the key on the function and deploys this module again with it.
// main.bicep passes the stored key on every later provision, so provisioning never strips it.
// The key goes to Key Vault; the handler's urlTemplate holds only a Key Vault reference that Web
// PubSub resolves with its own identity, so neither the hub settings nor the deployment show it.
param webPubSubName string
param hubName string
param functionHostName string
param keyVaultName string

@secure()
@description('Function key of the upstream function; empty = no event handler yet (the first provision).')
param upstreamKey string

param allowAnonymousConnect bool

@minValue(1)
@maxValue(120)
@description('WebSocket ping interval: keeps idle sockets alive without STOMP heart-beats (each of which would be a paid execution).')
param keepAliveIntervalInSeconds int = 20

var upstreamKeySecretName = 'upstream-function-key'

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' existing = {
  name: webPubSubName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource upstreamKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(upstreamKey)) {
  parent: vault
  name: upstreamKeySecretName
  properties: {
    value: upstreamKey
    contentType: 'Functions key of the webpubsub upstream function'
  }
}

// {event} and {@Microsoft.KeyVault(...)} are not Bicep interpolation: Web PubSub fills them in per
// request (and resolves the secret), so the URL it stores holds no key.
var upstreamKeyReference = '{@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${upstreamKeySecretName}/)}'
var upstreamHandler = {
  urlTemplate: 'https://${functionHostName}/api/webpubsub/{event}?code=${upstreamKeyReference}'
  userEventPattern: '*'
  // `connected` is left out: the app answers it with a bare 204, and each one would be a billed
  // execution per connection.
  systemEvents: [ 'connect', 'disconnected' ]
  auth: { type: 'None' }
}

resource hub 'Microsoft.SignalRService/webPubSub/hubs@2024-03-01' = {
  parent: webPubSub
  name: hubName
  properties: {
    anonymousConnectPolicy: allowAnonymousConnect ? 'allow' : 'deny'
    webSocketKeepAliveIntervalInSeconds: keepAliveIntervalInSeconds
    // The service validates a handler (OPTIONS …/validate) when it is set, and refuses the
    // setting when the app does not answer: so no handler before the app has its key.
    eventHandlers: empty(upstreamKey) ? [] : [ upstreamHandler ]
    eventListeners: []
  }
  dependsOn: [ upstreamKeySecret ]
}

output name string = hub.name
