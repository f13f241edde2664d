using Aro.Api.Model;
using Aro.Cloud.Clusters;

namespace Aro.Consumers.Pki;

/// <summary>A cluster whose InfraId and PKI are stored, with the checked domain its certificates are issued for.</summary>
internal sealed record PkiReadyCluster(OpenShiftCluster Cluster, ClusterDomain Domain);
