// Custodia on Azure: one Linux App Service running Node 22 (API, bot, tabs, backup workers), Azure Cosmos DB for
// MongoDB (vCore) or an existing MongoDB, a Storage account for the content store, Key Vault for the master key and
// every secret, Application Insights. Deployed by `arm/deploy` in teamsapp.yml; parameters in azure.parameters.json.

@description('Short name every resource name starts with (letters and digits).')
@minLength(3)
@maxLength(16)
param resourceBaseName string

@description('Where the data lives: the customers choose Milan, so Italy North by default.')
param location string = 'italynorth'

@description('App Service plan size (B1 for a trial, P1v3 or larger in production).')
param webAppSku string = 'B1'

@description('The multi-tenant Entra app (aad.manifest.json): reads customers\' Graph and is the API\'s SSO audience.')
param aadAppClientId string

@secure()
@description('Client secret of that Entra app.')
param aadAppClientSecret string

@description('The provider\'s (telco\'s) own directory.')
param providerTenantId string

@description('The bot\'s Entra app id (botAadApp/create).')
param botAadAppClientId string

@secure()
param botAadAppClientSecret string

@description('The Teams app id of the manifest, for deep links from bot cards into the portal.')
param teamsAppId string

param providerName string = 'Custodia'
param supportEmail string

@secure()
@description('32 bytes in base64 (openssl rand -base64 32): wraps every tenant\'s data key. Never change it once data exists.')
param masterKey string

@secure()
@description('An existing MongoDB 6+ or Atlas URI. Empty: an Azure Cosmos DB for MongoDB (vCore) cluster is created.')
param existingMongoDbUri string = ''

@description('Administrator of the created vCore cluster (unused with an existing URI).')
param mongoAdminUserName string = 'custodia'

@secure()
@description('Password of that administrator: 8-256 characters of three kinds (unused with an existing URI).')
param mongoAdminPassword string = ''

@description('vCore cluster tier (M30 and up for production; M10/M20 are burstable).')
param mongoComputeTier string = 'M30'

param mongoStorageSizeGb int = 128

@description('Blob container of the content store.')
param storeContainerName string = 'custodia-store'

@description('Days a written pack cannot be deleted or changed (time-based immutability); 0 leaves it off.')
@minValue(0)
param storeImmutabilityDays int = 0

var createMongoCluster = empty(existingMongoDbUri)
var suffix = uniqueString(resourceGroup().id, resourceBaseName)
var webAppName = '${resourceBaseName}-${suffix}'
var webAppHost = '${webAppName}.azurewebsites.net'
var mongoClusterName = toLower('${resourceBaseName}-mongo-${suffix}')
var storageAccountName = take(toLower('${resourceBaseName}${suffix}'), 24)
var keyVaultName = take('${resourceBaseName}-kv-${suffix}', 24)
// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs-${suffix}'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    deleteRetentionPolicy: { enabled: true, days: 7 }
    containerDeleteRetentionPolicy: { enabled: true, days: 7 }
  }
}

resource storeContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: storeContainerName
  properties: { publicAccess: 'None' }
}

resource storeImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = if (storeImmutabilityDays > 0) {
  parent: storeContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: storeImmutabilityDays
    allowProtectedAppendWrites: false
  }
}

resource mongoCluster 'Microsoft.DocumentDB/mongoClusters@2024-07-01' = if (createMongoCluster) {
  name: mongoClusterName
  location: location
  properties: {
    administrator: {
      userName: mongoAdminUserName
      password: mongoAdminPassword
    }
    serverVersion: '7.0'
    compute: { tier: mongoComputeTier }
    storage: { sizeGb: mongoStorageSizeGb }
    sharding: { shardCount: 1 }
    highAvailability: { targetMode: 'Disabled' }
    publicNetworkAccess: 'Enabled'
  }
}

// 0.0.0.0 to 0.0.0.0 lets Azure services (the App Service's outbound addresses) in, and nothing else.
resource mongoFromAzure 'Microsoft.DocumentDB/mongoClusters/firewallRules@2024-07-01' = if (createMongoCluster) {
  parent: mongoCluster
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

var createdMongoUri = 'mongodb+srv://${uriComponent(mongoAdminUserName)}:${uriComponent(mongoAdminPassword)}@${mongoClusterName}.global.mongocluster.cosmos.azure.com/?tls=true&authMechanism=SCRAM-SHA-256&retrywrites=false&maxIdleTimeMS=120000'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

var secretValues = [
  { name: 'custodia-master-key', value: masterKey }
  { name: 'graph-client-secret', value: aadAppClientSecret }
  { name: 'bot-app-password', value: botAadAppClientSecret }
  { name: 'mongodb-uri', value: createMongoCluster ? createdMongoUri : existingMongoDbUri }
]

resource vaultSecrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in secretValues: {
    parent: vault
    name: secret.name
    properties: { value: secret.value }
  }
]

// Its account key is read at deployment time, so it cannot sit in the array above (a loop's array must be known
// before the deployment starts).
resource storeConnectionSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'store-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
  }
}

// App settings that App Service resolves from Key Vault with the web app's own identity.
var vaultReference = '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName='

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node teams-app/dist/main.js'
      alwaysOn: true
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: [
        // The product's configuration (README, "Configuration"); secrets come from Key Vault.
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'LOG_LEVEL', value: 'info' }
        // Read by glibc, not the product: two malloc arenas instead of one per thread of Node's pool (README, "Configuration").
        { name: 'MALLOC_ARENA_MAX', value: '2' }
        { name: 'DATA_DIR', value: '/home/custodia' }
        { name: 'MONGODB_URI', value: '${vaultReference}mongodb-uri)' }
        { name: 'MONGODB_DATABASE', value: 'custodia' }
        { name: 'GRAPH_BASE_URL', value: 'https://graph.microsoft.com/v1.0' }
        { name: 'AUTHORITY_HOST', value: 'https://login.microsoftonline.com' }
        { name: 'GRAPH_CLIENT_ID', value: aadAppClientId }
        { name: 'GRAPH_CLIENT_SECRET', value: '${vaultReference}graph-client-secret)' }
        { name: 'PROVIDER_TENANT_ID', value: providerTenantId }
        { name: 'PROVIDER_NAME', value: providerName }
        { name: 'SUPPORT_EMAIL', value: supportEmail }
        { name: 'CUSTODIA_MASTER_KEY', value: '${vaultReference}custodia-master-key)' }
        { name: 'STORE_AZURE_CONNECTION_STRING', value: '${vaultReference}store-connection-string)' }
        { name: 'STORE_AZURE_CONTAINER', value: storeContainerName }
        { name: 'API_CLIENT_ID', value: aadAppClientId }
        { name: 'API_DOMAIN', value: webAppHost }
        { name: 'PUBLIC_URL', value: 'https://${webAppHost}' }
        { name: 'BOT_APP_ID', value: botAadAppClientId }
        { name: 'BOT_APP_PASSWORD', value: '${vaultReference}bot-app-password)' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        // Application Insights' Node.js agent, switched on by App Service (no code in the product).
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
        // The deployment ships built files with node_modules; App Service must not rebuild them.
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, webApp.id, keyVaultSecretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Written by arm/deploy into env/.env.<environment> under these names.
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output TAB_DOMAIN string = webAppHost
output TAB_ENDPOINT string = 'https://${webAppHost}'
output AZURE_KEY_VAULT_NAME string = vault.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.name
