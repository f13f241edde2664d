using System.Text.Json;
using Aro.Api.Serialization;
using Aro.Api.Validation;
using Aro.Api.Versioning;

namespace Aro.Api.V20191231Preview;

/// <summary>Static validation of a 2019-12-31-preview request: the shared rules over this version's VM sizes.</summary>
public static class OpenShiftClusterStaticValidator
{
    private static readonly ClusterStaticValidator Rules = new(VmSizes.All);

    /// <exception cref="CloudError">The first rule the request breaks.</exception>
    public static void Validate(OpenShiftCluster request, Model.OpenShiftCluster candidate, StaticValidationContext context)
    {
        var current = context.Existing is null ? null : ToJson(OpenShiftClusterConverter.ToExternal(context.Existing));
        Rules.Validate(ToJson(request), candidate, current, context);
    }

    private static System.Text.Json.Nodes.JsonObject ToJson(OpenShiftCluster cluster) =>
        JsonSerializer.SerializeToNode(cluster, ExternalJson.Options)!.AsObject();
}
