// Key Vault in RBAC mode for the RP's serving certificate, the admin CA and the secret-sealing keys. The operator
// imports or creates them under the names below (src/Aro.Rp/Hosting/KeyVaultObjectNames.cs; a test compares the two).
@description('Azure region of the vault.')
param location string

@description('Globally unique vault name (3-24 characters).')
@maxLength(24)
param vaultName string

@description('Principal ids of the identities that read the certificates and sealing keys (the frontend and the backend).')
param readerPrincipalIds string[]

@description('Entra tenant of the vault.')
param tenantId string = subscription().tenantId

// Certificates are read through the secret endpoint (private key included), the sealing keys are secrets.
var objectNames = {
  servingCertificate: 'rp-serving-certificate'
  adminCa: 'rp-admin-ca'
  sealingKey: 'rp-secret-sealing-key'
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

var secretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')
var certificateUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba')

// At vault scope: the objects are created after this deployment, and an assignment needs its scope to exist.
resource secretsUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in readerPrincipalIds: {
    scope: vault
    name: guid(vault.id, principalId, secretsUser)
    properties: {
      roleDefinitionId: secretsUser
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource certificateUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in readerPrincipalIds: {
    scope: vault
    name: guid(vault.id, principalId, certificateUser)
    properties: {
      roleDefinitionId: certificateUser
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
output servingCertificateName string = objectNames.servingCertificate
output adminCaName string = objectNames.adminCa
output sealingKeyName string = objectNames.sealingKey
