using Microsoft.Azure.Amqp;
using Microsoft.Azure.Amqp.Encoding;
using Microsoft.Azure.Amqp.Framing;

namespace Aro.LocalCloud.ServiceBus.Amqp;

/// <summary>Responses of the $management node, in the shape the SDK reads (statusCode, errorCondition, map body).</summary>
internal static class ManagementResponses
{
    public static AmqpMessage Ok(AmqpMap? body = null)
    {
        var response = body is null ? AmqpMessage.Create() : AmqpMessage.Create(new AmqpValue { Value = body });
        response.ApplicationProperties.Map["statusCode"] = 200;
        response.ApplicationProperties.Map["statusDescription"] = "OK";
        return response;
    }

    public static AmqpMessage NoContent()
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties.Map["statusCode"] = 204;
        response.ApplicationProperties.Map["statusDescription"] = "No Content";
        return response;
    }

    public static AmqpMessage Error(int status, AmqpSymbol condition, string description)
    {
        var response = AmqpMessage.Create();
        response.ApplicationProperties.Map["statusCode"] = status;
        response.ApplicationProperties.Map["statusDescription"] = description;
        response.ApplicationProperties.Map["errorCondition"] = condition;
        return response;
    }

    public static AmqpMessage Error(Error error) => Error(500, error.Condition, error.Description);
}
