// The Web PubSub service that holds every client WebSocket. The hub (event handler, anonymous
// policy) lives in webpubsub-hub.bicep so that scripts/postdeploy.* can re-deploy it alone.
param name string
param location string
param tags object

@allowed([ 'Free_F1', 'Standard_S1', 'Premium_P1', 'Premium_P2' ])
param sku string

param capacity int

var tier = split(sku, '_')[0]

// Network ACLs are a Standard/Premium feature: a Free_F1 resource that declares them fails to
// provision. On the paid tiers they are declared explicitly: an update that omits them was reported
// to reset them to Deny (UNCONFIRMED, third-party report). Allow keeps the service reachable.
var networkProperties = tier == 'Free' ? {} : {
  networkACLs: {
    defaultAction: 'Allow'
  }
}

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
  // The service resolves the Key Vault reference in the hub's urlTemplate as this identity
  // (Key Vault Secrets User, rbac.bicep). Web PubSub holds one identity at most.
  identity: {
    type: 'SystemAssigned'
  }
  properties: union({
    publicNetworkAccess: 'Enabled'
    // Local auth stays on: the ce-signature of upstream requests is an HMAC over the access key
    // (the app reads the keys from Key Vault); the app's REST calls and client tokens
    // (:generateToken) run as its identity.
    disableLocalAuth: false
    disableAadAuth: false
    tls: { clientCertEnabled: false }
  }, networkProperties)
}

output name string = webPubSub.name
output hostName string = webPubSub.properties.hostName
output principalId string = webPubSub.identity.principalId
