using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Aro.LocalCloud.ServiceBus.Broker;
using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;
using Microsoft.Azure.Amqp.Sasl;
using Microsoft.Azure.Amqp.Transaction;
using Microsoft.Azure.Amqp.Transport;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>
/// The AMQP side of the namespace, on the Azure SDK's own AMQP stack: SASL (anonymous and MSSBCBS, as the SDK
/// offers), then $cbs for authorization, then links to entities and their $management nodes.
/// </summary>
internal sealed class AmqpServiceBusHost : IRuntimeProvider, IDisposable
{
    private const uint MaxFrameSize = 64 * 1024;
    private const int ManagementRequestMessages = 4;

    private readonly ServiceBusNamespace _namespace;
    private readonly ServiceBusFaults _faults;
    private readonly LocalServiceBusOptions _options;
    private readonly CbsNode _cbs;
    private readonly ManagementNode _management;
    private readonly ConditionalWeakTable<AmqpConnection, ConnectionAuthorization> _authorizations = [];
    private readonly ConditionalWeakTable<SendingAmqpLink, LinkCreditGate> _creditGates = [];
    private readonly ConcurrentDictionary<AmqpConnection, byte> _connections = new();
    private readonly AmqpSettings _settings;
    private readonly IPAddress _listenAddress;
    private int _port;
    private AmqpTransportListener? _listener;

    public AmqpServiceBusHost(ServiceBusNamespace serviceBus, ServiceBusFaults faults, LocalServiceBusOptions options, SharedAccessSignatureValidator validator, IPAddress listenAddress)
    {
        _namespace = serviceBus;
        _listenAddress = listenAddress;
        _faults = faults;
        _options = options;
        _cbs = new CbsNode(validator, AuthorizationOf);
        _management = new ManagementNode(serviceBus, faults, options.MaxMessageSizeBytes);
        _settings = new AmqpSettings { RuntimeProvider = this };
        var sasl = new SaslTransportProvider();
        sasl.Versions.Add(new AmqpVersion(1, 0, 0));
        sasl.AddHandler(new SaslAnonymousHandler());
        sasl.AddHandler(new SaslAnonymousHandler("MSSBCBS"));
        _settings.TransportProviders.Add(sasl);
        var amqp = new AmqpTransportProvider();
        amqp.Versions.Add(new AmqpVersion(1, 0, 0));
        _settings.TransportProviders.Add(amqp);
    }

    public int Port => _port;

    public void Start()
    {
        var (socket, port) = SocketTransportListener.Create(_listenAddress, _options.Port);
        _port = port;
        _listener = new AmqpTransportListener([socket], _settings);
        _listener.Listen(OnAcceptTransport);
    }

    /// <summary>Closes every client connection abruptly (fault injection); clients reconnect as after a network blip.</summary>
    public int DropConnections()
    {
        var dropped = 0;
        foreach (var connection in _connections.Keys)
        {
            connection.SafeClose(new AmqpException(AmqpErrorCode.ConnectionForced, "Connection dropped by the local cloud (fault injection)."));
            dropped++;
        }

        return dropped;
    }

    public void Dispose()
    {
        _listener?.SafeClose();
        DropConnections();
    }

    public AmqpConnection CreateConnection(TransportBase transport, ProtocolHeader protocolHeader, bool isInitiator, AmqpSettings amqpSettings,
        AmqpConnectionSettings connectionSettings) =>
        new(transport, protocolHeader, false, amqpSettings, connectionSettings);

    public AmqpSession CreateSession(AmqpConnection connection, AmqpSessionSettings settings) =>
        throw new InvalidOperationException("Sessions are created by the connection.");

    public AmqpLink CreateLink(AmqpSession session, AmqpLinkSettings settings)
    {
        if (settings.Role == true)
        {
            settings.MaxMessageSize = IsManagementRequests(settings)
                ? (ulong)_options.MaxMessageSizeBytes * ManagementRequestMessages
                : (ulong)_options.MaxMessageSizeBytes;
            return new ReceivingAmqpLink(session, settings);
        }

        var link = new SendingAmqpLink(session, settings);
        _creditGates.Add(link, new LinkCreditGate(link));
        return link;
    }

