// Everything the ARO RP needs in one resource group, deployed with one command (infra/README.md):
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep --parameters infra/main.dev.bicepparam
// The subscription-scope role for cluster resource groups is a module of this deployment, so the deploying principal
// needs Owner (or User Access Administrator plus Contributor) on the subscription.
@description('Azure region of every resource, and the location the RP serves (LOCATION).')
param location string = resourceGroup().location

@description('Prefix of every resource name: 3-11 lower-case letters and digits.')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('The RP\'s DNS zone (DOMAIN), under which cluster domains without a dot are created.')
param dnsZoneName string

@description('The aro-rp container image, e.g. myregistry.azurecr.io/aro-rp:1.0.0.')
param image string

@description('Registry server the image is pulled from with the apps\' identities; empty for a public image.')
param registryServer string = ''

@description('The Cosmos DB database holding every container (ARO_COSMOS_DATABASE).')
param cosmosDatabaseName string = 'aro'

@description('Frontend replicas kept running.')
@minValue(1)
param frontendMinReplicas int = 2

@description('Most backend replicas.')
@minValue(1)
param backendMaxReplicas int = 4

@description('Days logs are kept in Log Analytics.')
@minValue(30)
param logRetentionInDays int = 30

// Globally unique names derive from the resource group, so a second environment in another group does not collide.
var uniqueSuffix = uniqueString(resourceGroup().id)

module identities 'modules/identities.bicep' = {
  name: 'identities'
  params: {
    location: location
    namePrefix: namePrefix
  }
}

var monitoringNames = {
  workspace: '${namePrefix}-logs'
  insights: '${namePrefix}-insights'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: monitoringNames.workspace
    insightsName: monitoringNames.insights
    retentionInDays: logRetentionInDays
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    location: location
    accountName: '${namePrefix}-cosmos-${uniqueSuffix}'
    databaseName: cosmosDatabaseName
    dataContributorPrincipalIds: [
      identities.outputs.frontendPrincipalId
      identities.outputs.backendPrincipalId
    ]
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  params: {
    location: location
    namespaceName: '${namePrefix}-bus-${uniqueSuffix}'
    senderPrincipalIds: [
      identities.outputs.frontendPrincipalId
      identities.outputs.backendPrincipalId
    ]
    receiverPrincipalIds: [
      identities.outputs.backendPrincipalId
    ]
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: '${namePrefix}-kv-${take(uniqueSuffix, 8)}'
    readerPrincipalIds: [
      identities.outputs.frontendPrincipalId
      identities.outputs.backendPrincipalId
    ]
  }
}

module dns 'modules/dns.bicep' = {
  name: 'dns'
  params: {
    zoneName: dnsZoneName
    backendPrincipalId: identities.outputs.backendPrincipalId
  }
}

module clusterProvisioner 'modules/cluster-provisioner-role.bicep' = {
  name: 'cluster-provisioner-role'
  scope: subscription()
  params: {
    namePrefix: namePrefix
    backendPrincipalId: identities.outputs.backendPrincipalId
  }
}

module apps 'modules/apps.bicep' = {
  name: 'apps'
  params: {
    location: location
    namePrefix: namePrefix
    image: image
    registryServer: registryServer
    // Names known at compile time rather than module outputs, so what-if can predict the apps.
    workspaceName: monitoringNames.workspace
    insightsName: monitoringNames.insights
    frontendIdentity: {
      id: identities.outputs.frontendId
      clientId: identities.outputs.frontendClientId
    }
    backendIdentity: {
      id: identities.outputs.backendId
      clientId: identities.outputs.backendClientId
    }
    frontendMinReplicas: frontendMinReplicas
    backendMaxReplicas: backendMaxReplicas
    // The RP's documented settings (env.example); AZURE_CLIENT_ID picks each app's identity for Azure.Identity.
    sharedSettings: [
      { name: 'RP_MODE', value: 'production' }
      { name: 'LOCATION', value: location }
      { name: 'DOMAIN', value: dnsZoneName }
      { name: 'ARO_LOG_FORMAT', value: 'json' }
      { name: 'ARO_STORE', value: 'cosmos' }
      { name: 'ARO_COSMOS_ENDPOINT', value: cosmos.outputs.endpoint }
      { name: 'ARO_COSMOS_DATABASE', value: cosmosDatabaseName }
      { name: 'ARO_COSMOS_CREATE_CONTAINERS', value: 'false' }
      { name: 'ARO_TRANSPORT', value: 'servicebus' }
      { name: 'ARO_SERVICEBUS_NAMESPACE', value: serviceBus.outputs.fullyQualifiedNamespace }
      { name: 'ARO_KEYVAULT_URL', value: keyVault.outputs.vaultUri }
    ]
    backendSettings: [
      { name: 'ARO_DNS_RESOURCE_GROUP_ID', value: resourceGroup().id }
    ]
  }
  dependsOn: [
    monitoring
    clusterProvisioner
    dns
  ]
}

output frontendFqdn string = apps.outputs.frontendFqdn
output keyVaultName string = keyVault.outputs.vaultName
output servingCertificateName string = keyVault.outputs.servingCertificateName
output adminCaName string = keyVault.outputs.adminCaName
output sealingKeyName string = keyVault.outputs.sealingKeyName
output dnsNameServers string[] = dns.outputs.nameServers
