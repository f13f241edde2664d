// The RP's DNS zone (DOMAIN): cluster API and console records are written under it by the backend, which holds
// DNS Zone Contributor on this zone only.
@description('The zone, e.g. aro.example.com; delegate it from its parent zone after the deployment.')
param zoneName string

@description('Principal id of the backend identity.')
param backendPrincipalId string

resource zone 'Microsoft.Network/dnsZones@2018-05-01' = {
  name: zoneName
  location: 'global'
}

var dnsZoneContributor = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'befefa01-2a29-4197-83a8-272ff33ce314')

resource backendZoneContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: zone
  // Named from what is deterministic at compile time, so what-if can predict it.
  name: guid(zone.id, dnsZoneContributor, 'backend')
  properties: {
    roleDefinitionId: dnsZoneContributor
    principalId: backendPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output nameServers string[] = zone.properties.nameServers
