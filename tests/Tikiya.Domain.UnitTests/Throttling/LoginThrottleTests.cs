using Tikiya.Domain.Throttling;

namespace Tikiya.Domain.UnitTests.Throttling;

public sealed class LoginThrottleTests
{
    private static readonly ThrottlePolicy Policy = new(MaxFailures: 5, Lockout: TimeSpan.FromMinutes(15));
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void BeginAttempt_FirstFiveAttempts_AreAllowed()
    {
        var throttle = new LoginThrottle("key");

        var waits = Enumerable.Range(0, 5).Select(i => throttle.BeginAttempt(Start.AddSeconds(i), Policy)).ToList();

        Assert.That(waits, Is.All.Null);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(5));
    }

    [Test]
    public void BeginAttempt_AfterFiveFailures_WaitsForTheRestOfTheLockout()
    {
        var throttle = FailedFiveTimes();

        var wait = throttle.BeginAttempt(Start.AddMinutes(4), Policy);

        Assert.That(wait, Is.EqualTo(TimeSpan.FromMinutes(11)));
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(5), "refused attempts are not counted");
    }

    [Test]
    public void BeginAttempt_OnceTheLockoutIsServed_StartsCountingAgain()
    {
        var throttle = FailedFiveTimes();

        var wait = throttle.BeginAttempt(Start.AddMinutes(15), Policy);

        Assert.That(wait, Is.Null);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
        Assert.That(throttle.LockedUntil, Is.Null);
    }

    [Test]
    public void BeginAttempt_AfterFailuresOlderThanTheWindow_ForgetsThem()
    {
        var throttle = new LoginThrottle("key");
        for (var i = 0; i < 4; i++)
        {
            throttle.BeginAttempt(Start, Policy);
        }

        throttle.BeginAttempt(Start + Policy.Lockout, Policy);

        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
        Assert.That(throttle.LockedUntil, Is.Null);
    }

    [Test]
    public void BeginAttempt_WithSmallerPolicy_LocksSooner()
    {
        var throttle = new LoginThrottle("key");
        var policy = new ThrottlePolicy(2, TimeSpan.FromSeconds(60));
        throttle.BeginAttempt(Start, policy);
        throttle.BeginAttempt(Start, policy);

        Assert.That(throttle.BeginAttempt(Start.AddSeconds(1), policy), Is.EqualTo(TimeSpan.FromSeconds(59)));
    }

    [TestCase(0, 60)]
    [TestCase(5, 0)]
    public void Policy_WithoutPositiveValues_Throws(int maxFailures, int lockoutSeconds)
    {
        Assert.That(() => new ThrottlePolicy(maxFailures, TimeSpan.FromSeconds(lockoutSeconds)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static LoginThrottle FailedFiveTimes()
    {
        var throttle = new LoginThrottle("key");
        for (var i = 0; i < 5; i++)
        {
            throttle.BeginAttempt(Start, Policy);
        }

        return throttle;
    }
}
