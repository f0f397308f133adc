using Tikiya.Testing.Mail;

namespace Tikiya.Testing;

/// <summary>
/// An environment with several variables wrong at once, the API expected to name every one in a line of its own:
/// checked in process (Tikiya.Api.UnitTests) and by the published binary (Tikiya.Api.ProcessTests).
/// </summary>
public static class SeveralBadVariables
{
    public static IReadOnlyDictionary<string, string> Bad { get; } = new Dictionary<string, string>
    {
        ["DATABASE_URL"] = "not a connection string",
        ["DATABASE_POOL_MAX"] = "0",
        ["JWT_SECRET"] = "short",
        ["PORT"] = "http",
        ["HTTP_REQUEST_TIMEOUT_SECS"] = "-1",
        ["HTTP_MAX_BODY_BYTES"] = "",
        ["SMTP_URL"] = "http://not-smtp.example.com/",
    };

    /// <summary><see cref="Bad"/>, and the mail settings good beside the bad SMTP_URL: one line for that one.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>(Bad)
    {
        ["MAIL_FROM"] = TestMail.From,
        ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
    };
}
