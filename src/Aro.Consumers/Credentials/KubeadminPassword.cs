using System.Security.Cryptography;

namespace Aro.Consumers.Credentials;

/// <summary>
/// kubeadmin passwords in the installer's style: four groups of five characters joined by '-'
/// (e.g. <c>Xk3pQ-7hT2m-aZ9vE-4nWq8</c>), with at least one lower-case letter, one upper-case letter
/// and one digit. Like the installer, the alphabet leaves out look-alikes (l, O, 0, 1).
/// </summary>
internal static class KubeadminPassword
{
    public const int Length = 23;

    private const string LowerCase = "abcdefghijkmnopqrstuvwxyz";
    private const string UpperCase = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Alphabet = LowerCase + UpperCase + Digits;
    private const int GroupLength = 5;
    private const int Groups = 4;

    public static string Generate()
    {
        string characters;
        do
        {
            // Drawing again until every class occurs keeps the choice uniform over the valid passwords.
            characters = RandomNumberGenerator.GetString(Alphabet, GroupLength * Groups);
        }
        while (characters.IndexOfAny(LowerCase.ToCharArray()) < 0
            || characters.IndexOfAny(UpperCase.ToCharArray()) < 0
            || characters.IndexOfAny(Digits.ToCharArray()) < 0);

        return string.Join('-', characters.Chunk(GroupLength).Select(group => new string(group)));
    }
}
