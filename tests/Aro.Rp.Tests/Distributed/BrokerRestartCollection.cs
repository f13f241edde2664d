namespace Aro.Rp.Tests.Distributed;

/// <summary>Tests that take the shared broker away: xunit runs this collection after all others, and alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerRestartCollection
{
    public const string Name = "Broker restart";
}
