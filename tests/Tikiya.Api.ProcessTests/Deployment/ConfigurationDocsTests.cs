using System.Text.RegularExpressions;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>docs/configuration.md's tables name every variable the API reads, with its declared default.</summary>
public sealed partial class ConfigurationDocsTests
{
    [Test]
    public async Task ConfigurationDocs_TablesNameEveryVariableWithItsDefault()
    {
        var documented = TableRow().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "configuration.md")))
            .ToDictionary(row => row.Groups["variable"].Value, row => row.Groups["default"].Value.Trim('`'), StringComparer.Ordinal);

        var declared = await DeclaredSetting.ReadAsync();

        Assert.That(documented.Keys, Is.EquivalentTo(declared.Select(setting => setting.Variable)));
        foreach (var setting in declared)
        {
            // A setting with no default says what it needs instead: "required", "required with mail", or "—" (optional);
            // one that takes another variable's value names that variable.
            var expected = setting.Default.Length > 0 ? Is.EqualTo(setting.Default)
                : setting.DefaultsTo.Length > 0 ? Is.EqualTo(setting.DefaultsTo)
                : Does.StartWith("required").Or.EqualTo("—");
            Assert.That(documented[setting.Variable], expected, setting.Variable);
        }
    }

    // | `VARIABLE` | default | rule |
    [GeneratedRegex(@"^\| `(?<variable>[A-Z][A-Z0-9_]*)` \| (?<default>[^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
