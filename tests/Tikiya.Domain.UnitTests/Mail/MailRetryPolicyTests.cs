using Tikiya.Domain.Mail;

namespace Tikiya.Domain.UnitTests.Mail;

public sealed class MailRetryPolicyTests
{
    [TestCase(1, 15)]
    [TestCase(2, 30)]
    [TestCase(3, 60)]
    [TestCase(8, 1920)]
    [TestCase(9, 3600)]
    [TestCase(1000, 3600)]
    public void DelayAfter_DoublesUpToTheMaximum(int failedAttempts, int expectedSeconds)
    {
        Assert.That(MailRetryPolicy.Default.DelayAfter(failedAttempts), Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }
}
