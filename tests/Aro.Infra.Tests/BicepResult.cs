namespace Aro.Infra.Tests;

/// <summary>What one run of the Bicep CLI printed; diagnostics (warnings included) go to standard error.</summary>
internal sealed record BicepResult(int ExitCode, string Output, string Error);
