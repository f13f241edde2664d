using System.Xml;
using System.Xml.Linq;
using Aro.LocalCloud.ServiceBus.Broker;

namespace Aro.LocalCloud.ServiceBus.Administration;

/// <summary>ATOM entries and feeds as the administration client parses them, with runtime counts filled in.</summary>
internal static class AtomFeed
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Counts = "http://schemas.microsoft.com/netservices/2011/06/servicebus";
    private static readonly string[] RuntimeElements = ["MessageCount", "SizeInBytes", "CreatedAt", "UpdatedAt", "AccessedAt", "CountDetails", "SubscriptionCount"];

    public static XElement Entry(Uri self, ServiceBusEntity entity, MessageCounts? counts, int? subscriptionCount = null)
    {
        var description = XElement.Parse(entity.DescriptionXml);
        foreach (var name in RuntimeElements)
        {
            description.Element(EntityDescriptions.ServiceBus + name)?.Remove();
        }

        var sb = EntityDescriptions.ServiceBus;
        if (counts is { } c)
        {
            description.Add(
                new XElement(sb + "SizeInBytes", c.SizeInBytes),
                new XElement(sb + "MessageCount", c.Total),
                new XElement(sb + "CountDetails", new XAttribute(XNamespace.Xmlns + "d2p1", Counts),
                    new XElement(Counts + "ActiveMessageCount", c.Active),
                    new XElement(Counts + "DeadLetterMessageCount", c.DeadLetter),
                    new XElement(Counts + "ScheduledMessageCount", c.Scheduled),
                    new XElement(Counts + "TransferMessageCount", 0),
                    new XElement(Counts + "TransferDeadLetterMessageCount", 0)));
        }

        if (subscriptionCount is { } subscriptions)
        {
            description.Add(new XElement(sb + "SubscriptionCount", subscriptions));
        }

        description.Add(
            new XElement(sb + "CreatedAt", XmlConvert.ToString(entity.CreatedAtUtc, XmlDateTimeSerializationMode.Utc)),
            new XElement(sb + "UpdatedAt", XmlConvert.ToString(entity.UpdatedAtUtc, XmlDateTimeSerializationMode.Utc)),
            new XElement(sb + "AccessedAt", XmlConvert.ToString(DateTime.UtcNow, XmlDateTimeSerializationMode.Utc)));

        return new XElement(Atom + "entry",
            new XElement(Atom + "id", self.ToString()),
            new XElement(Atom + "title", new XAttribute("type", "text"), entity.Name),
            new XElement(Atom + "published", XmlConvert.ToString(entity.CreatedAtUtc, XmlDateTimeSerializationMode.Utc)),
            new XElement(Atom + "updated", XmlConvert.ToString(entity.UpdatedAtUtc, XmlDateTimeSerializationMode.Utc)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", self.ToString())),
            new XElement(Atom + "content", new XAttribute("type", "application/xml"), description));
    }

    public static XElement Feed(Uri self, string title, IEnumerable<XElement> entries) =>
        new(Atom + "feed",
            new XElement(Atom + "title", new XAttribute("type", "text"), title),
            new XElement(Atom + "id", self.ToString()),
            new XElement(Atom + "updated", XmlConvert.ToString(DateTime.UtcNow, XmlDateTimeSerializationMode.Utc)),
            entries);
}
