using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>
/// deploy/env.example (shipped as .env.example) lists every variable the API reads, with its declared default, except
/// the few a server behind the shipped nginx must set otherwise.
/// </summary>
public sealed class EnvExampleTests
{
    // The API's default binds every interface (a container, a host without a proxy); the shipped file and unit put it
    // behind nginx, on loopback.
    private static readonly Dictionary<string, string> ShippedOtherwise = new(StringComparer.Ordinal)
    {
        ["BIND_ADDRESS"] = "127.0.0.1",
    };

    [Test]
    public async Task EnvExample_ListsEveryVariableWithItsDefault()
    {
        var listed = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "deploy", "env.example"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

        var declared = await DeclaredSetting.ReadAsync();

        Assert.That(listed.Keys, Is.EquivalentTo(declared.Select(setting => setting.Variable)));
        foreach (var setting in declared)
        {
            var expected = ShippedOtherwise.GetValueOrDefault(setting.Variable, setting.Default);
            Assert.That(listed[setting.Variable], Is.EqualTo(expected).IgnoreCase, setting.Variable);
        }
    }
}
