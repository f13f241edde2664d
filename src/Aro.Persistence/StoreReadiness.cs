namespace Aro.Persistence;

/// <summary>
/// Whether the store's schema is in place: the "store" health check fails until the initializer says so. A store
/// that can never become ready as configured (a container missing while creating them is off) is refused instead,
/// with the one line that names the setting; the host stops and reports it.
/// </summary>
public sealed class StoreReadiness
{
    private volatile bool _ready;
    private volatile string? _refusal;

    public bool IsReady => _ready;

    /// <summary>Why the store can never become ready as configured, or null.</summary>
    public string? Refusal => _refusal;

    public void MarkReady() => _ready = true;

    public void Refuse(string reason) => _refusal = reason;
}
