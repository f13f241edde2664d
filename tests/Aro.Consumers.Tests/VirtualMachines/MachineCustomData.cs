using System.Text;
using System.Text.Json.Nodes;
using Aro.Consumers.Tests.Ignition;
using Aro.Consumers.Tests.Network;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Compute;
using Microsoft.Extensions.DependencyInjection;

namespace Aro.Consumers.Tests.VirtualMachines;

/// <summary>Reads machines' custom data back from the cloud and checks it is the pointer config the installer gives a role.</summary>
internal static class MachineCustomData
{
    /// <summary>The custom data (decoded) of every worker VM in <see cref="ValidCluster"/>'s cluster resource group, by name.</summary>
    public static async Task<IReadOnlyList<(string Name, string? CustomData)>> WorkersAsync(IServiceProvider services)
    {
        var arm = services.GetRequiredService<ArmClient>();
        var workers = new List<(string, string?)>();
        await foreach (var vm in arm.GetResourceGroupResource(new ResourceIdentifier(ValidCluster.ClusterResourceGroupId)).GetVirtualMachines().GetAllAsync())
        {
            if (!vm.Data.Name.Contains("-worker-", StringComparison.Ordinal))
            {
                continue;
            }

            // One GET per VM, as a reader of a single machine would: the local cloud keeps custom data and returns it there.
            var data = (await vm.GetAsync()).Value.Data;
            var customData = data.OSProfile?.CustomData is { } encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : null;
            workers.Add((data.Name, customData));
        }

        return [.. workers.OrderBy(w => w.Item1, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Fails unless <paramref name="customData"/> is a config ignition-validate accepts that merges the machine config
    /// server's <paramref name="role"/> config on the API's internal name and trusts exactly the cluster's root CA.
    /// </summary>
    public static async Task AssertPointerAsync(string name, string? customData, string role)
    {
        Assert.True(customData is not null, $"{name} has no custom data.");
        await IgnitionValidator.AssertValidAsync(Encoding.UTF8.GetBytes(customData), name);
        var ignition = JsonNode.Parse(customData)!["ignition"]!;
        Assert.Equal($"https://api-int.mycluster.aro.localhost:22623/config/{role}", ignition["config"]!["merge"]![0]!["source"]!.GetValue<string>());
        var ca = ignition["security"]!["tls"]!["certificateAuthorities"]![0]!["source"]!.GetValue<string>();
        Assert.StartsWith("data:", ca, StringComparison.Ordinal);
        Assert.Equal(ValidCluster.Pki.RootCaCertificatePem, Encoding.UTF8.GetString(Convert.FromBase64String(ca[(ca.IndexOf(',', StringComparison.Ordinal) + 1)..])));
    }
}
