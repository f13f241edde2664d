// A development deployment: one frontend, one backend, the image from a registry the identities can pull from.
using 'main.bicep'

param namePrefix = 'arodev'
param dnsZoneName = 'dev.aro.example.com'
param image = 'arodev.azurecr.io/aro-rp:dev'
param registryServer = 'arodev.azurecr.io'
param frontendMinReplicas = 1
param backendMaxReplicas = 2
