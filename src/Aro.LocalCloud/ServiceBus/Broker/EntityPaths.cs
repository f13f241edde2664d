namespace Aro.LocalCloud.ServiceBus.Broker;

/// <summary>How Service Bus spells the paths of sub-entities.</summary>
public static class EntityPaths
{
    public const string DeadLetterSuffix = "/$DeadLetterQueue";
    public const string SubscriptionsSegment = "/Subscriptions/";
    public const string RulesSegment = "/Rules/";

    public static string Subscription(string topic, string subscription) => topic + SubscriptionsSegment + subscription;

    public static string DeadLetter(string path) => path + DeadLetterSuffix;

    /// <summary>Strips the leading "/" the SDK puts on link addresses, and a scheme and host if a full URI was given.</summary>
    public static string Normalize(string address)
    {
        if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "sb" or "amqp" or "amqps" or "http" or "https")
        {
            address = Uri.UnescapeDataString(uri.AbsolutePath);
        }

        return address.Trim('/');
    }
}
