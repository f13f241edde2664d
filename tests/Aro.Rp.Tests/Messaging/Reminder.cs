namespace Aro.Rp.Tests.Messaging;

/// <summary>What the scheduler tests schedule.</summary>
public sealed record Reminder(Guid Id, string Text);
