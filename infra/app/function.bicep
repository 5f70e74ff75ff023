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
param webPubSubHostName string
param hubName string
param maximumInstanceCount int
param instanceMemoryMB int
param alwaysReadyInstances int

@description('CRON schedule (six fields, UTC) of the collector that removes rows of vanished connections.')
param collectorSchedule string = '0 */5 * * * *'

@description('Versionless Key Vault URIs of the Web PubSub primary and secondary access keys (keyvault.bicep).')
param accessKeySecretUris object

@description('Who may call negotiate (ClientAuthenticationOptions): authority, audiences (comma-separated), userIdClaim, roleClaim, allowAnonymous.')
param clientAuthentication object

@description('Destination rules (DestinationRulesOptions): [{ pattern, subscribe: [roles], send: [roles] }]; empty = the engine\'s defaults.')
param destinationRules array = []

@description('Browser origins (scheme://host[:port]) allowed to call negotiate and publish from another site; empty = same origin only.')
param corsAllowedOrigins array = []

// DestinationRules__Rules__{i}__Pattern, __Subscribe__{j}, __Send__{j}: the indexed form .NET
// configuration binds to DestinationRulesOptions.Rules.
var destinationRuleSettings = reduce(range(0, length(destinationRules)), {}, (settings, i) => union(
  settings,
  { 'DestinationRules__Rules__${i}__Pattern': destinationRules[i].pattern },
  toObject(range(0, length(destinationRules[i].subscribe)), j => 'DestinationRules__Rules__${i}__Subscribe__${j}', j => destinationRules[i].subscribe[j]),
  toObject(range(0, length(destinationRules[i].send)), j => 'DestinationRules__Rules__${i}__Send__${j}', j => destinationRules[i].send[j])
))

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
    // Key Vault references in the app settings resolve as the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      // Platform CORS (answered before the function runs, preflights included). No credentials
      // mode: negotiate takes a bearer token in a header, never a cookie.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
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
    properties: union({
      // Functions host storage through the identity (no connection string).
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // DefaultAzureCredential picks the user-assigned identity only when told its client id.
      AZURE_CLIENT_ID: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The worker's Application Insights logger keeps only warnings unless told otherwise (a
      // filter rule the SDK adds for every category); this longer category prefix wins over that
      // rule for the categories it names (ILogger<T> of the StompFunctions.* types), so the app's
      // own Information logs (start-up, settings, failures) reach Application Insights.
      Logging__ApplicationInsights__LogLevel__StompFunctions: 'Information'
      // REST calls and client tokens run as the identity. Checking the ce-signature of upstream
      // requests (an HMAC over an access key) is something no identity can do, so the keys come
      // from Key Vault references: the settings hold the references, never the keys. Both keys,
      // because the service signs with both and either may be rotated. An unresolved reference
      // leaves the reference text as the key, so every signature check fails: closed, not open.
      WebPubSub__Endpoint: 'https://${webPubSubHostName}'
      WebPubSub__AccessKey: '@Microsoft.KeyVault(SecretUri=${accessKeySecretUris.primary})'
      WebPubSub__SecondaryAccessKey: '@Microsoft.KeyVault(SecretUri=${accessKeySecretUris.secondary})'
      WebPubSub__Hub: hubName
      Tables__Endpoint: tableEndpoint
      Tables__ClientId: identityClientId
      COLLECTOR_SCHEDULE: collectorSchedule
      // Negotiate: closed unless an OpenID Connect authority and audience are set, or anonymous
      // callers are allowed explicitly (the app logs a warning at start-up then).
      ClientAuthentication__Authority: clientAuthentication.authority
      ClientAuthentication__Audiences: clientAuthentication.audiences
      ClientAuthentication__UserIdClaim: clientAuthentication.userIdClaim
      ClientAuthentication__RoleClaim: clientAuthentication.roleClaim
      ClientAuthentication__AllowAnonymous: string(clientAuthentication.allowAnonymous)
      DestinationRules__DefaultsIncludeAnonymous: string(clientAuthentication.allowAnonymous)
    }, destinationRuleSettings)
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
