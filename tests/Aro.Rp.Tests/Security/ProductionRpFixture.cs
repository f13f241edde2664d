namespace Aro.Rp.Tests.Security;

/// <summary>One production RP (and its local cloud) shared by the rows of a certificate table.</summary>
public sealed class ProductionRpFixture : IAsyncLifetime
{
    internal TestCertificates Certificates { get; } = new();

    internal ProductionRp Rp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Rp = await ProductionRp.StartAsync(Certificates);
        await Rp.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await Rp.DisposeAsync();
        Certificates.Dispose();
    }
}
