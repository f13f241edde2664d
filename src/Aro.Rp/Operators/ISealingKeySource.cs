namespace Aro.Rp.Operators;

/// <summary>
/// Where a sealing-key rotation gets its new key and keeps the fact that it is under way: all that differs between the
/// file key ring (ARO_DATA_DIR/keys) and Key Vault (ARO_KEYVAULT_URL). <see cref="SealingKeyRotation"/> does the rest.
/// </summary>
internal interface ISealingKeySource
{
    /// <summary>Where the keys are, for the operator's eyes.</summary>
    string Location { get; }

    /// <summary>When the running RP starts sealing with the new key, for the operator's eyes.</summary>
    string WhenTheRpSealsWithIt { get; }

    /// <summary>
    /// Adds a key that seals from now on and records the rotation as under way, or takes over the rotation a crash
    /// interrupted if its key is still the newest; returns the key's id and whether it was resumed.
    /// </summary>
    Task<(string KeyId, bool Resumed)> BeginAsync(CancellationToken cancellationToken);

    /// <summary>Every document is rewritten: the rotation is over, the next one adds a key.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}
