// The Web PubSub service that holds every client WebSocket. The hub (event handler, anonymous
// policy) lives in webpubsub-hub.bicep so that scripts/postdeploy.* can re-deploy it alone.
param name string
param location string
param tags object

@allowed([ 'Free_F1', 'Standard_S1', 'Premium_P1', 'Premium_P2' ])
param sku string

param capacity int

var tier = split(sku, '_')[0]

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'WebPubSub'
  sku: {
    name: sku
    tier: tier
    capacity: tier == 'Free' ? 1 : capacity
  }
  properties: {
    publicNetworkAccess: 'Enabled'
    // Local auth stays on: clients connect with access-key-signed tokens from negotiate, and
    // upstream requests carry the ce-signature HMAC; the app's REST calls use its identity.
    disableLocalAuth: false
    disableAadAuth: false
    tls: { clientCertEnabled: false }
    // Declared explicitly: an update that omits the ACLs was reported to reset them to Deny
    // (UNCONFIRMED, third-party report). Allow keeps every tier, Free included, reachable.
    networkACLs: {
      defaultAction: 'Allow'
    }
  }
}

output name string = webPubSub.name
output hostName string = webPubSub.properties.hostName
