using Aro.Backend;
using Aro.Cloud;
using Aro.Frontend;
using Aro.Frontend.Authentication;
using Aro.LocalCloud;
using Aro.Messaging;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.ServiceBus;
using Aro.Orchestration;
using Aro.Persistence;

namespace Aro.Rp.Hosting;

/// <summary>
/// The configuration sections the RP binds and the options type each binds to, so settings can be checked against
/// the types they will become before anything binds them (<see cref="ConfigurationValueCheck"/>).
/// </summary>
internal static class BoundOptionSections
{
    public static IReadOnlyList<(string Section, Type Options)> All { get; } =
    [
        (RpOptions.SectionName, typeof(RpOptions)),
        (PersistenceOptions.SectionName, typeof(PersistenceOptions)),
        (FrontendOptions.SectionName, typeof(FrontendOptions)),
        (ArmAuthenticationOptions.SectionName, typeof(ArmAuthenticationOptions)),
        (AdminAuthenticationOptions.SectionName, typeof(AdminAuthenticationOptions)),
        (CloudOptions.SectionName, typeof(CloudOptions)),
        (LocalCloudOptions.SectionName, typeof(LocalCloudOptions)),
        (ClusterLifecycleOptions.SectionName, typeof(ClusterLifecycleOptions)),
        (BackendOptions.SectionName, typeof(BackendOptions)),
        (MessagingOptions.SectionName, typeof(MessagingOptions)),
        ($"{MessagingOptions.SectionName}:{RabbitMqOptions.SectionName}", typeof(RabbitMqOptions)),
        (ServiceBusTransportOptions.SectionName, typeof(ServiceBusTransportOptions)),
    ];

    /// <summary>The section an options type binds to, by the type's name (as DataAnnotations failures name it).</summary>
    public static string? SectionOf(string optionsTypeName) =>
        All.FirstOrDefault(bound => bound.Options.Name == optionsTypeName).Section;
}
