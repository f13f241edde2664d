// Where telemetry lands: a Log Analytics workspace for logs and an Application Insights component on it for the
// OpenTelemetry traces and metrics the RP exports over OTLP (the Container Apps environment's managed agent forwards them).
@description('Azure region of the workspace.')
param location string

@description('Name of the Log Analytics workspace.')
param workspaceName string

@description('Name of the Application Insights component.')
param insightsName string

@description('Days logs are kept.')
@minValue(30)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'other'
    WorkspaceResourceId: workspace.id
  }
}
