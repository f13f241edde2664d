using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Aro.Backend.DeadLetters;
using Aro.Messaging;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.RabbitMq.DeadLetters;
using Aro.Messaging.ServiceBus;
using Aro.Messaging.ServiceBus.DeadLetters;
using Aro.Messaging.ServiceBus.Topology;
using Aro.Rp.Hosting;
using Aro.Rp.Operators;
using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using RabbitMQ.Client.Exceptions;
using Spectre.Console;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp dead-letters list|show|requeue|purge</c>: the messages whose consumer kept failing. On RabbitMQ
/// (<c>ARO_TRANSPORT=rabbitmq</c>, ARO_RABBITMQ_*) the error queues (<c>&lt;queue&gt;_error</c>); on Service Bus
/// (<c>ARO_TRANSPORT=servicebus</c>, ARO_SERVICEBUS_*) each endpoint queue's dead-letter queue
/// (<c>&lt;queue&gt;/$DeadLetterQueue</c>). Without --queue, those of every endpoint of the RP.
/// </summary>
internal static class DeadLettersCommand
{
    private static readonly Option<string?> Queue = new("--queue") { Description = "An endpoint (validate-network) or its error or dead-letter queue (validate-network_error, validate-network/$DeadLetterQueue). Default: all of the RP's." };
    private static readonly Option<string?> MessageId = new("--message-id") { Description = "Only the message with this MessageId." };
    private static readonly Option<bool> Yes = new("--yes") { Description = "Confirm deleting messages for good." };
    private static readonly Argument<string> MessageIdArgument = new("message-id") { Description = "The MessageId of the dead letter, as list shows it." };

    public static Command Create()
    {
        var command = new Command("dead-letters", CommandHelp.WithEnvironment(
            "Inspect and repair dead letters (RabbitMQ error queues, Service Bus dead-letter queues): list faulted messages, show one in full, requeue them to the queue they failed on, or purge them.",
            AroEnvironmentVariables.For("Messaging:Transport", "Messaging:RabbitMq", "Messaging:ServiceBus")));
        command.Subcommands.Add(Verb("list", "List faulted messages: queue, message id, type, when and why they faulted.", []));
        var show = new Command("show", "One faulted message in full: its body, headers, fault reason and exception.") { MessageIdArgument, Queue };
        show.SetAction((parseResult, cancellationToken) => ShowAsync(
            AroConfiguration.Build(CommandLineSettings.Of(parseResult)),
            parseResult.GetRequiredValue(MessageIdArgument),
            parseResult.GetValue(Queue),
            AnsiConsole.Console,
            Console.Error,
            cancellationToken));
        command.Subcommands.Add(show);
        command.Subcommands.Add(Verb("requeue", "Move faulted messages back to the queue they failed on (all, or one with --message-id).", []));
        command.Subcommands.Add(Verb("purge", "Delete faulted messages (all, or one with --message-id); needs --yes.", [Yes]));
        return command;
    }

    /// <summary>Runs one verb against the broker in <paramref name="configuration"/>, writing to <paramref name="output"/>; the exit code.</summary>
    public static async Task<int> RunAsync(
        IConfiguration configuration,
        string verb,
        string? queue,
        string? messageId,
        bool confirmed,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var messaging = configuration.GetSection(MessagingOptions.SectionName);
        var transport = messaging[nameof(MessagingOptions.Transport)];
        var onRabbitMq = string.Equals(transport, RabbitMqTransport.TransportName, StringComparison.OrdinalIgnoreCase);
        var onServiceBus = string.Equals(transport, ServiceBusTransport.TransportName, StringComparison.OrdinalIgnoreCase);
        if (!onRabbitMq && !onServiceBus)
        {
            await output.WriteLineAsync("Dead letters live on a broker: set ARO_TRANSPORT=rabbitmq and ARO_RABBITMQ_*, or ARO_TRANSPORT=servicebus and ARO_SERVICEBUS_* (see env.example).");
            return 2;
        }

        if (verb == "purge" && !confirmed)
        {
            await output.WriteLineAsync("purge deletes messages for good: add --yes to confirm.");
            return 2;
        }

        try
        {
            return onRabbitMq
                ? await RunOnRabbitMqAsync(messaging, verb, queue, messageId, output, cancellationToken)
                : await RunOnServiceBusAsync(configuration, verb, queue, messageId, output, cancellationToken);
        }
        catch (Exception e) when (IsBrokerUnreachable(e))
        {
            await output.WriteLineAsync(Unreachable(onRabbitMq, e));
            return 1;
        }
    }

