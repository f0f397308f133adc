using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>deploy/env.example (shipped as .env.example) lists every variable the API reads, with its declared default.</summary>
public sealed class EnvExampleTests
{
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
            Assert.That(listed[setting.Variable], Is.EqualTo(setting.Default).IgnoreCase, setting.Variable);
        }
    }
}
