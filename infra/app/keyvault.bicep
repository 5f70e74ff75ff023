// The one place a secret of this deployment lives, so that none sits in an app setting or a URL a
// Reader of the resource group can read: the Web PubSub access keys, which the app resolves through
// Key Vault references to check upstream ce-signatures, and (written by webpubsub-hub.bicep once
// scripts/postdeploy.* has made it) the function key the hub reaches the upstream with.
// Access is Azure RBAC only (see rbac.bicep): the app's identity and the Web PubSub service's
// identity get Key Vault Secrets User; nobody gets the secrets through an access policy.
param name string
param location string
param tags object
param webPubSubName string

@minValue(7)
@maxValue(90)
@description('Days a deleted vault and its secrets stay recoverable; `azd down --purge` removes them at once.')
param softDeleteRetentionInDays int = 7

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' existing = {
  name: webPubSubName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    publicNetworkAccess: 'Enabled'
  }
}

// Written on every provision, so a regenerated key reaches the app with the next `azd provision`.
resource primaryKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webpubsub-primary-key'
  properties: {
    value: webPubSub.listKeys().primaryKey
    contentType: 'Web PubSub primary access key (checks upstream ce-signature)'
  }
}

resource secondaryKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'webpubsub-secondary-key'
  properties: {
    value: webPubSub.listKeys().secondaryKey
    contentType: 'Web PubSub secondary access key (checks upstream ce-signature)'
  }
}

output name string = vault.name
// Versionless URIs: a Key Vault reference to one follows the newest version of the secret.
output primaryKeyUri string = primaryKey.properties.secretUri
output secondaryKeyUri string = secondaryKey.properties.secretUri
