namespace Aro.Rp.Tests.EndToEnd.Recording;

/// <summary>
/// Tests that count what their RP does through a process-wide meter run alone: a MeterListener hears every RP in the
/// process, so another test's RP would add its store operations to the count.
/// </summary>
[CollectionDefinition(nameof(ProcessWideMetricsCollection), DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection;
