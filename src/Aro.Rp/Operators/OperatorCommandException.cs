namespace Aro.Rp.Operators;

/// <summary>Why an operator's command cannot go on, in one line that says what to do; the command exits with 1.</summary>
internal sealed class OperatorCommandException(string message) : Exception(message);
