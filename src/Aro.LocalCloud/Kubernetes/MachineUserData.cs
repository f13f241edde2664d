using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;

namespace Aro.LocalCloud.Kubernetes;

/// <summary>
/// What a new machine's VM boots with: the <c>userData</c> of the Secret its providerSpec names
/// (<c>userDataSecret: {name, namespace}</c>, namespace defaulting to openshift-machine-api), passed as the VM's
/// custom data, base64 as both the Secret and ARM carry it.
/// </summary>
/// <param name="CustomData">The VM's custom data; null when the providerSpec names no Secret (or while it is missing).</param>
/// <param name="Missing">Why the VM cannot be created yet (the named Secret or its key is missing); null otherwise.</param>
internal sealed record MachineUserData(string? CustomData, string? Missing)
{
    public const string UserDataKey = "userData";

    public static MachineUserData Resolve(SimulatedClusterState cluster, JsonObject providerSpec)
    {
        if (providerSpec["userDataSecret"] is not JsonObject reference || reference["name"]?.GetValue<string>() is not { } name)
        {
            return new MachineUserData(null, null);
        }

        var ns = reference["namespace"]?.GetValue<string>() ?? KubernetesObjects.MachineApiNamespace;
        return SecretRequests.Data(cluster, ns, name, UserDataKey) is { } data
            ? new MachineUserData(data, null)
            : new MachineUserData(null, $"failed to get user data: secret {ns}/{name} not found or has no {UserDataKey} key");
    }
}
