using System.Text.Json.Nodes;
using Aro.LocalCloud.Faults;
using Aro.LocalCloud.ServiceBus.Administration;
using Aro.LocalCloud.ServiceBus.Amqp;
using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aro.LocalCloud.ServiceBus;

/// <summary>
/// The local cloud's Service Bus namespace: AMQP on <see cref="LocalServiceBusOptions.Port"/> for
/// ServiceBusClient, the ATOM management API over HTTP on <see cref="LocalServiceBusOptions.AdministrationPort"/>
/// for ServiceBusAdministrationClient, messages journaled under the local cloud's data directory.
/// </summary>
public sealed partial class LocalServiceBus : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(200);

    private readonly LocalCloudOptions _cloudOptions;
    private readonly LocalServiceBusOptions _options;
    private readonly ILogger<LocalServiceBus> _logger;
    private readonly ServiceBusFaults _faults;
    private readonly SharedAccessSignatureValidator _validator;
    private FileMessageJournal? _journal;
    private AmqpServiceBusHost? _amqp;
    private WebApplication? _administration;
    private Timer? _sweeper;

    public LocalServiceBus(LocalCloudOptions options, FaultInjector faults, ILogger<LocalServiceBus> logger)
    {
        _cloudOptions = options;
        _options = options.ServiceBus;
        _logger = logger;
        _faults = new ServiceBusFaults(faults);
        _validator = new SharedAccessSignatureValidator(_options.KeyName, _options.Key);
        Namespace = new ServiceBusNamespace(NullMessageJournal.Instance, new AmqpMessageCodec());
    }

    public ServiceBusNamespace Namespace { get; private set; }

    public int Port => _amqp?.Port ?? 0;

    public int AdministrationPort { get; private set; }

    /// <summary>For ServiceBusClient (AMQP port).</summary>
    public string ConnectionString => Build(Port);

    /// <summary>For ServiceBusAdministrationClient (HTTP port).</summary>
    public string AdministrationConnectionString => Build(AdministrationPort);

    public SharedAccessSignatureValidator Signatures => _validator;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        var directory = string.IsNullOrWhiteSpace(_cloudOptions.DataDirectory) ? null : Path.Combine(_cloudOptions.DataDirectory, "servicebus");
        Dictionary<string, List<BrokeredMessage>> restored = [];
        if (directory is not null)
        {
            (_journal, restored) = FileMessageJournal.Open(directory);
            Namespace = new ServiceBusNamespace(_journal, new AmqpMessageCodec());
            var topologyPath = Path.Combine(directory, "topology.json");
            TopologyStore.Load(Namespace, topologyPath);
            Namespace.TopologyChanged += () => TopologyStore.Save(Namespace, topologyPath);
        }

        if (!string.IsNullOrWhiteSpace(_options.TopologyFile))
        {
            TopologyStore.Declare(Namespace, _options.TopologyFile);
        }

        long last = 0;
        foreach (var (path, messages) in restored)
        {
            var store = Namespace.FindStore(path);
            foreach (var message in messages)
            {
                last = Math.Max(last, message.SequenceNumber);
                store?.Restore(message);
            }
        }

        Namespace.LastSequenceNumber = last;
        _amqp = new AmqpServiceBusHost(Namespace, _faults, _options, _validator, ServiceBusListenAddress.For(_cloudOptions.Url));
        _amqp.Start();
        await StartAdministrationAsync(cancellationToken);
        _sweeper = new Timer(_ => Sweep(), null, SweepInterval, SweepInterval);
        LogStarted(_logger, Port, AdministrationPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host stops this service and then the container disposes it, and an embedding host may do both at
        // once: each resource is taken exactly once, so a second or concurrent stop finds nothing left to close.
        if (Interlocked.Exchange(ref _sweeper, null) is { } sweeper)
        {
            await sweeper.DisposeAsync();
        }

        Interlocked.Exchange(ref _amqp, null)?.Dispose();
        if (Interlocked.Exchange(ref _administration, null) is { } administration)
        {
            await administration.StopAsync(cancellationToken);
            await administration.DisposeAsync();
        }

        Interlocked.Exchange(ref _journal, null)?.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>Closes every AMQP connection (fault injection); the number closed.</summary>
    public int DropConnections() => _amqp?.DropConnections() ?? 0;

    /// <summary>What GET /_localcloud/servicebus answers: connection strings, entities and counts.</summary>
    public JsonObject Describe()
    {
        static JsonObject Counts(MessageCounts c) => new()
        {
            ["active"] = c.Active,
            ["deadLetter"] = c.DeadLetter,
            ["scheduled"] = c.Scheduled,
        };

        return new JsonObject
        {
            ["enabled"] = _options.Enabled,
            ["connectionString"] = ConnectionString,
            ["administrationConnectionString"] = AdministrationConnectionString,
            ["port"] = Port,
            ["administrationPort"] = AdministrationPort,
            ["queues"] = new JsonArray([.. Namespace.Queues.Select(q => (JsonNode)new JsonObject
            {
                ["name"] = q.Name,
                ["forwardTo"] = q.Settings.ForwardTo,
                ["counts"] = Counts(q.Store.Counts),
            })]),
            ["topics"] = new JsonArray([.. Namespace.Topics.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["subscriptions"] = new JsonArray([.. t.Subscriptions.Values.Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["forwardTo"] = s.Settings.ForwardTo,
                    ["rules"] = new JsonArray([.. s.Rules.Keys.Select(r => (JsonNode)r)]),
                    ["counts"] = Counts(s.Store.Counts),
                })]),
            })]),
        };
    }

    private string Build(int port) => _options.ConnectionString(port);

    private async Task StartAdministrationAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ServiceBusListenAddress.For(_cloudOptions.Url), _options.AdministrationPort));
        var app = builder.Build();
        var handler = new AdministrationRequestHandler(Namespace, _validator);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        AdministrationPort = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        _administration = app;
    }

    private void Sweep()
    {
        try
        {
            Namespace.Sweep(DateTime.UtcNow);
        }
        catch (Exception exception)
        {
            LogSweepFailed(_logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local Service Bus: AMQP on port {Port}, administration (HTTP) on port {AdministrationPort}")]
    private static partial void LogStarted(ILogger logger, int port, int administrationPort);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Local Service Bus: sweeping locks and schedules failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
