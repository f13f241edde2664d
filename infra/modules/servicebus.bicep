// The RP's Service Bus namespace and every entity its bus uses, created here so the RP's identities only send and
// receive (Data Sender / Data Receiver) and never manage entities. The topology follows MassTransit's conventions on
// Service Bus and is the one src/Aro.Rp/Messaging/ServiceBus/ServiceBusTopology.cs describes; a test compares the two.
//   queues: one per receive endpoint (kebab-case endpoint name) with its _error and _skipped queues;
//   topics: one per consumed message type, named Namespace/TypeName, written here with '~' for '/' because ARM
//           reserves '/' in resource names and the Service Bus resource provider turns '~' into '/';
//   subscriptions: one per topic and consuming endpoint, named as the endpoint, forwarding into its queue.
@description('Azure region of the namespace.')
param location string

@description('Globally unique namespace name.')
param namespaceName string

@description('Principal ids of the identities that publish (the frontend and the backend).')
param senderPrincipalIds string[]

@description('Principal ids of the identities that consume (the backend).')
param receiverPrincipalIds string[]

var queues = [
  'aro-scheduler'
  'aro-scheduler_error'
  'aro-scheduler_skipped'
  'cluster-lifecycle-state'
  'cluster-lifecycle-state_error'
  'cluster-lifecycle-state_skipped'
  'cluster-projection'
  'cluster-projection_error'
  'cluster-projection_skipped'
  'configure-dns'
  'configure-dns_error'
  'configure-dns_skipped'
  'generate-ignition'
  'generate-ignition_error'
  'generate-ignition_skipped'
  'issue-credentials'
  'issue-credentials_error'
  'issue-credentials_skipped'
  'provision-virtual-machines'
  'provision-virtual-machines_error'
  'provision-virtual-machines_skipped'
  'scale-workers'
  'scale-workers_error'
  'scale-workers_skipped'
  'tear-down-cluster'
  'tear-down-cluster_error'
  'tear-down-cluster_skipped'
  'validate-network'
  'validate-network_error'
  'validate-network_skipped'
]

var topics = [
  { name: 'Aro.Contracts/ClusterCreateRequested', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterDeleteRequested', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterDeleted', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ClusterDeletionFailed', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ClusterProvisioningFailed', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ClusterProvisioningSucceeded', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ClusterScaleRequested', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterTeardownFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterTornDown', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterUpdateFailed', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ClusterUpdateRequested', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ClusterUpdateSucceeded', subscribers: ['cluster-projection'] }
  { name: 'Aro.Contracts/ConfigureDns', subscribers: ['configure-dns'] }
  { name: 'Aro.Contracts/CredentialsIssuanceFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/CredentialsIssued', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/DnsConfigurationFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/DnsConfigured', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/GenerateIgnition', subscribers: ['generate-ignition'] }
  { name: 'Aro.Contracts/IgnitionGenerated', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/IgnitionGenerationFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/IssueCredentials', subscribers: ['issue-credentials'] }
  { name: 'Aro.Contracts/NetworkValidated', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/NetworkValidationFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/ProvisionVirtualMachines', subscribers: ['provision-virtual-machines'] }
  { name: 'Aro.Contracts/ScaleWorkers', subscribers: ['scale-workers'] }
  { name: 'Aro.Contracts/TearDownCluster', subscribers: ['tear-down-cluster'] }
  { name: 'Aro.Contracts/ValidateNetwork', subscribers: ['validate-network'] }
  { name: 'Aro.Contracts/VirtualMachinesProvisioned', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/VirtualMachinesProvisioningFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/WorkerScalingFailed', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Contracts/WorkersScaled', subscribers: ['cluster-lifecycle-state'] }
  { name: 'Aro.Orchestration/ClusterStepTimedOut', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit.Scheduling/CancelScheduledMessage', subscribers: ['aro-scheduler'] }
  { name: 'MassTransit.Scheduling/ScheduleMessage', subscribers: ['aro-scheduler'] }
  { name: 'MassTransit/Fault--Aro.Contracts/ConfigureDns--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/GenerateIgnition--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/IssueCredentials--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/ProvisionVirtualMachines--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/ScaleWorkers--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/TearDownCluster--', subscribers: ['cluster-lifecycle-state'] }
  { name: 'MassTransit/Fault--Aro.Contracts/ValidateNetwork--', subscribers: ['cluster-lifecycle-state'] }
]

// One entry per subscription: which topic (by index into topics) and which endpoint queue it feeds.
var subscriptions = flatten(map(
  range(0, length(topics)),
  topicIndex => map(topics[topicIndex].subscribers, queue => { topicIndex: topicIndex, queue: queue })
))

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: namespaceName
  location: location
  sku: {
    // Topics and auto-forwarding need Standard; Premium adds isolation and zone redundancy at a fixed price.
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

resource queueResources 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queue in queues: {
    parent: namespace
    name: queue
    properties: {
      // A step may run for minutes; the receiver renews the lock, this is the unit it renews by.
      lockDuration: 'PT5M'
      maxDeliveryCount: 5
      deadLetteringOnMessageExpiration: false
      enableBatchedOperations: true
    }
  }
]

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topics: {
    parent: namespace
    name: replace(topic.name, '/', '~')
    properties: {
      enableBatchedOperations: true
    }
  }
]

resource subscriptionResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscription in subscriptions: {
    parent: topicResources[subscription.topicIndex]
    name: subscription.queue
    properties: {
      forwardTo: subscription.queue
      lockDuration: 'PT5M'
      maxDeliveryCount: 5
      enableBatchedOperations: true
    }
    dependsOn: [
      queueResources
    ]
  }
]

var dataSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')
var dataReceiver = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0')

resource senders 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in senderPrincipalIds: {
    scope: namespace
    name: guid(namespace.id, principalId, dataSender)
    properties: {
      roleDefinitionId: dataSender
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource receivers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in receiverPrincipalIds: {
    scope: namespace
    name: guid(namespace.id, principalId, dataReceiver)
    properties: {
      roleDefinitionId: dataReceiver
      principalId: principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
