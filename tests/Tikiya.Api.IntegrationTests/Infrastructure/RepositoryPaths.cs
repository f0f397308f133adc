namespace Tikiya.Api.IntegrationTests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    /// <summary>The API as built beside the tests, started with <c>dotnet tikiya_api.dll</c>.</summary>
    public static string ApiAssembly { get; } = Path.Combine(AppContext.BaseDirectory, "tikiya_api.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tikiya.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Tikiya.sln above {AppContext.BaseDirectory}.");
    }
}
