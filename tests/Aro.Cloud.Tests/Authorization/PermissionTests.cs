using Aro.Cloud.Authorization;

namespace Aro.Cloud.Tests.Authorization;

public sealed class PermissionTests
{
    private const string Join = "Microsoft.Network/virtualNetworks/join/action";

    public static TheoryData<string, string[], string[], string, bool> Cases => new()
    {
        { "everything", ["*"], [], Join, true },
        { "the provider's wildcard", ["Microsoft.Network/*"], [], Join, true },
        { "another provider's wildcard", ["Microsoft.Compute/*"], [], Join, false },
        { "reads only", ["*/read"], [], "Microsoft.Network/virtualNetworks/read", true },
        { "reads only, not join", ["*/read"], [], Join, false },
        { "the exact action", [Join], [], Join, true },
        { "case is ignored", ["microsoft.network/VIRTUALNETWORKS/*"], [], Join, true },
        { "a wildcard in the middle", ["Microsoft.Network/*/join/action"], [], Join, true },
        { "a longer action is not a match", ["Microsoft.Network/virtualNetworks/join"], [], Join, false },
        { "notActions subtract", ["Microsoft.Network/*"], ["Microsoft.Network/virtualNetworks/*/action"], Join, false },
        { "notActions subtract only what they match", ["Microsoft.Network/*"], ["Microsoft.Network/routeTables/*"], Join, true },
        { "nothing granted", [], [], Join, false },
        { "a dot is a dot, not any character", ["Microsoft.Network/*"], [], "MicrosoftXNetwork/virtualNetworks/join/action", false },
        { "no match across a trailing newline", [Join], [], Join + "\n", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_actions_as_Azure_RBAC_does(string name, string[] actions, string[] notActions, string action, bool allowed)
    {
        Assert.True(new Permission(actions, notActions).Allows(action) == allowed, name);
    }

    [Fact]
    public void A_roles_exclusions_do_not_take_away_what_another_role_grants()
    {
        var contributor = new Permission(["*"], ["Microsoft.Network/*"]);
        var networkContributor = new Permission(["Microsoft.Network/*"], []);

        Assert.False(Permission.AnyAllows([contributor], Join));
        Assert.True(Permission.AnyAllows([contributor, networkContributor], Join));
    }
}
