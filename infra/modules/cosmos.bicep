// The RP's Cosmos DB account, database and containers. Names and the partition key path are the ones
// src/Aro.Persistence/Cosmos (ContainerNames, CosmosDatabase.PartitionKeyPath) uses; a test compares them.
// Keys are disabled: the RP's identities use Entra ID and Cosmos DB's data-plane RBAC.
@description('Azure region of the account.')
param location string

@description('Globally unique account name.')
param accountName string

@description('The database holding every container (ARO_COSMOS_DATABASE).')
param databaseName string

@description('Principal ids of the identities that read and write documents (the frontend and the backend).')
param dataContributorPrincipalIds string[]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    consistencyPolicy: {
      // The stores rely on ETags and single-partition reads of what they just wrote.
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    options: {
      autoscaleSettings: {
        maxThroughput: 1000
      }
    }
  }
}

resource openShiftClusters 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = {
  parent: database
  name: 'OpenShiftClusters'
  properties: {
    resource: {
      id: 'OpenShiftClusters'
      partitionKey: {
        paths: [
          '/partitionKey'
        ]
        kind: 'Hash'
      }
    }
  }
}

resource subscriptions 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = {
  parent: database
  name: 'Subscriptions'
  properties: {
    resource: {
      id: 'Subscriptions'
      partitionKey: {
        paths: [
          '/partitionKey'
        ]
        kind: 'Hash'
      }
    }
  }
}

resource asyncOperations 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = {
  parent: database
  name: 'AsyncOperations'
  properties: {
    resource: {
      id: 'AsyncOperations'
      partitionKey: {
        paths: [
          '/partitionKey'
        ]
        kind: 'Hash'
      }
    }
  }
}

resource scheduledMessages 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = {
  parent: database
  name: 'ScheduledMessages'
  properties: {
    resource: {
      id: 'ScheduledMessages'
      partitionKey: {
        paths: [
          '/partitionKey'
        ]
        kind: 'Hash'
      }
    }
  }
}

// Which cluster holds which managed domain: the create PUT's domain check reads one partition of it, not every cluster.
resource clusterDomains 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = {
  parent: database
  name: 'ClusterDomains'
  properties: {
    resource: {
      id: 'ClusterDomains'
      partitionKey: {
        paths: [
          '/partitionKey'
        ]
        kind: 'Hash'
      }
    }
  }
}

// Cosmos DB Built-in Data Contributor: documents only; creating containers stays with this template.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleDefinitions@2025-04-15' existing = {
  parent: account
  name: '00000000-0000-0000-0000-000000000002'
}

resource dataContributorAssignments 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = [
  for principalId in dataContributorPrincipalIds: {
    parent: account
    name: guid(account.id, principalId, dataContributor.id)
    properties: {
      roleDefinitionId: dataContributor.id
      principalId: principalId
      scope: '${account.id}/dbs/${database.name}'
    }
  }
]

output endpoint string = account.properties.documentEndpoint
