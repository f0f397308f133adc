using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// MAIL_TEMPLATES_DIR: a file there replaces the built-in template of the same name, and only that one; a file that does
/// not parse stops the start with one line naming it.
/// </summary>
public sealed class TemplateOverrideTests
{
    private const string Email = "emma@example.com";

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("tikiya-templates-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Register_WithOverriddenSubjectAndText_SendsThoseAndTheBuiltInHtml()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "verify-email.subject.liquid"), "Welcome to Tikiya, {{ email }}");
        await File.WriteAllTextAsync(Path.Combine(_folder, "verify-email.txt.liquid"),
            "Our own words.\n\n{{ code }}\n\nOr follow {{ link }}\n");
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await IsolatedApp.StartAsync(new Dictionary<string, string>(TestMail.SmtpSettings(sink))
        {
            ["MAIL_TEMPLATES_DIR"] = _folder,
        });

        await MailFlow.RegisterAsync(app.Client, Email);

        var message = await sink.WaitForMessageToAsync(Email, MailFlow.Arrival);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Subject, Is.EqualTo($"Welcome to Tikiya, {Email}"));
            Assert.That(SentMail.Text(message), Does.StartWith("Our own words."));
            Assert.That(SentMail.Code(message), Does.Match("^[0-9]{6}$"), "{{ code }} rendered on its own line");
            Assert.That(SentMail.LinkToken(message), Is.Not.Empty);
            Assert.That(SentMail.Html(message), Does.Contain("Enter this code in the app").And.Contain(SentMail.Code(message)),
                "the HTML part was not overridden: the built-in one");
        }
    }

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
