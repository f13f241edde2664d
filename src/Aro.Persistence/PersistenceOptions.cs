using Aro.Persistence.Cosmos;

namespace Aro.Persistence;

/// <summary>
/// Bound from the "Persistence" section; the host maps ARO_DATA_DIR onto <see cref="DataDirectory"/>, ARO_STORE onto
/// <see cref="Store"/> and the ARO_COSMOS_* variables onto <see cref="Cosmos"/>.
/// </summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    public const string SqliteStore = "sqlite";

    public const string CosmosStore = "cosmos";

    /// <summary>Where the documents and saga instances live: sqlite (the embedded database) or cosmos (Cosmos DB).</summary>
    public string Store { get; set; } = SqliteStore;

    /// <summary>Where the SQLite database (aro.db) and, unless <see cref="KeyDirectory"/> says otherwise, the secret keys live.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The directory of the secret key ring; defaults to {DataDirectory}/keys.</summary>
    public string? KeyDirectory { get; set; }

    /// <summary>The Cosmos DB account, read only when <see cref="Store"/> is cosmos.</summary>
    public CosmosStoreOptions Cosmos { get; set; } = new();

    public string ResolvedKeyDirectory =>
        string.IsNullOrWhiteSpace(KeyDirectory) ? Path.Combine(DataDirectory, "keys") : KeyDirectory;

    public bool UsesCosmos => string.Equals(Store, CosmosStore, StringComparison.OrdinalIgnoreCase);
}
