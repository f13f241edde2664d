using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>The $cbs node: put-token checks a SAS token and, if good, grants its audience to the connection.</summary>
internal sealed class CbsNode(SharedAccessSignatureValidator validator, Func<AmqpConnection, ConnectionAuthorization> authorizationOf) : RequestResponseNode
{
    protected override Task<AmqpMessage> HandleAsync(AmqpMessage request, AmqpConnection connection, string entityPath)
    {
        var properties = request.ApplicationProperties.Map;
        var operation = properties["operation"] as string;
        var audience = properties["name"] as string ?? "";
        var token = request.ValueBody?.Value as string;
        if (operation != "put-token")
        {
            return Task.FromResult(Respond(400, $"Unsupported $cbs operation '{operation}'."));
        }

        var now = DateTimeOffset.UtcNow;
        var refusal = validator.Validate(token, audience, now);
        if (refusal is not null)
        {
            return Task.FromResult(Respond(401, refusal));
        }

        authorizationOf(connection).Grant(audience, ExpiryOf(token!));
        return Task.FromResult(Respond(202, "Accepted"));
    }

    private static DateTimeOffset ExpiryOf(string token)
    {
        foreach (var field in token.Split(' ', '&'))
        {
            if (field.StartsWith("se=", StringComparison.Ordinal) && long.TryParse(field[3..], out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }

        return DateTimeOffset.MinValue;
    }

    private static AmqpMessage Respond(int status, string description)
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties.Map["status-code"] = status;
        response.ApplicationProperties.Map["status-description"] = description;
        return response;
    }
}
