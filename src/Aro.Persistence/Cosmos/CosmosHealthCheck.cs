using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aro.Persistence.Cosmos;

/// <summary>Healthy when the start-up initializer has put the containers in place and the account answers a read of the database.</summary>
internal sealed class CosmosHealthCheck(CosmosDatabase database, StoreReadiness readiness) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var description = $"Cosmos DB database '{database.DatabaseName}' at {database.Endpoint}";
        if (!readiness.IsReady)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{description}: the database and containers are not in place yet.");
        }

        try
        {
            await database.Client.GetDatabase(database.DatabaseName).ReadAsync(cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy(description);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"{description} does not answer.", exception);
        }
    }
}
