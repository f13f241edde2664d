namespace Aro.Infra.Tests;

/// <summary>The checkout the tests run from, for the infra/ templates they build.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Infra => System.IO.Path.Combine(Path, "infra");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Aro.Messaging.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Aro.Messaging.sln above {AppContext.BaseDirectory}.");
    }
}
