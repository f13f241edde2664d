using Aro.Consumers.Credentials;

namespace Aro.Consumers.Tests.Credentials;

public sealed class KubeadminPasswordTests
{
    [Fact]
    public void Is_four_groups_of_five_with_every_character_class()
    {
        for (var i = 0; i < 500; i++)
        {
            var password = KubeadminPassword.Generate();

            Assert.Matches("^[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}-[A-Za-z0-9]{5}$", password);
            Assert.Equal(23, password.Length);
            Assert.Contains(password, char.IsAsciiLetterLower);
            Assert.Contains(password, char.IsAsciiLetterUpper);
            Assert.Contains(password, char.IsAsciiDigit);
            Assert.DoesNotContain(password, c => c is 'l' or 'O' or '0' or '1');
        }
    }

    [Fact]
    public void Differs_every_time()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => KubeadminPassword.Generate()).ToHashSet();

        Assert.Equal(200, passwords.Count);
    }
}
