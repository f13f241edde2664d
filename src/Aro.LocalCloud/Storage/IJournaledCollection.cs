using System.Text.Json;

namespace Aro.LocalCloud.Storage;

/// <summary>A part of the state whose changes the store journals entry by entry.</summary>
internal interface IJournaledCollection
{
    bool HasChanges { get; }

    /// <summary>Starts remembering which entries the current write reaches.</summary>
    void BeginTracking();

    /// <summary>Writes one journal entry per entry reached since <see cref="BeginTracking"/>: its value now, or its removal.</summary>
    void WriteChanges(Utf8JsonWriter writer, string collection, JsonSerializerOptions options);

    void EndTracking();

    /// <summary>Applies one journal entry read back at start-up: sets the entry, or removes it when <paramref name="value"/> is null.</summary>
    void Replay(string key, JsonElement? value, JsonSerializerOptions options);
}
