using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Configuration;

/// <summary>
/// A bad variable stops the process before it listens: exit code not 0, one line naming it, no stack trace. Which line
/// each variable gets is StartupValidationTests' (Tikiya.Api.UnitTests), in process; these check the binary itself.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ConfigurationErrorTests
{
    private const string ErrorPrefix = "Configuration error:";

    // What the in-process tests stand in for: real environment variables (an empty one among them) read by the binary's
    // own configuration, the lines on standard error, the exit code.
    [Test]
    public async Task Start_WithSeveralBadVariables_ReportsEveryOneAtOnce()
    {
        var result = await ApiProcess.RunAsync(SeveralBadVariables.Environment);

        AssertRefusedStart(result);
        var lines = ApiProcess.ErrorLines(result, ErrorPrefix);
        Assert.That(lines, Has.Length.EqualTo(SeveralBadVariables.Bad.Count), result.StandardError);
        foreach (var variable in SeveralBadVariables.Bad.Keys)
        {
            Assert.That(lines, Has.One.Contains(variable), result.StandardError);
        }
    }

    // Everything the process prints, its logs included, not only the lines StartupValidation returns.
    [Test]
    public async Task Start_WithBadDatabaseUrl_NeverPrintsItsPassword()
    {
        const string password = "pw-that-must-not-leak";

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(ValidEnvironment.Variables)
        {
            ["DATABASE_URL"] = $"postgres://tikiya:{password}@db/tikiya?sslmode=sometimes",
            ["JWT_SECRET"] = "a-short-secret-that-must-not-leak",
        });

        AssertRefusedStart(result);
        Assert.That(result.StandardError + result.StandardOutput, Does.Not.Contain(password).And.Not.Contain("must-not-leak"));
    }

    private static void AssertRefusedStart(ProcessResult result)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.StandardOutput);
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("Now listening"));
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("Exception"), "no exception");
        }
    }
}
