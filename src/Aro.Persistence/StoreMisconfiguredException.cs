namespace Aro.Persistence;

/// <summary>
/// The store answers but cannot be used as configured (a container missing while creating them is off): retrying
/// would never help, so start-up stops with this message, which names the setting to change.
/// </summary>
public sealed class StoreMisconfiguredException(string message, Exception? innerException = null) : InvalidOperationException(message, innerException);
