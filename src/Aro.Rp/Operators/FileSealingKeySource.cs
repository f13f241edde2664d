using Aro.Persistence.Secrets;

namespace Aro.Rp.Operators;

/// <summary>
/// The file key ring as a rotation's key source: the new key's id is written beside the keys until the rotation is
/// over, so a run after a crash goes on with that key instead of adding another.
/// </summary>
internal sealed class FileSealingKeySource(FileSecretKeyRing keyRing) : ISealingKeySource
{
    private const string InProgressFileName = ".rotation";

    public string Location => keyRing.DirectoryPath;

    public string WhenTheRpSealsWithIt => "once it re-reads its keys (within a minute)";

    private string InProgressPath => Path.Combine(keyRing.DirectoryPath, InProgressFileName);

    /// <summary>The key a crashed rotation was sealing with, if it is still the newest; null when no rotation is under way.</summary>
    private string? InterruptedKeyId =>
        File.Exists(InProgressPath) && File.ReadAllText(InProgressPath).Trim() is var id && id == keyRing.CurrentKey.Id ? id : null;

    public Task<(string KeyId, bool Resumed)> BeginAsync(CancellationToken cancellationToken)
    {
        if (InterruptedKeyId is { } interrupted)
        {
            return Task.FromResult((interrupted, true));
        }

        var added = keyRing.AddKey();
        File.WriteAllText(InProgressPath, added.Id);
        return Task.FromResult((added.Id, false));
    }

    public Task CompleteAsync(CancellationToken cancellationToken)
    {
        File.Delete(InProgressPath);
        return Task.CompletedTask;
    }
}
