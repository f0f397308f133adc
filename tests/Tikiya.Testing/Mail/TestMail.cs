namespace Tikiya.Testing.Mail;

/// <summary>
/// The mail settings a test process gets when the test is not about mail: Production refuses to start without
/// somewhere to send mail, so those processes write .eml files into a folder of the test run that nobody reads.
/// </summary>
public static class TestMail
{
    public const string From = "Tikiya <no-reply@tikiya.test>";
    public const string PublicAppUrl = "https://app.tikiya.test/";

    public static string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"tikiya-test-mail-{Environment.ProcessId}");

    public static IReadOnlyDictionary<string, string> PickupSettings { get; } = new Dictionary<string, string>
    {
        ["MAIL_PICKUP_DIR"] = PickupDirectory,
        ["MAIL_FROM"] = From,
        ["PUBLIC_APP_URL"] = PublicAppUrl,
    };

    public static IReadOnlyDictionary<string, string> SmtpSettings(SmtpSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return new Dictionary<string, string>
        {
            ["SMTP_URL"] = sink.Url,
            ["MAIL_FROM"] = From,
            ["PUBLIC_APP_URL"] = PublicAppUrl,
        };
    }

    /// <summary><paramref name="settings"/> with the pickup folder's mail settings under them.</summary>
    public static Dictionary<string, string> With(IReadOnlyDictionary<string, string>? settings)
    {
        var merged = new Dictionary<string, string>(settings ?? new Dictionary<string, string>());
        if (!merged.ContainsKey("SMTP_URL") && !merged.ContainsKey("MAIL_PICKUP_DIR"))
        {
            foreach (var (name, value) in PickupSettings)
            {
                merged.TryAdd(name, value);
            }
        }

        return merged;
    }
}
