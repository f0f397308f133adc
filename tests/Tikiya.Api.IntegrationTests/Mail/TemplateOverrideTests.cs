using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>
/// MAIL_TEMPLATES_DIR: a file there replaces the built-in template of the same name, and only that one (a file that does
/// not parse stops the start: the process tests).
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
}
