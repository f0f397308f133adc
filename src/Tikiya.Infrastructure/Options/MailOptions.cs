using Microsoft.Extensions.Configuration;
using Tikiya.Infrastructure.Mail;

namespace Tikiya.Infrastructure.Options;

/// <summary>Where mail goes (ARCHITECTURE.md, v1.1): SMTP, or a folder of .eml files. Checked by <see cref="MailOptionsValidator"/>.</summary>
public sealed class MailOptions
{
    /// <summary><c>smtp://user:pass@host:587/</c> (STARTTLS required) or <c>smtps://…:465/</c>, as Ory Kratos' courier.</summary>
    [ConfigurationKeyName("SMTP_URL")]
    public string SmtpUrl { get; set; } = "";

    /// <summary>Instead of SMTP: each mail written there as an .eml file (development, or a local MTA's pickup folder).</summary>
    [ConfigurationKeyName("MAIL_PICKUP_DIR")]
    public string PickupDirectory { get; set; } = "";

    /// <summary><c>Name &lt;address&gt;</c> or <c>address</c>.</summary>
    [ConfigurationKeyName("MAIL_FROM")]
    public string From { get; set; } = "";

    /// <summary>The client app; links in mails point there, never at the API.</summary>
    [ConfigurationKeyName("PUBLIC_APP_URL")]
    public string PublicAppUrl { get; set; } = "";

    /// <summary>A folder of templates that replace the built-in ones of the same name (<c>verify-email.html.liquid</c>…).</summary>
    [ConfigurationKeyName("MAIL_TEMPLATES_DIR")]
    public string TemplatesDirectory { get; set; } = "";

    public bool IsConfigured => SmtpUrl.Length > 0 || PickupDirectory.Length > 0;

    /// <summary>SMTP_URL without its password, for the start-up log.</summary>
    public string SmtpUrlWithoutPassword() =>
        SmtpUrl.Length == 0 ? "" : SmtpEndpoint.TryParse(SmtpUrl, out var endpoint, out _) ? endpoint.ToString() : "(not valid)";

    /// <summary>PUBLIC_APP_URL, or a placeholder when mail is off (no link is ever built then).</summary>
    public Uri PublicAppUri() =>
        Uri.TryCreate(PublicAppUrl, UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost/");
}
