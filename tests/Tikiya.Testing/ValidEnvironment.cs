using Tikiya.Testing.Mail;

namespace Tikiya.Testing;

/// <summary>
/// Every variable the API needs, each valid, naming servers that are never reached: a configuration test changes one
/// of them, and validation fails before any connection is opened.
/// </summary>
public static class ValidEnvironment
{
    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>
    {
        ["DATABASE_URL"] = "postgres://tikiya:secret@127.0.0.1:1/tikiya",
        ["JWT_SECRET"] = TikiyaApiFactory.JwtSecret,
        ["DATABASE_MIGRATE_ON_STARTUP"] = "false",
        ["SMTP_URL"] = "smtp://mailer:secret@127.0.0.1:1/",
        ["MAIL_FROM"] = TestMail.From,
        ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
    };
}
