using System.Text.Json;
using System.Text.Json.Nodes;
using Aro.LocalCloud.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aro.LocalCloud.Tests.Storage;

/// <summary>The local cloud's resources grouped by type and kept in order: both follow every way an entry comes and goes.</summary>
public sealed class ArmResourceDictionaryTests : IDisposable
{
    private const string Group = "/subscriptions/s/resourcegroups/rg";
    private const string Nics = "microsoft.network/networkinterfaces";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"localcloud-groups-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Theory]
    [InlineData(Group + "/providers/microsoft.network/networkinterfaces/nic-0", Nics)]
    [InlineData(Group + "/providers/microsoft.network/virtualnetworks/vnet/subnets/master", "microsoft.network/virtualnetworks/subnets")]
    [InlineData(Group + "/providers/microsoft.compute/virtualmachines/vm/providers/microsoft.authorization/roleassignments/r", "microsoft.authorization/roleassignments")]
    [InlineData(Group, ArmResourceDictionary.ResourceGroups)]
    [InlineData(Group + "/providers/microsoft.network/networkinterfaces", null)]
    [InlineData("/subscriptions/s", null)]
    [InlineData("/resource-1", null)]
    public void A_key_belongs_to_the_group_of_its_resource_type(string key, string? type) =>
        Assert.Equal(type, ArmResourceDictionary.TypeOfKey(key));

    [Fact]
    public void The_groups_follow_adds_replacements_removals_and_clears()
    {
        var resources = new ArmResourceDictionary();
        resources[Nic(0)] = Resource(0);
        resources.Add(Nic(1), Resource(1));
        Assert.True(resources.TryAdd(Nic(2), Resource(2)));
        Assert.False(resources.TryAdd(Nic(2), Resource(99)));
        resources[Nic(1)] = Resource(11);
        resources[Group] = new JsonObject();
        Assert.True(resources.Remove(Nic(0)));
        Assert.False(resources.Remove(Nic(0)));

        Assert.Equal([(Nic(1), "11"), (Nic(2), "2")], Entries(resources));
        Assert.Equal([Group], resources.InGroup(ArmResourceDictionary.ResourceGroups).Select(entry => entry.Key));
        Assert.Equal([Nic(1), Nic(2)], resources.KeysStartingWith(Group + "/"));
        Assert.Equal(["11", "2"], resources.EntriesStartingWith(Group + "/").Select(entry => entry.Value["version"]!.GetValue<string>()));

        resources.Clear();
        Assert.Empty(resources.InGroup(Nics));
        Assert.Empty(resources.InGroup(ArmResourceDictionary.ResourceGroups));
        Assert.Empty(resources.KeysStartingWith(""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/subscriptions/s/")]
    [InlineData("/subscriptions/s/resourcegroups/rg/")]
    [InlineData("/subscriptions/s/resourcegroups/rg")]
    [InlineData("/subscriptions/s/resourcegroups/rg/providers/microsoft.network/networkinterfaces/nic-1")]
    [InlineData("/subscriptions/s/resourcegroups/r\uffff")]
    [InlineData("/subscriptions/t/")]
    public void KeysStartingWith_finds_exactly_the_keys_a_look_at_every_key_finds(string escapedPrefix)
    {
        var prefix = System.Text.RegularExpressions.Regex.Unescape(escapedPrefix);
        var resources = new ArmResourceDictionary();
        string[] keys =
        [
            "/subscriptions/s", "/subscriptions/s/resourcegroups/rg", "/subscriptions/s/resourcegroups/rg2/x",
            "/subscriptions/s/resourcegroups/rh", "/subscriptions/s/resourcegroups/r\uffff", "/subscriptions/s/resourcegroups/r\uffff/a",
            "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/networkinterfaces/nic-1",
            "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/networkinterfaces/nic-10",
            "/subscriptions/s/resourcegroups/rg/providers/microsoft.network/networkinterfaces/nic-1/ipconfigurations/a",
            "/subscriptions/t/resourcegroups/rg",
        ];
        foreach (var key in keys)
        {
            resources[System.Text.RegularExpressions.Regex.Unescape(key)] = new JsonObject();
        }

        var expected = resources.Keys.Where(key => key.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, resources.KeysStartingWith(prefix));
    }

    [Fact]
    public void The_groups_are_rebuilt_from_a_snapshot_and_from_the_journal()
    {
        var state = new LocalCloudState();
        state.Resources[Nic(0)] = Resource(0);
        state.Resources[Nic(1)] = Resource(1);
        var loaded = JsonSerializer.Deserialize<LocalCloudState>(JsonSerializer.Serialize(state))!;
        Assert.Equal([(Nic(0), "0"), (Nic(1), "1")], Entries(loaded.Resources));

        var options = new LocalCloudOptions { Url = "https://localhost:0", DataDirectory = _directory };
        using (var store = new LocalCloudStore(options, NullLogger<LocalCloudStore>.Instance))
        {
            store.Write(written =>
            {
                written.Resources[Nic(0)] = Resource(0);
                written.Resources[Nic(1)] = Resource(1);
                return true;
            });
            store.Write(written => written.Resources.Remove(Nic(0)));
        }

        using var reopened = new LocalCloudStore(options, NullLogger<LocalCloudStore>.Instance);
        Assert.Equal([(Nic(1), "1")], reopened.Read(replayed => Entries(replayed.Resources)));
        Assert.Equal([Nic(1)], reopened.Read(replayed => replayed.Resources.KeysStartingWith(Group + "/")));
        Assert.Equal([Nic(0), Nic(1)], loaded.Resources.KeysStartingWith(Group + "/"));
    }

    private static string Nic(int i) => $"{Group}/providers/microsoft.network/networkinterfaces/nic-{i}";

    private static JsonObject Resource(int version) => new() { ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static List<(string, string)> Entries(ArmResourceDictionary resources) =>
        [.. resources.InGroup(Nics).Select(entry => (entry.Key, entry.Value["version"]!.GetValue<string>())).Order()];
}
