namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// The API as scripts/publish ships it (the tikiya_api executable, self-contained when the runtime packs restore), which
/// every process test runs: the folder TIKIYA_PUBLISHED_API names (scripts/test publishes once and sets it), or, when
/// this project runs alone, dist/tikiya_api published here first.
/// </summary>
public sealed class PublishedApi
{
    public const string Variable = "TIKIYA_PUBLISHED_API";

    private PublishedApi(string directory) => Directory = directory;

    /// <summary>The published folder: tikiya_api and .env.example.</summary>
    public string Directory { get; }

    /// <summary>The executable, started as an operator starts it.</summary>
    public string Executable => Path.Combine(Directory, "tikiya_api");

    public static async Task<PublishedApi> FindOrPublishAsync()
    {
        var directory = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(directory))
        {
            // Publishing builds the API again: minutes on a small machine.
            var publish = await ProcessRunner.RunAsync(RepositoryPaths.Script("publish"), [], timeout: TimeSpan.FromMinutes(10));
            Assert.That(publish.ExitCode, Is.Zero, publish.StandardError + publish.StandardOutput);
            directory = Path.Combine(RepositoryPaths.Root, "dist", "tikiya_api");
        }

        var api = new PublishedApi(Path.GetFullPath(directory));
        if (!File.Exists(api.Executable))
        {
            throw new InvalidOperationException(
                $"{Variable}={directory} holds no tikiya_api: give it scripts/publish's dist/tikiya_api.");
        }

        return api;
    }
}
