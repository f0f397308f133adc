using MimeKit;
using Npgsql;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests.Infrastructure;

/// <summary>
/// The mails of the account flows as the shared app sends them to <see cref="TestSetup.Smtp"/>, picked by recipient and
/// subject, and the proof that a request became no mail at all.
/// </summary>
public static class AccountMailbox
{
    public const string Verification = "Verify your email address";
    public const string Reset = "Reset your password";
    public const string EmailChange = "Confirm your new email address";
    public const string PasswordChanged = "Your password was changed";
    public const string EmailChangeRequested = "A change of your email address was asked for";
    public const string EmailChanged = "Your email address was changed";
    public const string AccountDeleted = "Your account was deleted";
    public const string MfaEnabled = "Two-step sign-in was switched on";
    public const string MfaDisabled = "Two-step sign-in was switched off";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The first mail to <paramref name="address"/> with <paramref name="subject"/> (and matching
    /// <paramref name="also"/>, say "not the code of the first mail"), already received or still to come.
    /// </summary>
    public static Task<MimeMessage> WaitForAsync(string address, string subject, Func<MimeMessage, bool>? also = null) =>
        TestSetup.Smtp.WaitForMessageAsync(message =>
            message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase))
            && string.Equals(message.Subject, subject, StringComparison.Ordinal)
            && (also is null || also(message)), Timeout);

    /// <summary>The mails received so far to <paramref name="address"/> with <paramref name="subject"/>.</summary>
    public static IReadOnlyList<MimeMessage> Received(string address, string subject) =>
        [.. TestSetup.Smtp.Messages.Where(message =>
            message.To.Mailboxes.Any(mailbox => string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase))
            && string.Equals(message.Subject, subject, StringComparison.Ordinal))];

    /// <summary>
    /// Every resend-verification and forgot-password request answered so far has been handled: a round of the sender
    /// runs (<see cref="MailOutbox.SettleAsync"/>), then a round the background sender may still be in the middle of
    /// is waited for (the requests it claimed stay locked until it commits, and are gone then). After this, whatever
    /// those requests were to become is in mail_outbox.
    /// </summary>
    public static async Task HandlePendingRequestsAsync()
    {
        await MailOutbox.SettleAsync(TestSetup.Factory.Services, ConnectionString);

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // FOR UPDATE without SKIP LOCKED waits for the background round's lock; the rows it deleted are then skipped.
        await using var pending = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM mail_requests FOR UPDATE) AS claimed",
            connection, transaction);
        var left = (long)(await pending.ExecuteScalarAsync())!;
        await transaction.RollbackAsync();
        Assert.That(left, Is.Zero, "every request was handled");
    }

    /// <summary>The templates of the mail_outbox rows to <paramref name="address"/> (as typed), oldest first (rows queued at one instant in no order), whatever their state.</summary>
    public static async Task<IReadOnlyList<string>> OutboxTemplatesToAsync(string address) =>
        [.. (await MailOutbox.ReadAsync(ConnectionString)).Where(row => row.Recipient == address).Select(row => row.Template)];

    private static string ConnectionString => DatabaseConnectionString.Parse(TestSetup.Database.Url).ConnectionString;
}