    /// <summary>
    /// <c>dead-letters show</c>: the first dead letter with <paramref name="messageId"/> (in <paramref name="queue"/>'s error
    /// or dead-letter queue, or in any of the RP's), drawn on <paramref name="console"/>; the exit code. What went wrong
    /// is one line on <paramref name="error"/>.
    /// </summary>
    public static async Task<int> ShowAsync(
        IConfiguration configuration,
        string messageId,
        string? queue,
        IAnsiConsole console,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var messaging = configuration.GetSection(MessagingOptions.SectionName);
        var transport = messaging[nameof(MessagingOptions.Transport)];
        var onRabbitMq = string.Equals(transport, RabbitMqTransport.TransportName, StringComparison.OrdinalIgnoreCase);
        if (!onRabbitMq && !string.Equals(transport, ServiceBusTransport.TransportName, StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync("aro-rp: dead letters live on a broker: set ARO_TRANSPORT=rabbitmq and ARO_RABBITMQ_*, or ARO_TRANSPORT=servicebus and ARO_SERVICEBUS_* (see env.example).");
            return 1;
        }

        try
        {
            var (shown, searched) = onRabbitMq
                ? await ShowOnRabbitMqAsync(messaging, messageId, queue, cancellationToken)
                : await ShowOnServiceBusAsync(configuration, messageId, queue, cancellationToken);
            if (shown is null)
            {
                await error.WriteLineAsync($"aro-rp: no dead letter with message id {messageId} in {searched}.");
                return 1;
            }

            foreach (var part in DeadLetterView.Show(shown))
            {
                console.Write(part);
            }

            return 0;
        }
        catch (OperatorCommandException e)
        {
            await error.WriteLineAsync($"aro-rp: {e.Message}");
            return 1;
        }
        catch (Exception e) when (IsBrokerUnreachable(e))
        {
            await error.WriteLineAsync($"aro-rp: {Unreachable(onRabbitMq, e)}");
            return 1;
        }
    }

    private static async Task<(DeadLetterMessage? Shown, string Searched)> ShowOnRabbitMqAsync(IConfigurationSection messaging, string messageId, string? queue, CancellationToken cancellationToken)
    {
        await using var queues = await DeadLetterQueues.ConnectAsync(messaging.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>() ?? new RabbitMqOptions(), cancellationToken);
        var errorQueues = await queues.ExistingErrorQueuesAsync(queue is null ? KnownEndpoints.Names : [queue], cancellationToken);
        foreach (var errorQueue in errorQueues)
        {
            if (await queues.ShowAsync(errorQueue, messageId, cancellationToken) is { } shown)
            {
                return (shown, errorQueue);
            }
        }

        return (null, queue is null ? "the RP's error queues" : ErrorQueueName.Of(queue));
    }

    private static async Task<(DeadLetterMessage? Shown, string Searched)> ShowOnServiceBusAsync(IConfiguration configuration, string messageId, string? queue, CancellationToken cancellationToken)
    {
        var options = ServiceBusSelection.ForTool(configuration);
        if (ServiceBusTransportOptionsValidator.Validate(options) is { } problem)
        {
            throw new OperatorCommandException(problem);
        }

        await using var queues = ServiceBusDeadLetterQueues.Connect(options);
        var endpoint = queue is null ? null : ServiceBusEntityNames.QueueOfDeadLetterQueue(queue);
        foreach (var endpointQueue in await queues.ExistingQueuesAsync(endpoint is null ? KnownEndpoints.Names : [endpoint], cancellationToken))
        {
            if (await queues.ShowAsync(endpointQueue, messageId, cancellationToken) is { } shown)
            {
                return (shown, shown.Queue);
            }
        }

        return (null, endpoint is null ? "the RP's dead-letter queues" : ServiceBusEntityNames.DeadLetterQueueOf(endpoint));
    }

    /// <summary>The broker is not there or refuses us: nothing a stack trace would explain better than its first line.</summary>
    private static bool IsBrokerUnreachable(Exception e) =>
        e is BrokerUnreachableException or ServiceBusException or RequestFailedException or AuthenticationFailedException
            or UnauthorizedAccessException or HttpRequestException or SocketException;

    private static string Unreachable(bool onRabbitMq, Exception e) => onRabbitMq
        ? $"the RabbitMQ broker could not be reached ({OperatorCommand.FirstLine(Innermost(e).Message)}). Check ARO_RABBITMQ_HOST, ARO_RABBITMQ_PORT and the credentials."
        : $"the Service Bus namespace could not be reached ({OperatorCommand.FirstLine(Innermost(e).Message)}). Check ARO_SERVICEBUS_NAMESPACE or ARO_SERVICEBUS_CONNECTION_STRING.";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    private static async Task<int> RunOnRabbitMqAsync(IConfigurationSection messaging, string verb, string? queue, string? messageId, TextWriter output, CancellationToken cancellationToken)
    {
        await using var queues = await DeadLetterQueues.ConnectAsync(messaging.GetSection(RabbitMqOptions.SectionName).Get<RabbitMqOptions>() ?? new RabbitMqOptions(), cancellationToken);
        var errorQueues = await queues.ExistingErrorQueuesAsync(queue is null ? KnownEndpoints.Names : [queue], cancellationToken);
        if (queue is not null && errorQueues.Count == 0)
        {
            await output.WriteLineAsync($"There is no error queue {ErrorQueueName.Of(queue)}.");
            return 1;
        }

        switch (verb)
        {
            case "list":
                var deadLetters = new List<DeadLetter>();
                foreach (var errorQueue in errorQueues)
                {
                    deadLetters.AddRange(await queues.ListAsync(errorQueue, messageId, cancellationToken));
                }

                await WriteTableAsync(output, [.. deadLetters.Select(d => new Row(d.ErrorQueue, d.MessageId, d.MessageType, d.FaultedAt, d.FaultReason))]);
                return 0;
            case "requeue":
                var requeued = 0;
                foreach (var errorQueue in errorQueues)
                {
                    requeued += await queues.RequeueAsync(errorQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Requeued", requeued, messageId);
            default:
                var purged = 0;
                foreach (var errorQueue in errorQueues)
                {
                    purged += await queues.PurgeAsync(errorQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Purged", purged, messageId);
        }
    }

    private static async Task<int> RunOnServiceBusAsync(IConfiguration configuration, string verb, string? queue, string? messageId, TextWriter output, CancellationToken cancellationToken)
    {
        var options = ServiceBusSelection.ForTool(configuration);
        if (ServiceBusTransportOptionsValidator.Validate(options) is { } problem)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }

        await using var queues = ServiceBusDeadLetterQueues.Connect(options);
        var endpoint = queue is null ? null : ServiceBusEntityNames.QueueOfDeadLetterQueue(queue);
        var endpointQueues = await queues.ExistingQueuesAsync(endpoint is null ? KnownEndpoints.Names : [endpoint], cancellationToken);
        if (endpoint is not null && endpointQueues.Count == 0)
        {
            await output.WriteLineAsync($"There is no queue {endpoint} (so no {ServiceBusEntityNames.DeadLetterQueueOf(endpoint)}).");
            return 1;
        }

        switch (verb)
        {
            case "list":
                var deadLetters = new List<ServiceBusDeadLetter>();
                foreach (var endpointQueue in endpointQueues)
                {
                    deadLetters.AddRange(await queues.ListAsync(endpointQueue, messageId, cancellationToken));
                }

                await WriteTableAsync(output, [.. deadLetters.Select(d => new Row(d.DeadLetterQueue, d.MessageId, d.MessageType, d.FaultedAt, d.FaultReason))]);
                return 0;
            case "requeue":
                var requeued = 0;
                foreach (var endpointQueue in endpointQueues)
                {
                    requeued += await queues.RequeueAsync(endpointQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Requeued", requeued, messageId);
            default:
                var purged = 0;
                foreach (var endpointQueue in endpointQueues)
                {
                    purged += await queues.PurgeAsync(endpointQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Purged", purged, messageId);
        }
    }

    /// <summary>One message id asked for and not found is a failure; "all of them" finding none is not.</summary>
    private static async Task<int> ReportAsync(TextWriter output, string done, int count, string? messageId)
    {
        await output.WriteLineAsync($"{done} {count} message(s).");
        return messageId is not null && count == 0 ? 1 : 0;
    }

    private static Command Verb(string name, string description, Option[] extra)
    {
        var verb = new Command(name, description) { Options = { Queue, MessageId } };
        foreach (var option in extra)
        {
            verb.Options.Add(option);
        }

        verb.SetAction((parseResult, cancellationToken) => RunAsync(
            AroConfiguration.Build(CommandLineSettings.Of(parseResult)),
            name,
            parseResult.GetValue(Queue),
            parseResult.GetValue(MessageId),
            parseResult.GetValue(Yes),
            Console.Out,
            cancellationToken));
        return verb;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<Row> deadLetters)
    {
        if (deadLetters.Count == 0)
        {
            await output.WriteLineAsync("No dead letters.");
            return;
        }

        string[] header = ["QUEUE", "MESSAGE ID", "MESSAGE TYPE", "FAULTED AT", "REASON"];
        var rows = deadLetters.Select(d => new[]
        {
            d.Queue,
            d.MessageId ?? "-",
            d.MessageType ?? "-",
            d.FaultedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-",
            d.FaultReason ?? "-",
        }).ToList();
        var widths = header.Select((title, column) => Math.Max(title.Length, rows.Max(row => row[column].Length))).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            // The reason is last and not padded: it is as long as it is.
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))));
        }
    }

    /// <summary>One dead letter as listed, whichever broker holds it.</summary>
    private sealed record Row(string Queue, string? MessageId, string? MessageType, DateTimeOffset? FaultedAt, string? FaultReason);
}
