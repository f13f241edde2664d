namespace Aro.Consumers.Tests;

/// <summary>
/// How long the consumer tests' harnesses wait. Bounds on waiting, not timing assertions: the harness counts a test
/// as over once its bus has been idle for the inactivity timeout (1.2 s by default) and then answers every wait at
/// once, which a two-core machine busy with other builds passes between a publish and its consume.
/// </summary>
internal static class ConsumerTestTimeouts
{
    public static readonly TimeSpan Inactivity = TimeSpan.FromSeconds(5);
}
