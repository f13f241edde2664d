namespace Aro.Messaging.Tests.Scheduling;

/// <summary>What the scheduler tests schedule.</summary>
public sealed record Reminder(Guid Id, string Text);
