namespace Aro.Rp.Operators;

/// <summary>One step of an operation in the timeline <c>aro-rp clusters show</c> and <c>watch</c> draw.</summary>
/// <param name="Attempt">How many times its command went out, for the step running now (the saga counts only that one).</param>
internal sealed record StepProgress(string Step, StepState State, int? Attempt);

internal enum StepState
{
    Pending,
    Running,
    Done,
    Failed,
}
