namespace Aro.Persistence;

/// <summary>Whether the store's schema is in place: the "store" health check fails until the initializer says so.</summary>
public sealed class StoreReadiness
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
