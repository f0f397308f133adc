using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Mail;

/// <summary>
/// MAIL_TEMPLATES_DIR: a file there that does not parse stops the start with one line naming it (a file that does
/// replaces the built-in template of the same name: the in-process tests).
/// </summary>
public sealed class TemplateOverrideTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("tikiya-templates-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Start_WithATemplateThatDoesNotParse_PrintsOneLineNamingItAndExits()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "reset-password.txt.liquid"), "Your code: {{ code \n");

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgres://tikiya:secret@127.0.0.1:1/tikiya", // never reached: the configuration is refused first
            ["JWT_SECRET"] = ApiProcess.ValidJwtSecret,
            ["SMTP_URL"] = "smtp://127.0.0.1:1/",
            ["MAIL_FROM"] = TestMail.From,
            ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
            ["MAIL_TEMPLATES_DIR"] = _folder,
        });

        var output = result.StandardOutput + result.StandardError;
        var lines = ApiProcess.ErrorLines(result, "Configuration error:");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), output);
            Assert.That(lines, Has.Length.EqualTo(1), output);
            Assert.That(lines.FirstOrDefault(), Does.Contain("MAIL_TEMPLATES_DIR").And.Contain("reset-password.txt.liquid"));
            Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace");
            Assert.That(output, Does.Not.Contain("Now listening"));
        }
    }
}
