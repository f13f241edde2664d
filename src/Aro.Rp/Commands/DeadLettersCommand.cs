using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using Aro.Backend.DeadLetters;
using Aro.Messaging;
using Aro.Messaging.DeadLetters;
using Aro.Messaging.RabbitMq;
using Aro.Rp.Hosting;
using Aro.Rp.Operators;
using Azure;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Options;
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
        if (BrokerOf(configuration) is not { } transport)
        {
            await output.WriteLineAsync(NoBroker);
            return 2;
        }

        if (verb == "purge" && !confirmed)
        {
            await output.WriteLineAsync("purge deletes messages for good: add --yes to confirm.");
            return 2;
        }

        try
        {
            await using var queues = await OpenAsync(transport, configuration, cancellationToken);
            var deadLetterQueues = await queues.ExistingAsync(queue is null ? KnownEndpoints.Names : [queue], cancellationToken);
            if (queue is not null && deadLetterQueues.Count == 0)
            {
                await output.WriteLineAsync($"There is no {queues.Kind[..^1]} {queues.DeadLetterQueueOf(queue)}.");
                return 1;
            }

            return await RunVerbAsync(queues, deadLetterQueues, verb, messageId, output, cancellationToken);
        }
        catch (OperatorCommandException e)
        {
            await output.WriteLineAsync(e.Message);
            return 2;
        }
        catch (Exception e) when (IsBrokerUnreachable(e))
        {
            await output.WriteLineAsync(Unreachable(transport, e));
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
        if (BrokerOf(configuration) is not { } transport)
        {
            await error.WriteLineAsync($"aro-rp: {char.ToLowerInvariant(NoBroker[0])}{NoBroker[1..]}");
            return 1;
        }

        try
        {
            await using var queues = await OpenAsync(transport, configuration, cancellationToken);
            var (shown, searched) = await FindAsync(queues, messageId, queue, cancellationToken);
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
            await error.WriteLineAsync($"aro-rp: {Unreachable(transport, e)}");
            return 1;
        }
    }

    private const string NoBroker = "Dead letters live on a broker: set ARO_TRANSPORT=rabbitmq and ARO_RABBITMQ_*, or ARO_TRANSPORT=servicebus and ARO_SERVICEBUS_* (see env.example).";

    /// <summary>The transport ARO_TRANSPORT names when it keeps dead letters on a broker; null otherwise.</summary>
    private static IMessageTransport? BrokerOf(IConfiguration configuration)
    {
        var name = configuration.GetSection(MessagingOptions.SectionName)[nameof(MessagingOptions.Transport)];
        return MessageTransports.All.FirstOrDefault(transport => transport.ReachesOtherProcesses && string.Equals(transport.Name, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The transport's own settings, bound and validated as the RP binds them; a problem is one line naming the variable.</summary>
    private static async Task<IDeadLetterQueues> OpenAsync(IMessageTransport transport, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        transport.AddOptions(services, configuration.GetSection(MessagingOptions.SectionName));
        services.AddAroServiceBusSelectionForTool(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            return await transport.OpenDeadLetterQueuesAsync(provider, cancellationToken)
                ?? throw new OperatorCommandException(NoBroker);
        }
        catch (OptionsValidationException e)
        {
            throw new OperatorCommandException(e.Failures.First());
        }
    }

    private static async Task<(DeadLetterMessage? Shown, string Searched)> FindAsync(IDeadLetterQueues queues, string messageId, string? queue, CancellationToken cancellationToken)
    {
        foreach (var deadLetterQueue in await queues.ExistingAsync(queue is null ? KnownEndpoints.Names : [queue], cancellationToken))
        {
            if (await queues.ShowAsync(deadLetterQueue, messageId, cancellationToken) is { } shown)
            {
                return (shown, deadLetterQueue);
            }
        }

        return (null, queue is null ? $"the RP's {queues.Kind}" : queues.DeadLetterQueueOf(queue));
    }

    private static async Task<int> RunVerbAsync(IDeadLetterQueues queues, IReadOnlyList<string> deadLetterQueues, string verb, string? messageId, TextWriter output, CancellationToken cancellationToken)
    {
        switch (verb)
        {
            case "list":
                var deadLetters = new List<DeadLetter>();
                foreach (var deadLetterQueue in deadLetterQueues)
                {
                    deadLetters.AddRange(await queues.ListAsync(deadLetterQueue, messageId, cancellationToken));
                }

                await WriteTableAsync(output, deadLetters);
                return 0;
            case "requeue":
                var requeued = 0;
                foreach (var deadLetterQueue in deadLetterQueues)
                {
                    requeued += await queues.RequeueAsync(deadLetterQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Requeued", requeued, messageId);
            default:
                var purged = 0;
                foreach (var deadLetterQueue in deadLetterQueues)
                {
                    purged += await queues.PurgeAsync(deadLetterQueue, messageId, cancellationToken);
                }

                return await ReportAsync(output, "Purged", purged, messageId);
        }
    }

    /// <summary>The broker is not there or refuses us: nothing a stack trace would explain better than its first line.</summary>
    private static bool IsBrokerUnreachable(Exception e) =>
        e is BrokerUnreachableException or ServiceBusException or RequestFailedException or AuthenticationFailedException
            or UnauthorizedAccessException or HttpRequestException or SocketException;

    private static string Unreachable(IMessageTransport transport, Exception e) => transport is RabbitMqTransport
        ? $"the RabbitMQ broker could not be reached ({OperatorCommand.FirstLine(Innermost(e).Message)}). Check ARO_RABBITMQ_HOST, ARO_RABBITMQ_PORT and the credentials."
        : $"the Service Bus namespace could not be reached ({OperatorCommand.FirstLine(Innermost(e).Message)}). Check ARO_SERVICEBUS_NAMESPACE or ARO_SERVICEBUS_CONNECTION_STRING.";

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

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

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<DeadLetter> deadLetters)
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
}
