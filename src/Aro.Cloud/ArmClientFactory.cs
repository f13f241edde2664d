using Azure.Core;
using Azure.ResourceManager;
using Microsoft.Extensions.Options;

namespace Aro.Cloud;

/// <summary>
/// Builds the one <see cref="ArmClient"/> the adapters share: pointed at <see cref="CloudOptions.ArmEndpoint"/>
/// (or the Azure public cloud), authenticated by the registered <see cref="TokenCredential"/>, with the
/// generic resource types' api-versions pinned.
/// </summary>
public sealed class ArmClientFactory(IOptions<CloudOptions> options, TokenCredential credential, CloudHttpTransport transport)
{
    private readonly CloudOptions _options = options.Value;

    public ArmClient Create()
    {
        var clientOptions = new ArmClientOptions();
        ArmApiVersions.Apply(clientOptions);
        if (_options.ArmEndpoint is { } endpoint)
        {
            // The emulator takes any audience; the default scope keeps token requests well-formed.
            clientOptions.Environment = new ArmEnvironment(endpoint, ArmEnvironment.AzurePublicCloud.Audience);
        }

        clientOptions.Transport = transport.Transport;
        return new ArmClient(credential, defaultSubscriptionId: null, clientOptions);
    }
}
