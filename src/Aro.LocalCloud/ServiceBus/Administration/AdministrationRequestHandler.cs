using System.Xml;
using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.AspNetCore.Http;

namespace Aro.LocalCloud.ServiceBus.Administration;

/// <summary>
/// The ATOM management API ServiceBusAdministrationClient speaks: PUT/GET/DELETE on entity paths
/// ("q", "t/Subscriptions/s", "t/Subscriptions/s/Rules/r"), listing feeds, SAS in the Authorization header.
/// </summary>
internal sealed class AdministrationRequestHandler(ServiceBusNamespace serviceBus, SharedAccessSignatureValidator validator)
{
    private const string AtomContentType = "application/atom+xml;type=entry;charset=utf-8";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var self = new Uri($"{request.Scheme}://{request.Host}{request.Path}");
        var refusal = validator.Validate(request.Headers.Authorization.ToString(), self.ToString(), DateTimeOffset.UtcNow);
        if (refusal is not null)
        {
            await ErrorAsync(context, 401, refusal);
            return;
        }

        var path = Uri.UnescapeDataString(request.Path.Value ?? "").Trim('/');
        try
        {
            if (HttpMethods.IsPut(request.Method))
            {
                await PutAsync(context, self, path);
            }
            else if (HttpMethods.IsGet(request.Method))
            {
                await GetAsync(context, self, path);
            }
            else if (HttpMethods.IsDelete(request.Method))
            {
                var deleted = Delete(path);
                await (deleted ? WriteAsync(context, 200, null) : ErrorAsync(context, 404, $"Entity '{path}' was not found."));
            }
            else
            {
                await ErrorAsync(context, 405, $"{request.Method} is not supported.");
            }
        }
        catch (Exception exception) when (exception is XmlException or FormatException or NotSupportedException or OverflowException)
        {
            await ErrorAsync(context, 400, exception.Message);
        }
    }

    private async Task PutAsync(HttpContext context, Uri self, string path)
    {
        var document = await XDocument.LoadAsync(context.Request.Body, LoadOptions.None, context.RequestAborted);
        var description = document.Root?.Element(AtomFeed.Atom + "content")?.Elements().FirstOrDefault()
            ?? throw new FormatException("The body is not an ATOM entry with a description.");
        var isUpdate = context.Request.Headers.IfMatch.Count > 0;
        var (topic, subscription, rule) = Split(path);
        var exists = rule is not null ? serviceBus.FindSubscription(topic!, subscription!)?.Rules.ContainsKey(rule) == true
            : subscription is not null ? serviceBus.FindSubscription(topic!, subscription) is not null
            : serviceBus.Exists(path);
        if (exists && !isUpdate)
        {
            await ErrorAsync(context, 409, $"The messaging entity '{path}' already exists.");
            return;
        }

        if (!exists && isUpdate)
        {
            await ErrorAsync(context, 404, $"The messaging entity '{path}' was not found.");
            return;
        }

        XElement entry;
        switch (description.Name.LocalName)
        {
            case "QueueDescription":
                entry = AtomFeed.Entry(self, EntityWriter.PutQueue(serviceBus, path, description), default(MessageCounts));
                break;
            case "TopicDescription":
                entry = AtomFeed.Entry(self, EntityWriter.PutTopic(serviceBus, path, description), default(MessageCounts));
                break;
            case "SubscriptionDescription" when subscription is not null && rule is null:
                var created = EntityWriter.PutSubscription(serviceBus, topic!, subscription, description);
                if (created is null)
                {
                    await ErrorAsync(context, 404, $"The topic '{topic}' was not found.");
                    return;
                }

                entry = AtomFeed.Entry(self, created, default(MessageCounts));
                break;
            case "RuleDescription" when rule is not null:
                var ruleEntity = EntityWriter.Rule(rule, description);
                if (!serviceBus.PutRule(topic!, subscription!, ruleEntity))
                {
                    await ErrorAsync(context, 404, $"The subscription '{topic}/Subscriptions/{subscription}' was not found.");
                    return;
                }

                entry = AtomFeed.Entry(self, ruleEntity, null);
                break;
            default:
                await ErrorAsync(context, 400, $"A {description.Name.LocalName} cannot be written at '{path}'.");
                return;
        }

        await WriteAsync(context, isUpdate ? 200 : 201, entry);
    }

    private async Task GetAsync(HttpContext context, Uri self, string path)
    {
        var skip = int.TryParse(context.Request.Query["$skip"], out var s) ? s : 0;
        var top = int.TryParse(context.Request.Query["$top"], out var t) ? t : 100;
        XElement? body = null;
        if (path.Equals("$Resources/queues", StringComparison.OrdinalIgnoreCase))
        {
            body = AtomFeed.Feed(self, "Queues", serviceBus.Queues.Skip(skip).Take(top).Select(q => AtomFeed.Entry(Child(self, q.Name), q, q.Store.Counts)));
        }
        else if (path.Equals("$Resources/topics", StringComparison.OrdinalIgnoreCase))
        {
            body = AtomFeed.Feed(self, "Topics", serviceBus.Topics.Skip(skip).Take(top).Select(TopicEntry));
        }
        else if (path.EndsWith("/Subscriptions", StringComparison.OrdinalIgnoreCase) && serviceBus.FindTopic(path[..^"/Subscriptions".Length]) is { } topic)
        {
            body = AtomFeed.Feed(self, "Subscriptions", topic.Subscriptions.Values.OrderBy(x => x.Name, StringComparer.OrdinalIgnoreCase).Skip(skip).Take(top)
                .Select(x => AtomFeed.Entry(new Uri(self, x.Name), x, x.Store.Counts)));
        }
        else if (path.EndsWith("/Rules", StringComparison.OrdinalIgnoreCase) && Split(path[..^"/Rules".Length]) is ({ } ruleTopic, { } ruleSubscription, null)
            && serviceBus.FindSubscription(ruleTopic, ruleSubscription) is { } owner)
        {
            body = AtomFeed.Feed(self, "Rules", owner.Rules.Values.OrderBy(r => r.Name, StringComparer.Ordinal).Skip(skip).Take(top)
                .Select(r => AtomFeed.Entry(new Uri(self, r.Name), r, null)));
        }
        else
        {
            var (topicName, subscriptionName, ruleName) = Split(path);
            if (ruleName is not null)
            {
                if (serviceBus.FindSubscription(topicName!, subscriptionName!)?.Rules.GetValueOrDefault(ruleName) is { } rule)
                {
                    body = AtomFeed.Entry(self, rule, null);
                }
            }
            else if (subscriptionName is not null)
            {
                if (serviceBus.FindSubscription(topicName!, subscriptionName) is { } subscription)
                {
                    body = AtomFeed.Entry(self, subscription, subscription.Store.Counts);
                }
            }
            else if (serviceBus.FindQueue(path) is { } queue)
            {
                body = AtomFeed.Entry(self, queue, queue.Store.Counts);
            }
            else if (serviceBus.FindTopic(path) is { } found)
            {
                body = TopicEntry(found);
            }
        }

        await (body is null ? ErrorAsync(context, 404, $"The messaging entity '{path}' was not found.") : WriteAsync(context, 200, body));

        XElement TopicEntry(TopicEntity topicEntity) =>
            AtomFeed.Entry(Child(self, topicEntity.Name), topicEntity, ServiceBusNamespace.CountsOf(topicEntity), topicEntity.Subscriptions.Count);
    }

    private bool Delete(string path)
    {
        var (topic, subscription, rule) = Split(path);
        return rule is not null ? serviceBus.DeleteRule(topic!, subscription!, rule)
            : subscription is not null ? serviceBus.DeleteSubscription(topic!, subscription)
            : serviceBus.DeleteQueue(path) || serviceBus.DeleteTopic(path);
    }

    /// <summary>"t/Subscriptions/s/Rules/r" into its parts; (null, null, null) for a queue or topic path.</summary>
    private static (string? Topic, string? Subscription, string? Rule) Split(string path)
    {
        var at = path.LastIndexOf(EntityPaths.SubscriptionsSegment, StringComparison.OrdinalIgnoreCase);
        if (at <= 0)
        {
            return (null, null, null);
        }

        var topic = path[..at];
        var rest = path[(at + EntityPaths.SubscriptionsSegment.Length)..];
        var rules = rest.IndexOf(EntityPaths.RulesSegment, StringComparison.OrdinalIgnoreCase);
        return rules < 0 ? (topic, rest, null) : (topic, rest[..rules], rest[(rules + EntityPaths.RulesSegment.Length)..]);
    }

    private static Uri Child(Uri self, string name) => new($"{self.Scheme}://{self.Authority}/{name}");

    private static async Task WriteAsync(HttpContext context, int status, XElement? body)
    {
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = AtomContentType;
            await context.Response.WriteAsync(body.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
        }
    }

    private static async Task ErrorAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml; charset=utf-8";
        var error = new XElement("Error", new XElement("Code", status), new XElement("Detail", detail));
        await context.Response.WriteAsync(error.ToString(SaveOptions.DisableFormatting), context.RequestAborted);
    }
}
