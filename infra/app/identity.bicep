// The one identity the Functions app runs as: host storage, deployment package, Tables,
// Web PubSub REST and Application Insights all accept it, so no access key sits in app settings.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
