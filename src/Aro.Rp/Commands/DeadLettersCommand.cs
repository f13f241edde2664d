using System.CommandLine;
using System.Globalization;
using Aro.Backend.DeadLetters;
using Aro.Messaging;
using Aro.Messaging.RabbitMq;
using Aro.Messaging.RabbitMq.DeadLetters;
using Aro.Rp.Hosting;

namespace Aro.Rp.Commands;

/// <summary>
/// <c>aro-rp dead-letters list|requeue|purge</c>: the messages whose consumer kept failing, in the RabbitMQ error queues
/// (<c>&lt;queue&gt;_error</c>) of the broker ARO_RABBITMQ_* names. Without --queue, every error queue of the RP's endpoints.
/// </summary>
internal static class DeadLettersCommand
{
    private static readonly Option<string?> Queue = new("--queue") { Description = "An endpoint (validate-network) or its error queue (validate-network_error). Default: all of the RP's." };
    private static readonly Option<string?> MessageId = new("--message-id") { Description = "Only the message with this MessageId." };
    private static readonly Option<bool> Yes = new("--yes") { Description = "Confirm deleting messages for good." };

    public static Command Create()
    {
        var command = new Command("dead-letters", "Inspect and repair RabbitMQ error queues: list faulted messages, requeue them to the queue they failed on, or purge them.");
        command.Subcommands.Add(Verb("list", "List faulted messages: queue, message id, type, when and why they faulted.", []));
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
        if (!string.Equals(messaging[nameof(MessagingOptions.Transport)], RabbitMqTransport.TransportName, StringComparison.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync("Dead letters live in RabbitMQ error queues: set ARO_TRANSPORT=rabbitmq and ARO_RABBITMQ_* (see env.example).");
            return 2;
        }

        if (verb == "purge" && !confirmed)
        {
            await output.WriteLineAsync("purge deletes messages for good: add --yes to confirm.");
            return 2;
        }

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

                await WriteTableAsync(output, deadLetters);
                return 0;
            case "requeue":
                var requeued = 0;
                foreach (var errorQueue in errorQueues)
                {
                    requeued += await queues.RequeueAsync(errorQueue, messageId, cancellationToken);
                }

                await output.WriteLineAsync($"Requeued {requeued} message(s).");
                return messageId is not null && requeued == 0 ? 1 : 0;
            default:
                var purged = 0;
                foreach (var errorQueue in errorQueues)
                {
                    purged += await queues.PurgeAsync(errorQueue, messageId, cancellationToken);
                }

                await output.WriteLineAsync($"Purged {purged} message(s).");
                return messageId is not null && purged == 0 ? 1 : 0;
        }
    }

    private static Command Verb(string name, string description, Option[] extra)
    {
        var verb = new Command(name, description) { Options = { Queue, MessageId } };
        foreach (var option in extra)
        {
            verb.Options.Add(option);
        }

        verb.SetAction((parseResult, cancellationToken) => RunAsync(
            AroConfiguration.Build([.. parseResult.UnmatchedTokens]),
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
            d.ErrorQueue,
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
