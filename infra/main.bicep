// Everything `azd up` provisions for StompFunctions: one resource group holding the Functions app
// (Flex Consumption), its storage (host, deployment package, STOMP state tables), Web PubSub with
// the `stomp` hub, monitoring, the Key Vault that holds every secret, and the user-assigned
// identity that every data-plane call runs as.
// azd reads every output below into `.azure/<env>/.env`; scripts/postdeploy.* read them back.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; Flex Consumption is offered only in some regions.')
param location string

@description('Object id of the developer running azd: gets the same data roles as the app, for local runs against Azure. Empty = none.')
param principalId string = ''

// azd does not say whether it runs as a user or a service principal (UNCONFIRMED whether it
// exposes AZURE_PRINCIPAL_TYPE), so CI pipelines set this explicitly.
@allowed([ 'User', 'ServicePrincipal' ])
@description('Kind of principal `principalId` is.')
param principalType string = 'User'

@allowed([ 'Free_F1', 'Standard_S1', 'Premium_P1', 'Premium_P2' ])
@description('Web PubSub SKU: Free_F1 (20 connections, dev only) up to Premium_P2.')
param webPubSubSku string = 'Free_F1'

@minValue(1)
@maxValue(100)
@description('Web PubSub units (Free_F1 allows only 1).')
param webPubSubCapacity int = 1

@description('Web PubSub hub that carries STOMP connections.')
param hubName string = 'stomp'

@description('Let clients connect to the hub without an access token (the STOMP CONNECT login/passcode then decides).')
param allowAnonymousConnect bool = false

@secure()
@description('Function key the hub sends to the upstream function; scripts/postdeploy.* creates it and stores it as STOMP_UPSTREAM_KEY. Empty on the first provision: then the hub gets no event handler yet.')
param upstreamKey string = ''

@description('OpenID Connect authority whose bearer tokens negotiate accepts, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0. Empty = no token is accepted.')
param clientAuthority string = ''

@description('Comma-separated accepted token audiences (the app registration\'s client id or api:// URI); required with clientAuthority.')
param clientAudiences string = ''

@description('Token claim that names the user (Entra ID\'s stable id is oid).')
param clientUserIdClaim string = 'sub'

@description('Token claim that carries the roles the destination rules name.')
param clientRoleClaim string = 'roles'

@description('Let callers without any credential negotiate anonymous connections, and let anonymous sessions use the default destination rules. Off = closed.')
param allowAnonymousClients bool = false

@description('Destination rules: `pattern|subscribe roles|send roles` separated by `;`, roles comma-separated (`*` = everyone, `@authenticated` = every user), e.g. `/topic/**|*|publisher;/user/**|@authenticated|@authenticated`. Empty = the defaults (authenticated users: /topic, /queue, /app, /user).')
param destinationRules string = ''

@description('Comma-separated browser origins (https://app.example.com) allowed to call negotiate and publish from another site; empty = none.')
param corsAllowedOrigins string = ''

@minValue(40)
@maxValue(1000)
@description('Flex Consumption scale-out limit.')
param maximumInstanceCount int = 100

@allowed([ 512, 2048, 4096 ])
@description('Flex Consumption instance memory in MB.')
param instanceMemoryMB int = 2048

@minValue(0)
@maxValue(20)
@description('Always-ready HTTP instances: 0 scales to zero (nothing billed at idle; the first connect waits for a cold start).')
param alwaysReadyInstances int = 0

var abbrs = loadJsonContent('abbreviations.json')
// 'a, b,,c' -> ['a', 'b', 'c']: how azd variables carry lists.
func commaList(text string) string[] => map(filter(split(text, ','), item => !empty(trim(item))), item => trim(item))
// 'pattern|subscribe roles|send roles' split at '|'; a missing part grants nothing (the app refuses a rule
// without a pattern at start-up, naming the setting).
func destinationRule(parts string[]) object => {
  pattern: trim(parts[0])
  subscribe: length(parts) > 1 ? commaList(parts[1]) : []
  send: length(parts) > 2 ? commaList(parts[2]) : []
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Flex Consumption deploys from a blob container (azd uploads the zip there).
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: '${abbrs.resourceGroup}${environmentName}'
  location: location
  tags: tags
}

module appIdentity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentity}${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.logAnalytics}${resourceToken}'
    appInsightsName: '${abbrs.appInsights}${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageAccount}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module webPubSub 'app/webpubsub.bicep' = {
  name: 'webpubsub'
  scope: rg
  params: {
    name: '${abbrs.webPubSub}${resourceToken}'
    location: location
    tags: tags
    sku: webPubSubSku
    capacity: webPubSubCapacity
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: '${abbrs.keyVault}${resourceToken}'
    location: location
    tags: tags
    webPubSubName: webPubSub.outputs.name
  }
}

module api 'app/function.bicep' = {
  name: 'function'
  scope: rg
  params: {
    planName: '${abbrs.flexPlan}${resourceToken}'
    appName: '${abbrs.functionApp}${resourceToken}'
    location: location
    tags: tags
    identityId: appIdentity.outputs.id
    identityClientId: appIdentity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    webPubSubHostName: webPubSub.outputs.hostName
    accessKeySecretUris: {
      primary: keyVault.outputs.primaryKeyUri
      secondary: keyVault.outputs.secondaryKeyUri
    }
    hubName: hubName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyInstances: alwaysReadyInstances
    corsAllowedOrigins: commaList(corsAllowedOrigins)
    clientAuthentication: {
      authority: clientAuthority
      audiences: join(commaList(clientAudiences), ',')
      userIdClaim: clientUserIdClaim
      roleClaim: clientRoleClaim
      allowAnonymous: allowAnonymousClients
    }
    destinationRules: map(filter(split(destinationRules, ';'), rule => !empty(trim(rule))), rule => destinationRule(split(rule, '|')))
  }
  // The app resolves its Key Vault references when its settings are written: let its roles exist first.
  dependsOn: [ rbac ]
}

module hub 'app/webpubsub-hub.bicep' = {
  name: 'webpubsub-hub'
  scope: rg
  params: {
    webPubSubName: webPubSub.outputs.name
    hubName: hubName
    functionHostName: api.outputs.defaultHostName
    keyVaultName: keyVault.outputs.name
    upstreamKey: upstreamKey
    allowAnonymousConnect: allowAnonymousConnect
  }
  // Setting a handler makes the service resolve its Key Vault reference: its role must exist first.
  dependsOn: [ rbac ]
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    webPubSubName: webPubSub.outputs.name
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
    appPrincipalId: appIdentity.outputs.principalId
    webPubSubPrincipalId: webPubSub.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

// azd conventions
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name

// The Functions app (azure.yaml service `api`); the postdeploy hook keys the upstream with these.
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_FUNCTION_URL string = 'https://${api.outputs.defaultHostName}'

// Web PubSub: the hook re-deploys the hub module with these and the new key.
output WEBPUBSUB_NAME string = webPubSub.outputs.name
output WEBPUBSUB_HUB string = hubName
output WEBPUBSUB_ENDPOINT string = 'https://${webPubSub.outputs.hostName}'
output WEBPUBSUB_ALLOW_ANONYMOUS bool = allowAnonymousConnect

// The hook writes the function key into this vault (webpubsub-hub.bicep).
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint

// What a STOMP client needs: the hub URL (add ?access_token=… from negotiate, or connect
// anonymously with login/passcode when allowed) and the negotiate endpoint.
output STOMP_URL string = 'wss://${webPubSub.outputs.hostName}/client/hubs/${hubName}'
output STOMP_NEGOTIATE_URL string = 'https://${api.outputs.defaultHostName}/api/negotiate'
