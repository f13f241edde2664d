namespace Aro.Rp.Tests;

/// <summary>The checkout the tests run from, for files they read as a user would (examples, env.example, docker-compose.yml).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

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
