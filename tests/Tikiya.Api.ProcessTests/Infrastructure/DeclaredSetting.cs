namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>A line of <c>tikiya_api settings</c>: the catalogue as the published binary declares it.</summary>
public sealed record DeclaredSetting(string Variable, string Default, bool Secret, string Description, string DefaultsTo)
{
    public static async Task<IReadOnlyList<DeclaredSetting>> ReadAsync()
    {
        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(), "settings");
        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        return Parse(result.StandardOutput);
    }

    public static IReadOnlyList<DeclaredSetting> Parse(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1) // the header
            .Select(line => line.Split('\t'))
            .Select(columns => new DeclaredSetting(columns[0], columns[1], bool.Parse(columns[2]), columns[3], columns[4]))];
}
