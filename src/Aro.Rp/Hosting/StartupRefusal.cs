namespace Aro.Rp.Hosting;

/// <summary>Finds the refusal in what a failed start threw: hosting wraps a hosted service's exception when several fail.</summary>
internal static class StartupRefusal
{
    public static StartupRefusedException? Of(Exception exception) => exception switch
    {
        StartupRefusedException refused => refused,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.OfType<StartupRefusedException>() is var all && all.Any()
            ? new StartupRefusedException([.. all.SelectMany(refused => refused.Problems)])
            : null,
        _ => null,
    };
}
