namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>
/// Tests that must see every line their RP logs run alone: MassTransit's log context and Serilog's static logger are
/// process-wide, so with another RP running in the process part of the log could land in that one's sinks.
/// </summary>
[CollectionDefinition(nameof(WholeLogCollection), DisableParallelization = true)]
public sealed class WholeLogCollection;
