namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>Runs the published API as an operator would (<c>tikiya_api</c>, <c>tikiya_api migrate</c>).</summary>
public static class ApiProcess
{
    public const string ValidJwtSecret = TikiyaApiFactory.JwtSecret;

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var variables = TikiyaVariables.All.ToDictionary(name => name, _ => (string?)null); // the machine's own never leak in
        variables["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ProcessRunner.RunAsync(TestSetup.Api.Executable, arguments, variables, TimeSpan.FromSeconds(90));
    }

    /// <summary><c>tikiya_api migrate</c> on <paramref name="databaseUrl"/>, with only what it needs besides.</summary>
    public static Task<ProcessResult> MigrateAsync(string databaseUrl) => RunAsync(
        TestMail.With(new Dictionary<string, string> { ["DATABASE_URL"] = databaseUrl, ["JWT_SECRET"] = ValidJwtSecret }),
        "migrate");

    public static string[] ErrorLines(ProcessResult result, string prefix) =>
        [.. result.StandardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith(prefix, StringComparison.Ordinal))];
}
