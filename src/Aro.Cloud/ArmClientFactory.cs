using Azure.Core;
using Azure.ResourceManager;
using Microsoft.Extensions.Options;

namespace Aro.Cloud;

/// <summary>
/// Builds the one <see cref="ArmClient"/> the adapters share: pointed at <see cref="CloudOptions.ArmEndpoint"/>
/// (or the ARM of the Azure cloud named by <see cref="CloudOptions.AzureCloud"/>), authenticated by the registered <see cref="TokenCredential"/>, with the
/// generic resource types' api-versions pinned.
/// </summary>
public sealed class ArmClientFactory(IOptions<CloudOptions> options, TokenCredential credential, CloudHttpTransport transport)
{
    private readonly CloudOptions _options = options.Value;

    /// <summary>
    /// The configured cloud's ARM and audience; an endpoint override keeps the named cloud's audience (the emulator takes
    /// any, so the public one keeps its token requests well-formed).
    /// </summary>
    public ArmEnvironment Environment
    {
        get
        {
            var cloud = AzureClouds.Arm(_options.AzureCloud);
            return _options.ArmEndpoint is { } endpoint ? new ArmEnvironment(endpoint, cloud.Audience) : cloud;
        }
    }

    public ArmClient Create()
    {
        var clientOptions = new ArmClientOptions();
        ArmApiVersions.Apply(clientOptions);
        clientOptions.Environment = Environment;

        clientOptions.Transport = transport.Transport;
        return new ArmClient(credential, defaultSubscriptionId: null, clientOptions);
    }
}
