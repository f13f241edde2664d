// The compute: a Container Apps environment running `aro-rp frontend` and `aro-rp backend` from one image, each under
// its own user-assigned identity (docs/adr/0004-container-apps-for-the-rp.md says why Container Apps). Settings are the
// RP's documented environment variables (env.example); a test checks every name here against the code's.
@description('Azure region of the environment and the apps.')
param location string

@description('Prefix of every resource name.')
param namePrefix string

@description('The aro-rp container image, e.g. myregistry.azurecr.io/aro-rp:1.0.0.')
param image string

@description('Registry server the image is pulled from with the apps\' identities (AcrPull); empty for a public image.')
param registryServer string

@description('Log Analytics workspace receiving the environment\'s console and system logs.')
param workspaceName string

@description('Application Insights component the managed OpenTelemetry agent exports traces and logs to.')
param insightsName string

@description('Frontend identity: resource id and client id.')
param frontendIdentity { id: string, clientId: string }

@description('Backend identity: resource id and client id.')
param backendIdentity { id: string, clientId: string }

@description('Settings both halves share (name and value pairs).')
param sharedSettings { name: string, value: string }[]

@description('Settings only the backend reads.')
param backendSettings { name: string, value: string }[]

@description('Frontend replicas: at least two, so one can restart while the other answers ARM.')
@minValue(1)
param frontendMinReplicas int

@description('Most backend replicas; they share the work through the queues.')
@minValue(1)
param backendMaxReplicas int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' existing = {
  name: workspaceName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

// A preview API version: the managed OpenTelemetry agent (appInsightsConfiguration, openTelemetryConfiguration) is
// not in a stable one yet.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: '${namePrefix}-env'
  location: location
  properties: {
    // Logs go through Azure Monitor diagnostic settings (below), so no workspace key is handed to the environment.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    appInsightsConfiguration: {
      connectionString: insights.properties.ConnectionString
    }
    // The managed agent sets OTEL_EXPORTER_OTLP_ENDPOINT in every container, which turns on the RP's OTLP exporter.
    openTelemetryConfiguration: {
      tracesConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
      logsConfiguration: {
        destinations: [
          'appInsights'
        ]
      }
    }
    zoneRedundant: false
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: environment
  name: 'logs-to-workspace'
  properties: {
    workspaceId: workspace.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

var registries = empty(registryServer) ? [] : [{ server: registryServer }]

resource frontend 'Microsoft.App/containerApps@2025-01-01' = {
  name: '${namePrefix}-frontend'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${frontendIdentity.id}': {}
    }
  }
  properties: {
    environmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      // ARM calls the RP with a client certificate: ingress requires one and forwards it to the app
      // (X-Forwarded-Client-Cert), terminating TLS with the serving certificate bound to the RP's custom domain.
      ingress: {
        external: true
        targetPort: 8080
        transport: 'http'
        allowInsecure: false
        clientCertificateMode: 'require'
      }
      registries: [for registry in registries: { server: registry.server, identity: frontendIdentity.id }]
    }
    template: {
      containers: [
        {
          name: 'frontend'
          image: image
          args: [
            'frontend'
          ]
          env: concat(sharedSettings, [
            { name: 'AZURE_CLIENT_ID', value: frontendIdentity.clientId }
            { name: 'ARO_LISTEN_URL', value: 'http://0.0.0.0:8080' }
          ])
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz/ready'
                port: 8080
              }
            }
          ]
        }
      ]
      scale: {
        minReplicas: frontendMinReplicas
        maxReplicas: max(frontendMinReplicas, 10)
      }
    }
  }
}

resource backend 'Microsoft.App/containerApps@2025-01-01' = {
  name: '${namePrefix}-backend'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${backendIdentity.id}': {}
    }
  }
  properties: {
    environmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      registries: [for registry in registries: { server: registry.server, identity: backendIdentity.id }]
    }
    template: {
      containers: [
        {
          name: 'backend'
          image: image
          args: [
            'backend'
          ]
          env: concat(sharedSettings, backendSettings, [
            { name: 'AZURE_CLIENT_ID', value: backendIdentity.clientId }
            { name: 'ARO_LISTEN_URL', value: 'http://0.0.0.0:8080' }
            // Each method compiled once, optimized: about 30 MB less code with many creates in flight, at no measured
            // CPU cost; the frontend keeps tiered compilation for its read path (docs/adr/0007).
            { name: 'DOTNET_TieredCompilation', value: '0' }
            // The collector's regions at 1 MB instead of 4 MB (hexadecimal): 5-10 MB less resident (docs/adr/0007).
            { name: 'DOTNET_GCRegionSize', value: '0x100000' }
          ])
          resources: {
            cpu: json('1.0')
            memory: '2Gi'
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 8080
              }
            }
          ]
        }
      ]
      // The reconciler and the scheduler's delivery run in every backend, so one always runs.
      scale: {
        minReplicas: 1
        maxReplicas: backendMaxReplicas
      }
    }
  }
}

output frontendFqdn string = frontend.properties.configuration.ingress.fqdn
output environmentName string = environment.name
