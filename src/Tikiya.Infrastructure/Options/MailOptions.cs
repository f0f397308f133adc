using Tikiya.Infrastructure.Configuration;
using Tikiya.Infrastructure.Mail;

namespace Tikiya.Infrastructure.Options;

/// <summary>Where mail goes (ARCHITECTURE.md, v1.1): SMTP, or a folder of .eml files. Checked by <see cref="MailOptionsValidator"/>.</summary>
public sealed class MailOptions
{
    // The form of Ory Kratos' courier.
    [Setting("SMTP_URL", "smtp://user:password@host:587/ (STARTTLS required) or smtps://user:password@host:465/; this or MAIL_PICKUP_DIR in Production",
        Secret = true, ShownBy = nameof(SmtpUrlWithoutPassword))]
    public string SmtpUrl { get; set; } = "";

    [Setting("MAIL_PICKUP_DIR", "Instead of SMTP: a folder where each mail is written as an .eml file (development, or a local MTA)")]
    public string PickupDirectory { get; set; } = "";

    [Setting("MAIL_FROM", "The sender of every mail: address, or Name <address>; required with mail")]
    public string From { get; set; } = "";

    [Setting("PUBLIC_APP_URL", "The client app (https://app.example.com): links in mails point there, never at the API; required with mail")]
    public string PublicAppUrl { get; set; } = "";

    [Setting("MAIL_TEMPLATES_DIR", "A folder of mail templates that replace the built-in ones of the same name")]
    public string TemplatesDirectory { get; set; } = "";

    public bool IsConfigured => SmtpUrl.Length > 0 || PickupDirectory.Length > 0;

    /// <summary>SMTP_URL without its password, for the start-up log.</summary>
    public string SmtpUrlWithoutPassword() =>
        SmtpUrl.Length == 0 ? "" : SmtpEndpoint.TryParse(SmtpUrl, out var endpoint, out _) ? endpoint.ToString() : "(not valid)";

    /// <summary>PUBLIC_APP_URL, or a placeholder when mail is off (no link is ever built then).</summary>
    public Uri PublicAppUri() =>
        Uri.TryCreate(PublicAppUrl, UriKind.Absolute, out var uri) ? uri : new Uri("http://localhost/");
}
