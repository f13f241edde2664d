using Aro.Api;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Aro.Consumers.Clusters;

/// <summary>
/// How every step consumer answers the saga, in one place: a command ended by a supersession is logged and answered with
/// nothing (the saga has moved on), a permanent failure with the step's failure event carrying its CloudError,
/// anything else with its success event.
/// </summary>
internal static class StepOutcomeReporting
{
    public static async Task ReportOutcomeAsync<TCommand, TSucceeded, TFailed>(
        this ConsumeContext<TCommand> context,
        StepOutcome outcome,
        ILogger logger,
        Func<TSucceeded> succeeded,
        Func<CloudErrorBody, TFailed> failed)
        where TCommand : class
        where TSucceeded : class
        where TFailed : class
    {
        if (outcome.Supersession is { } supersession)
        {
            supersession.Log(logger, typeof(TCommand).Name);
            return;
        }

        if (outcome.Error is { } error)
        {
            await context.Publish(failed(error), context.CancellationToken);
            return;
        }

        await context.Publish(succeeded(), context.CancellationToken);
    }
}
