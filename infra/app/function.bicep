// The Functions app on Flex Consumption: dotnet-isolated 10.0, deployed by azd from a blob
// container, running as the user-assigned identity. Flex takes the runtime from
// functionAppConfig, so FUNCTIONS_WORKER_RUNTIME, FUNCTIONS_EXTENSION_VERSION,
// WEBSITE_RUN_FROM_PACKAGE and WEBSITE_CONTENT* must not appear in the app settings.
param planName string
param appName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param tableEndpoint string
param deploymentContainerName string
param appInsightsConnectionString string
param webPubSubName string
param hubName string
param maximumInstanceCount int
param instanceMemoryMB int
param alwaysReadyInstances int

@description('CRON schedule (six fields, UTC) of the collector that removes rows of vanished connections.')
param collectorSchedule string = '0 */5 * * * *'

@description('Browser origins allowed to call negotiate and publish from another site.')
param corsAllowedOrigins array = []

resource webPubSub 'Microsoft.SignalRService/webPubSub@2024-03-01' existing = {
  name: webPubSubName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  // azd deploys service `api` of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      cors: {
        allowedOrigins: corsAllowedOrigins
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyInstances > 0 ? [ { name: 'http', instanceCount: alwaysReadyInstances } ] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // Functions host storage through the identity (no connection string).
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // DefaultAzureCredential picks the user-assigned identity only when told its client id.
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // REST calls run as the identity; the access key is here only because checking the
      // ce-signature of upstream requests (an HMAC over the key) is something no identity can do.
      // Both keys, because the service signs with both and either may be rotated.
      WebPubSub__Endpoint: 'https://${webPubSub.properties.hostName}'
      WebPubSub__AccessKey: webPubSub.listKeys().primaryKey
      WebPubSub__SecondaryAccessKey: webPubSub.listKeys().secondaryKey
      WebPubSub__Hub: hubName
      Tables__Endpoint: tableEndpoint
      Tables__ClientId: identityClientId
      COLLECTOR_SCHEDULE: collectorSchedule
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
