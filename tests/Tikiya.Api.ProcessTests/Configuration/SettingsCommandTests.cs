using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Configuration;

/// <summary><c>tikiya_api settings</c> prints the catalogue for scripts, and no value of the environment.</summary>
public sealed class SettingsCommandTests
{
    [Test]
    public async Task Settings_WithSecretsInTheEnvironment_PrintsDeclaredDefaultsOnly()
    {
        const string password = "pw-that-must-not-leak";

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgres://tikiya:{password}@127.0.0.1:1/tikiya",
            ["JWT_SECRET"] = ApiProcess.ValidJwtSecret,
            ["DATABASE_POOL_MAX"] = "7",
        }, "settings");

        var settings = DeclaredSetting.Parse(result.StandardOutput).ToDictionary(setting => setting.Variable);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.StandardError);
            Assert.That(result.StandardOutput, Does.Not.Contain(password).And.Not.Contain(ApiProcess.ValidJwtSecret));
            Assert.That(settings["JWT_SECRET"].Secret, Is.True);
            Assert.That(settings["DATABASE_POOL_MAX"].Default, Is.EqualTo("20"));
        }
    }
}
