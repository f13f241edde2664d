using System.Text.RegularExpressions;
using Aro.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;

namespace Aro.Rp.Hosting;

/// <summary>
/// The RP's documented environment variables (env.example) mapped onto configuration sections, so
/// operators set LOCATION or ARO_DATA_DIR as the reference RP's users do while the code binds typed,
/// validated options from sections.
/// </summary>
internal static partial class AroEnvironmentVariables
{
    private static readonly (string Variable, string[] Keys)[] Mappings =
    [
        ("LOCATION", ["Frontend:Location", "Cloud:Location", "LocalCloud:DefaultLocation"]),
        ("DOMAIN", ["Frontend:Domain", "Cloud:Domain"]),
        ("OPENSHIFT_VERSION", ["Frontend:OpenShiftVersion"]),
        ("ARO_ASYNC_OPERATION_RETENTION_DAYS", ["Frontend:AsyncOperationRetentionDays", "Backend:AsyncOperationRetentionDays"]),
        ("ARO_LIST_PAGE_SIZE", ["Frontend:ListPageSize"]),
        ("ARO_SUBSCRIPTION_STATE_CACHE_SECONDS", ["Frontend:SubscriptionStateCacheSeconds"]),
        ("ARO_CLUSTER_JSON_CACHE_MB", ["Frontend:ClusterJsonCacheMegabytes"]),
        ("RP_MODE", ["Rp:Mode"]),
        ("ARO_DATA_DIR", ["Rp:DataDirectory"]),
        ("ARO_STORE", ["Persistence:Store"]),
        ("ARO_COSMOS_ENDPOINT", ["Persistence:Cosmos:Endpoint"]),
        ("ARO_COSMOS_KEY", ["Persistence:Cosmos:Key"]),
        ("ARO_COSMOS_DATABASE", ["Persistence:Cosmos:DatabaseName"]),
        ("ARO_COSMOS_ALLOW_UNTRUSTED_CERTIFICATES", ["Persistence:Cosmos:AllowUntrustedCertificates"]),
        ("ARO_COSMOS_CREATE_CONTAINERS", ["Persistence:Cosmos:CreateContainers"]),
        ("ARO_LISTEN_URL", ["Rp:ListenUrl"]),
        ("ARO_TLS_CERTIFICATE_FILE", ["Rp:TlsCertificateFile"]),
        ("ARO_TLS_MIN_VERSION", ["Rp:MinimumTlsVersion"]),
        ("ARO_DEVELOPMENT_LISTEN_ANY", ["Rp:DevelopmentListensOnAnyAddress"]),
        ("ARO_ARM_METADATA_ENDPOINT", ["ArmAuthentication:MetadataEndpoint"]),
        ("ARO_ARM_METADATA_REFRESH_INTERVAL", ["ArmAuthentication:RefreshInterval"]),
        ("ARO_ADMIN_CA_CERTIFICATE_FILE", ["AdminAuthentication:CaCertificateFile"]),
        ("ARO_ADMIN_CLIENT_CERTIFICATE_SUBJECT", ["AdminAuthentication:ClientCertificateSubject"]),
        ("ARO_ADMIN_URL", ["AdminClient:Url"]),
        ("ARO_ADMIN_CLIENT_CERTIFICATE_FILE", ["AdminClient:CertificateFile"]),
        ("ARO_ADMIN_CLIENT_KEY_FILE", ["AdminClient:KeyFile"]),
        ("ARO_ADMIN_SERVER_CERTIFICATE_FILE", ["AdminClient:ServerCertificateFile"]),
        ("ARO_LOG_LEVEL", ["Serilog:MinimumLevel:Default"]),
        ("ARO_LOG_FORMAT", ["Rp:LogFormat"]),
        ("ARO_CLOUD_ENDPOINT", ["Cloud:ArmEndpoint"]),
        ("ARO_AZURE_CLOUD", ["Cloud:AzureCloud"]),
        ("ARO_AUTHORITY_HOST", ["Cloud:AuthorityHost"]),
        ("ARO_CLOUD_ALLOW_UNTRUSTED_CERTIFICATES", ["Cloud:AllowUntrustedCertificates"]),
        ("ARO_DNS_RESOURCE_GROUP_ID", ["Cloud:DnsZoneResourceGroupId"]),
        ("ARO_LOCAL_CLOUD_URL", ["LocalCloud:Url"]),
        ("ARO_LOCAL_CLOUD_VM_LATENCY", ["LocalCloud:Latency:Microsoft.Compute/virtualMachines/write"]),
        ("ARO_LOCAL_CLOUD_STRICT_SERVICE_PRINCIPALS", ["LocalCloud:StrictServicePrincipals"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_ENABLED", ["LocalCloud:ServiceBus:Enabled"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_PORT", ["LocalCloud:ServiceBus:Port"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_ADMIN_PORT", ["LocalCloud:ServiceBus:AdministrationPort"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_KEY", ["LocalCloud:ServiceBus:Key"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_HOST", ["LocalCloud:ServiceBus:Host"]),
        ("ARO_LOCAL_CLOUD_SERVICEBUS_TOPOLOGY", ["LocalCloud:ServiceBus:TopologyFile"]),
        ("ARO_STEP_TIMEOUT", ["Orchestration:StepTimeout"]),
        ("ARO_MAX_STEP_ATTEMPTS", ["Orchestration:MaxStepAttempts"]),
        ("ARO_RECONCILE_INTERVAL", ["Backend:ReconcileInterval"]),
        ("ARO_RECONCILE_STALE_AFTER", ["Backend:StaleAfter"]),
        ("ARO_TRANSPORT", ["Messaging:Transport"]),
        ("ARO_RABBITMQ_HOST", ["Messaging:RabbitMq:Host"]),
        ("ARO_RABBITMQ_PORT", ["Messaging:RabbitMq:Port"]),
        ("ARO_RABBITMQ_VHOST", ["Messaging:RabbitMq:VirtualHost"]),
        ("ARO_RABBITMQ_USERNAME", ["Messaging:RabbitMq:Username"]),
        ("ARO_RABBITMQ_PASSWORD", ["Messaging:RabbitMq:Password"]),
        ("ARO_RABBITMQ_TLS", ["Messaging:RabbitMq:UseTls"]),
        ("ARO_SCHEDULER_POLL_INTERVAL", ["Messaging:Scheduler:PollInterval"]),
        .. ServiceBusEnvironmentVariables.ConfigurationKeys.Select(mapping => (mapping.Key, new[] { mapping.Value })),
        ("ARO_KEYVAULT_URL", ["Rp:KeyVaultUrl"]),
        ("ARO_KEYVAULT_REFRESH_INTERVAL", ["Rp:KeyVaultRefreshInterval"]),
        ("ARO_AZURE_CREDENTIAL", ["AzureIdentity:Credential"]),
        ("ARO_MANAGED_IDENTITY_CLIENT_ID", ["AzureIdentity:ManagedIdentityClientId"]),
        ("ARO_MANAGED_IDENTITY_OBJECT_ID", ["AzureIdentity:ManagedIdentityObjectId"]),
    ];

    /// <summary>Every variable the RP reads; env.example documents each.</summary>
    public static IEnumerable<string> Names => Mappings.Select(m => m.Variable);

    /// <summary>The variables that set keys under any of <paramref name="sections"/> ("Messaging", "Rp:LogFormat"), in env.example's order.</summary>
    public static IEnumerable<string> For(params string[] sections) =>
        Mappings
            .Where(m => m.Keys.Any(key => sections.Any(section => key.Equals(section, StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))))
            .Select(m => m.Variable);

    /// <summary>
    /// What an operator sets to change configuration key <paramref name="key"/>: its documented variable, or else the
    /// key's own environment form (Backend__RetentionSweepInterval).
    /// </summary>
    public static string NameOf(string key) =>
        Mappings.FirstOrDefault(m => m.Keys.Contains(key, StringComparer.OrdinalIgnoreCase)).Variable
        ?? key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="message"/> (from an options validator, which knows keys only) with every mapped key replaced by
    /// its variable, and a variable the message then names twice ("ARO_TRANSPORT (ARO_TRANSPORT)") named once.
    /// </summary>
    public static string InTermsOfVariables(string message)
    {
        foreach (var (variable, key) in Mappings.SelectMany(m => m.Keys.Select(key => (m.Variable, Key: key))).OrderByDescending(pair => pair.Key.Length))
        {
            message = Regex.Replace(message, $@"(?<![\w:]){Regex.Escape(key)}(?![\w:])", variable);
        }

        return RepeatedVariable().Replace(message, match =>
            message.IndexOf(match.Groups["variable"].Value, StringComparison.Ordinal) < match.Index ? "" : match.Value);
    }

    [GeneratedRegex(@" \((?:set )?(?<variable>[A-Z][A-Z0-9_]+)\)")]
    private static partial Regex RepeatedVariable();

    public static IConfigurationBuilder AddAroEnvironmentVariables(this IConfigurationBuilder configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, keys) in Mappings)
        {
            var value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            foreach (var key in keys)
            {
                values[key] = value;
            }
        }

        return configuration.AddInMemoryCollection(values);
    }
}
