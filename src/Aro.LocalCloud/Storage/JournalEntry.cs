namespace Aro.LocalCloud.Storage;

/// <summary>
/// Property names of one journal entry: <c>{"c": collection, "k": key, "v": value}</c>, no <c>v</c> when the
/// entry was removed. One journal line holds the entries of one store write, as a JSON array.
/// </summary>
internal static class JournalEntry
{
    public const string Collection = "c";
    public const string Key = "k";
    public const string Value = "v";
}
