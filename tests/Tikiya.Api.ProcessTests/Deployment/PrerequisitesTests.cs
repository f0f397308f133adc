using System.Globalization;

namespace Tikiya.Api.ProcessTests.Deployment;

/// <summary>
/// The README's two commands on a machine that lacks something: scripts/prerequisites, which both call before
/// building, stops at once with one line naming the missing packages and the command that installs them.
/// </summary>
[NonParallelizable]
public sealed class PrerequisitesTests
{
    [Test]
    public async Task Test_WithoutPostgresAndNginx_StopsWithOneLineNamingThePackages()
    {
        // A PATH without /usr/sbin hides nginx; PG_BINDIR pointing nowhere hides PostgreSQL's server binaries.
        var result = await RunAsNonRootAsync("test", new Dictionary<string, string?>
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["PG_BINDIR"] = "/nonexistent/postgresql/bin",
        });

        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.StartWith("scripts/test: missing postgresql, nginx")
            .And.Contain("apt-get install postgresql nginx"));
    }

    [Test]
    public async Task Run_WithADatabaseUrl_NeedsNoPostgresBinaries()
    {
        var result = await RunAsNonRootAsync("run", new Dictionary<string, string?>
        {
            ["PG_BINDIR"] = "/nonexistent/postgresql/bin",
            ["DATABASE_URL"] = "postgres://tikiya:secret@db.example.com/tikiya",
        });

        Assert.That(result.ExitCode, Is.Zero, result.StandardError);
        Assert.That(result.StandardError, Is.Empty);
    }

    [Test]
    public async Task Run_WithoutPostgresBinaries_StopsWithOneLine()
    {
        var result = await RunAsNonRootAsync("run", new Dictionary<string, string?>
        {
            ["PG_BINDIR"] = "/nonexistent/postgresql/bin",
            ["DATABASE_URL"] = null,
        });

        Assert.That(result.ExitCode, Is.EqualTo(1), result.StandardError);
        Assert.That(result.StandardError.Trim(), Does.StartWith("scripts/run: missing postgresql"));
    }

    // As root the script would install what is missing: run it as an ordinary user, from a copy that user can read
    // wherever the checkout is.
    private static async Task<ProcessResult> RunAsNonRootAsync(string use, Dictionary<string, string?> environment)
    {
        var folder = Directory.CreateTempSubdirectory("tikiya-prerequisites-");
        try
        {
            var script = Path.Combine(folder.FullName, "prerequisites");
            File.Copy(RepositoryPaths.Script("prerequisites"), script);
            File.SetUnixFileMode(folder.FullName, (UnixFileMode)Convert.ToInt32("755", 8));
            File.SetUnixFileMode(script, (UnixFileMode)Convert.ToInt32("755", 8));
            var asRoot = Environment.UserName == "root";
            return asRoot
                ? await ProcessRunner.RunAsync("runuser", ["-u", "nobody", "--", "env", .. Env(environment), script, use],
                    timeout: TimeSpan.FromSeconds(30))
                : await ProcessRunner.RunAsync(script, [use], environment, TimeSpan.FromSeconds(30));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // runuser starts from an environment of its own: the variables go through env(1), the unset ones first (-u NAME:
    // env's options come before its assignments).
    private static IEnumerable<string> Env(Dictionary<string, string?> environment) =>
    [
        .. environment.Where(v => v.Value is null).SelectMany(v => new[] { "-u", v.Key }),
        .. environment.Where(v => v.Value is not null).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")),
    ];
}