    public IAsyncResult BeginOpenLink(AmqpLink link, TimeSpan timeout, AsyncCallback callback, object state)
    {
        var task = OpenLinkAsync(link);
        var completion = new TaskCompletionSource(state);
        task.ContinueWith(t =>
        {
            if (t.Exception is not null)
            {
                completion.SetException(t.Exception.InnerExceptions);
            }
            else
            {
                completion.SetResult();
            }

            callback(completion.Task);
        }, TaskScheduler.Default);
        return completion.Task;
    }

    public void EndOpenLink(IAsyncResult result) => ((Task)result).GetAwaiter().GetResult();

    private async Task OpenLinkAsync(AmqpLink link)
    {
        if (link.Settings.Target is Coordinator)
        {
            throw AmqpErrors.NotSupported("Transactions");
        }

        var address = link.IsReceiver ? ((Target)link.Settings.Target).Address?.ToString() : ((Source)link.Settings.Source).Address?.ToString();
        if (string.IsNullOrEmpty(address))
        {
            throw new AmqpException(AmqpErrorCode.InvalidField, "The link has no address.");
        }

        var path = EntityPaths.Normalize(address);
        if (path.Equals("$cbs", StringComparison.OrdinalIgnoreCase))
        {
            _cbs.Attach(link, path);
            return;
        }

        await _faults.ThrowIfFaultedAsync(ServiceBusFaults.Connect);
        if (!AuthorizationOf(link.Session.Connection).Allows(path, DateTimeOffset.UtcNow))
        {
            throw AmqpErrors.Unauthorized($"Unauthorized access to '{path}': put a token for it on $cbs first.");
        }

        const string managementSuffix = "/$management";
        if (path.EndsWith(managementSuffix, StringComparison.OrdinalIgnoreCase))
        {
            var entityPath = path[..^managementSuffix.Length];
            if (_namespace.FindStore(entityPath) is null && !_namespace.CanSendTo(entityPath))
            {
                throw AmqpErrors.NotFound(entityPath);
            }

            _management.Attach(link, entityPath);
            return;
        }

        if (link.IsReceiver)
        {
            if (!_namespace.CanSendTo(path))
            {
                throw AmqpErrors.NotFound(path);
            }

            _ = new EntityPublisher((ReceivingAmqpLink)link, path, _namespace, _faults, _options.MaxMessageSizeBytes);
            return;
        }

        var source = (Source)link.Settings.Source;
        if (source.FilterSet is { } filters && filters.Any(f => f.Key.ToString() == "com.microsoft:session-filter"))
        {
            throw AmqpErrors.NotSupported("Sessions");
        }

        var store = _namespace.FindStore(path) ?? throw AmqpErrors.NotFound(path);
        var consumerLink = (SendingAmqpLink)link;
        _ = new EntityConsumer(consumerLink, _creditGates.GetValue(consumerLink, l => new LinkCreditGate(l)), store, _faults);
    }

    /// <summary>
    /// A request to $management carries whole messages (scheduling); the request link allows some over the message limit
    /// so the node can refuse an oversize message with an answer the SDK maps to MessageSizeExceeded, not a torn-down link.
    /// </summary>
    private static bool IsManagementRequests(AmqpLinkSettings settings) =>
        (settings.Target as Target)?.Address?.ToString()?.EndsWith("/$management", StringComparison.OrdinalIgnoreCase) == true;

    private ConnectionAuthorization AuthorizationOf(AmqpConnection connection) => _authorizations.GetValue(connection, _ => new ConnectionAuthorization());

    private void OnAcceptTransport(TransportListener listener, TransportAsyncCallbackArgs args)
    {
        AmqpConnection? connection = null;
        try
        {
            connection = CreateConnection(args.Transport, (ProtocolHeader)args.UserToken, false, _settings,
                new AmqpConnectionSettings { ContainerId = "aro-local-servicebus", MaxFrameSize = MaxFrameSize, IdleTimeOut = 120_000 });
            connection.Closed += (sender, _) => _connections.TryRemove((AmqpConnection)sender!, out byte _);
            _connections[connection] = 0;
            var opening = connection;
            connection.OpenAsync(TimeSpan.FromSeconds(30)).ContinueWith(t =>
            {
                if (t.IsFaulted)
                {
                    opening.SafeClose(t.Exception!.InnerException);
                }
            }, TaskScheduler.Default);
        }
        catch (Exception exception)
        {
            connection?.SafeClose(exception);
        }
    }
}
