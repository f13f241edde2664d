namespace Aro.Frontend.Tests.Contract;

/// <summary>What replaces the swagger examples' placeholder values, the same throughout one replay.</summary>
public sealed record ExampleValues(string SubscriptionId, string ClientId, string Location);
