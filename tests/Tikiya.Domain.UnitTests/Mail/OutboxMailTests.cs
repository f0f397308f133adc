using Tikiya.Domain.Mail;

namespace Tikiya.Domain.UnitTests.Mail;

public sealed class OutboxMailTests
{
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly MailRetryPolicy Policy = MailRetryPolicy.Default;

    [Test]
    public void Queue_IsDueAtOnceWithItsModel()
    {
        var mail = Queued();

        Assert.That(mail.IsDue(Start), Is.True);
        Assert.That(mail.Model, Does.ContainKey("code"));
    }

    [Test]
    public void MarkSent_DeletesTheModel()
    {
        var mail = Queued();

        mail.MarkSent(Start);

        Assert.That(mail.Model, Is.Null, "the code exists in clear only until the mail is sent");
        Assert.That(mail.IsDue(Start.AddDays(1)), Is.False);
    }

    [Test]
    public void RecordFailure_First_RetriesWithinThirtySeconds()
    {
        var mail = Queued();

        var outcome = mail.RecordFailure(Start, "SMTP connection failed", permanent: false, Policy);

        Assert.That(outcome, Is.EqualTo(MailFailureOutcome.WillRetry));
        Assert.That(mail.NextAttemptAt - Start, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(mail.IsDue(Start), Is.False);
        Assert.That(mail.Model, Is.Not.Null);
    }

    [Test]
    public void RecordFailure_Permanent_GivesUpAndDeletesTheModel()
    {
        var mail = Queued();

        var outcome = mail.RecordFailure(Start, "SMTP 550 RecipientNotAccepted", permanent: true, Policy);

        Assert.That(outcome, Is.EqualTo(MailFailureOutcome.GaveUp));
        Assert.That(mail.Model, Is.Null);
        Assert.That(mail.GaveUpAt, Is.EqualTo(Start));
    }

    [Test]
    public void RecordFailure_KeepsRetryingForTwentyFourHoursThenGivesUp()
    {
        var mail = Queued();
        var now = Start;
        while (mail.RecordFailure(now, "down", permanent: false, Policy) == MailFailureOutcome.WillRetry)
        {
            Assert.That(mail.NextAttemptAt - now, Is.LessThanOrEqualTo(Policy.MaxDelay));
            now = mail.NextAttemptAt;
        }

        Assert.That(now - Start, Is.GreaterThanOrEqualTo(TimeSpan.FromHours(24)));
        Assert.That(now - Start, Is.LessThan(TimeSpan.FromHours(25)));
        Assert.That(mail.Model, Is.Null);
    }

    [Test]
    public void RecordFailure_KeepsAShortError()
    {
        var mail = Queued();

        mail.RecordFailure(Start, new string('x', 2000), permanent: false, Policy);

        Assert.That(mail.LastError, Has.Length.EqualTo(OutboxMail.MaxErrorLength));
    }

    [Test]
    public void MarkSent_Twice_Throws()
    {
        var mail = Queued();
        mail.MarkSent(Start);

        Assert.Throws<InvalidOperationException>(() => mail.MarkSent(Start));
    }

    [Test]
    public void DueAt_AgreesWithIsDue()
    {
        var waiting = Queued();
        waiting.RecordFailure(Start, "down", permanent: false, Policy);
        var sent = Queued();
        sent.MarkSent(Start);

        foreach (var mail in new[] { Queued(), waiting, sent })
        {
            foreach (var at in new[] { Start, Start.AddMinutes(1) })
            {
                Assert.That(OutboxMail.DueAt(at).Compile()(mail), Is.EqualTo(mail.IsDue(at)));
            }

            Assert.That(OutboxMail.Pending.Compile()(mail), Is.EqualTo(mail.IsPending));
        }
    }

    private static OutboxMail Queued() => OutboxMail.Queue(Guid.NewGuid(), "ann@example.com", "verify-email",
        new Dictionary<string, string> { ["code"] = "123456" }, Start);
}
