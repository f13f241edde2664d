using System.Collections.Concurrent;
using Aro.Messaging;
using Aro.Messaging.Scheduling;
using Aro.Persistence;
using Aro.Persistence.Scheduling;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aro.Messaging.Tests.Scheduling;

/// <summary>
/// A backend in miniature: an in-memory bus whose scheduler is the store-backed one, over the SQLite store in
/// <paramref name="dataDirectory"/>, and a consumer of <see cref="Reminder"/> on the "reminders" queue. Two hosts on
/// one directory are two backends sharing a store; a second host after the first is a restart.
/// </summary>
internal sealed class SchedulerHost : IAsyncDisposable, ISendObserver
{
    public const string TestHeader = "Aro-Test";

    public static readonly Uri Reminders = new("queue:reminders");

    private readonly IHost _host;

    private SchedulerHost(IHost host) => _host = host;

    /// <summary>Every reminder consumed by this host.</summary>
    public ConcurrentQueue<ReceivedReminder> Received { get; } = new();

    /// <summary>How many reminders this host's bus has sent (the scheduler's delivery, counted before it removes the row).</summary>
    public int RemindersSent => _remindersSent;

    private int _remindersSent;

    public IMessageScheduler Scheduler => _host.Services.GetRequiredService<IMessageScheduler>();

    public IScheduledMessageStore Store => _host.Services.GetRequiredService<IScheduledMessageStore>();

    public static async Task<SchedulerHost> StartAsync(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Persistence:DataDirectory"] = dataDirectory,
            ["Messaging:Scheduler:PollInterval"] = "00:00:00.050",
        });
        builder.Services.AddAroPersistence(builder.Configuration);
        SchedulerHost? self = null;
        builder.Services.AddSingleton(_ => self!);
        builder.Services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.AddStoredMessageSchedulerClient();
            bus.AddStoredMessageScheduler();
            bus.AddConsumer<ReminderConsumer>().Endpoint(endpoint => endpoint.Name = "reminders");
            bus.UsingInMemory((context, transport) =>
            {
                transport.UseStoredMessageScheduler();
                transport.ConfigureEndpoints(context);
            });
        });

        var host = builder.Build();
        self = new SchedulerHost(host);
        host.Services.GetRequiredService<IBus>().ConnectSendObserver(self);
        await host.StartAsync();
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.DestinationAddress?.AbsolutePath.EndsWith("/reminders", StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _remindersSent);
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public sealed record ReceivedReminder(Reminder Message, Guid? MessageId, string? Header, DateTimeOffset ReceivedAt);

    private sealed class ReminderConsumer(SchedulerHost host) : IConsumer<Reminder>
    {
        public Task Consume(ConsumeContext<Reminder> context)
        {
            host.Received.Enqueue(new ReceivedReminder(context.Message, context.MessageId, context.Headers.Get<string>(TestHeader), DateTimeOffset.UtcNow));
            return Task.CompletedTask;
        }
    }
}
