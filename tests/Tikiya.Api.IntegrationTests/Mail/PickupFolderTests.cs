using MimeKit;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Mail;

/// <summary>MAIL_PICKUP_DIR instead of SMTP_URL: each mail an .eml file there, whole, for a mail reader or an MTA.</summary>
public sealed class PickupFolderTests
{
    private const string Email = "liam@example.com";

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("tikiya-pickup-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Register_WithAPickupFolder_WritesTheMailThereAsAnEmlFile()
    {
        await using var app = await IsolatedApp.StartAsync(PickupSettings());

        await MailFlow.RegisterAsync(app.Client, Email);
        await app.SettleAsync();

        var files = Directory.GetFiles(_folder);
        Assert.That(files.Select(Path.GetExtension), Is.EqualTo(new[] { ".eml" }), "one finished file, no temporary one left");
        using var message = await MimeMessage.LoadAsync(files[0]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Subject, Is.EqualTo(MailFlow.VerificationSubject));
            Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { Email }));
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo(MailboxAddress.Parse(TestMail.From).Address));
            Assert.That(SentMail.Code(message), Does.Match("^[0-9]{6}$"));
            Assert.That(SentMail.HasHtmlPart(message), Is.True);
            Assert.That((await app.OutboxAsync()).Single().SentAt, Is.Not.Null, "written counts as sent");
        }
    }

    [Test]
    public async Task ForgotPassword_WithAPickupFolder_WritesOneFilePerMail()
    {
        await using var app = await IsolatedApp.StartAsync(PickupSettings());
        await MailFlow.RegisterAsync(app.Client, Email);

        await MailFlow.ForgotPasswordAsync(app.Client, Email);
        await app.SettleAsync();

        var subjects = new List<string>();
        foreach (var file in Directory.GetFiles(_folder, "*.eml"))
        {
            using var message = await MimeMessage.LoadAsync(file);
            subjects.Add(message.Subject ?? "");
        }

        Assert.That(subjects, Is.EquivalentTo(new[] { MailFlow.VerificationSubject, MailFlow.ResetSubject }));
    }

    private Dictionary<string, string> PickupSettings() => new()
    {
        ["MAIL_PICKUP_DIR"] = _folder,
        ["MAIL_FROM"] = TestMail.From,
        ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
    };
}
