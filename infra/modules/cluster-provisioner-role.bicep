// What the backend needs on the subscription where clusters are created: their resource groups and what goes in
// them (network, compute, storage for Ignition), and nothing about access control. A custom role rather than
// Contributor, which would also let it touch every other resource of the subscription.
targetScope = 'subscription'

@description('Principal id of the backend identity.')
param backendPrincipalId string

@description('Prefix of the role name, so several RPs can share a subscription.')
param namePrefix string

resource role 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, namePrefix, 'cluster-provisioner')
  properties: {
    roleName: '${namePrefix} cluster provisioner'
    description: 'Lets the ARO RP backend create, change and delete cluster resource groups and the resources in them.'
    type: 'CustomRole'
    assignableScopes: [
      subscription().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Resources/subscriptions/resourceGroups/read'
          'Microsoft.Resources/subscriptions/resourceGroups/write'
          'Microsoft.Resources/subscriptions/resourceGroups/delete'
          'Microsoft.Resources/deployments/*'
          'Microsoft.Compute/virtualMachines/*'
          'Microsoft.Compute/disks/*'
          'Microsoft.Network/networkInterfaces/*'
          'Microsoft.Network/loadBalancers/*'
          'Microsoft.Network/publicIPAddresses/*'
          'Microsoft.Network/networkSecurityGroups/*'
          'Microsoft.Network/virtualNetworks/read'
          'Microsoft.Network/virtualNetworks/subnets/read'
          'Microsoft.Network/virtualNetworks/subnets/join/action'
          'Microsoft.Network/routeTables/read'
          'Microsoft.Network/routeTables/join/action'
          'Microsoft.Storage/storageAccounts/*'
        ]
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/*'
        ]
        notDataActions: []
      }
    ]
  }
}

resource assignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Named from what is deterministic at compile time, so what-if can predict it.
  name: guid(subscription().id, namePrefix, 'cluster-provisioner', 'backend')
  properties: {
    roleDefinitionId: role.id
    principalId: backendPrincipalId
    principalType: 'ServicePrincipal'
  }
}
