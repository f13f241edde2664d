// One user-assigned identity per half of the RP, so each holds only the roles its half needs.
@description('Azure region of the identities.')
param location string

@description('Prefix of every resource name.')
param namePrefix string

resource frontend 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${namePrefix}-frontend'
  location: location
}

resource backend 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: '${namePrefix}-backend'
  location: location
}

output frontendId string = frontend.id
output frontendPrincipalId string = frontend.properties.principalId
output frontendClientId string = frontend.properties.clientId
output backendId string = backend.id
output backendPrincipalId string = backend.properties.principalId
output backendClientId string = backend.properties.clientId
