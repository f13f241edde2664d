namespace Aro.Persistence;

/// <summary>Bound from the "Persistence" section; the host maps ARO_DATA_DIR onto <see cref="DataDirectory"/>.</summary>
public sealed class PersistenceOptions
{
    public const string SectionName = "Persistence";

    /// <summary>Where the SQLite database (aro.db) and, unless <see cref="KeyDirectory"/> says otherwise, the secret keys live.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The directory of the secret key ring; defaults to {DataDirectory}/keys.</summary>
    public string? KeyDirectory { get; set; }

    public string ResolvedKeyDirectory =>
        string.IsNullOrWhiteSpace(KeyDirectory) ? Path.Combine(DataDirectory, "keys") : KeyDirectory;
}
