namespace Aro.Rp.Hosting;

/// <summary>The host refuses to start as configured; the message is the one line an operator reads (it names what to set).</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);
