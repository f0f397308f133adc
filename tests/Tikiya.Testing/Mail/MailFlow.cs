using System.Net;
using System.Net.Http.Json;
using MimeKit;
using Tikiya.Testing.Builders;

namespace Tikiya.Testing.Mail;

/// <summary>The requests that queue mail, and the built-in mails as a reader tells them apart (by subject).</summary>
public static class MailFlow
{
    public const string VerificationSubject = "Verify your email address";
    public const string ResetSubject = "Reset your password";

    /// <summary>How long a test waits for a mail the app sends now (in process: milliseconds, unless it is broken).</summary>
    public static readonly TimeSpan Arrival = TimeSpan.FromSeconds(15);

    public static async Task RegisterAsync(HttpClient client, string email, string password = UserBuilder.DefaultPassword)
    {
        var response = await new UserBuilder().WithEmail(email).WithPassword(password).RegisterAsync(client);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    public static async Task ForgotPasswordAsync(HttpClient client, string email)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    public static bool IsVerification(MimeMessage message, string to) =>
        message.Subject == VerificationSubject && IsTo(message, to);

    public static bool IsReset(MimeMessage message, string to) => message.Subject == ResetSubject && IsTo(message, to);

    public static bool IsTo(MimeMessage message, string address) =>
        message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase));
}
