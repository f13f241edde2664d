namespace Aro.Orchestration.Tests;

/// <summary>How the fake consumers answer a command.</summary>
public enum StepAnswer
{
    Succeed,
    Fail,
    Throw,
    Silent,
    /// <summary>Silent the first time, then succeeds: a lost message that the timeout's retry recovers.</summary>
    SilentOnce,
}
