using Tikiya.Domain.Throttling;

namespace Tikiya.Domain.UnitTests.Throttling;

public sealed class LoginThrottleTests
{
    private static readonly ThrottlePolicy Policy = new(MaxFailures: 5, Lockout: TimeSpan.FromMinutes(15));
    private static readonly DateTimeOffset Start = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void RecordFailure_FourTimes_LeavesTheEmailFree()
    {
        var throttle = Failed(4);

        Assert.That(throttle.RetryAfter(Start), Is.Null);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(4));
    }

    [Test]
    public void RecordFailure_TheFifth_LocksForTheLockout()
    {
        var throttle = Failed(5);

        Assert.That(throttle.RetryAfter(Start), Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(throttle.RetryAfter(Start.AddMinutes(4)), Is.EqualTo(TimeSpan.FromMinutes(11)));
    }

    [Test]
    public void RetryAfter_OnceTheLockoutIsServed_IsNull()
    {
        var throttle = Failed(5);

        Assert.That(throttle.RetryAfter(Start.AddMinutes(15)), Is.Null);
    }

    [Test]
    public void RecordFailure_AfterAServedLockout_StartsCountingAgain()
    {
        var throttle = Failed(5);

        throttle.RecordFailure(Start.AddMinutes(15), Policy);

        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
        Assert.That(throttle.RetryAfter(Start.AddMinutes(15)), Is.Null);
    }

    [Test]
    public void RecordFailure_AfterFailuresOlderThanTheWindow_ForgetsThem()
    {
        var throttle = Failed(4);

        throttle.RecordFailure(Start + Policy.Lockout, Policy);

        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
        Assert.That(throttle.LockedUntil, Is.Null);
    }

    [Test]
    public void RecordFailure_WithinTheWindow_KeepsCounting()
    {
        var throttle = Failed(4);

        throttle.RecordFailure(Start + Policy.Lockout - TimeSpan.FromSeconds(1), Policy);

        Assert.That(throttle.LockedUntil, Is.Not.Null);
    }

    [Test]
    public void RecordSuccess_ResetsTheCount()
    {
        var throttle = Failed(4);

        throttle.RecordSuccess();
        throttle.RecordFailure(Start, Policy);

        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
    }

    [Test]
    public void RecordFailure_WithSmallerPolicy_LocksSooner()
    {
        var policy = new ThrottlePolicy(2, TimeSpan.FromSeconds(60));
        var throttle = new LoginThrottle("key");

        throttle.RecordFailure(Start, policy);
        throttle.RecordFailure(Start, policy);

        Assert.That(throttle.RetryAfter(Start.AddSeconds(1)), Is.EqualTo(TimeSpan.FromSeconds(59)));
    }

    [Test]
    public void Reserve_WhileLocked_IsThrottledAndTakesNoPlace()
    {
        var throttle = Failed(5);

        Assert.That(throttle.Reserve(Start.AddMinutes(5), Policy), Is.EqualTo(ReservationOutcome.Throttled));
        Assert.That(throttle.RetryAfter(Start.AddMinutes(5)), Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(throttle.AttemptsInFlight, Is.Zero);
    }

    [Test]
    public void Reserve_WhenFailuresAndAttemptsInFlightFillTheLimit_IsBusy()
    {
        var throttle = Failed(3);
        Assert.That(throttle.Reserve(Start, Policy), Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(throttle.Reserve(Start, Policy), Is.EqualTo(ReservationOutcome.Reserved));

        Assert.That(throttle.Reserve(Start, Policy), Is.EqualTo(ReservationOutcome.Busy), "two in flight could still lock it");
        Assert.That(throttle.AttemptsInFlight, Is.EqualTo(2));
    }

    [Test]
    public void Reserve_AfterAnAttemptInFlightSucceeds_IsReservedAgain()
    {
        var throttle = new LoginThrottle("key");
        for (var i = 0; i < Policy.MaxFailures; i++)
        {
            throttle.Reserve(Start, Policy);
        }

        throttle.RecordSuccess();

        Assert.That(throttle.Reserve(Start, Policy), Is.EqualTo(ReservationOutcome.Reserved));
    }

    [Test]
    public void Reserve_WhenTheAttemptsInFlightWereAbandoned_ForgetsThem()
    {
        var throttle = new LoginThrottle("key");
        for (var i = 0; i < Policy.MaxFailures; i++)
        {
            throttle.Reserve(Start, Policy);
        }

        Assert.That(throttle.Reserve(Start + LoginThrottle.AbandonedAfter, Policy), Is.EqualTo(ReservationOutcome.Reserved));
        Assert.That(throttle.AttemptsInFlight, Is.EqualTo(1));
    }

    [Test]
    public void RecordFailure_OfAReservedAttempt_LeavesFlightAndCounts()
    {
        var throttle = new LoginThrottle("key");
        throttle.Reserve(Start, Policy);

        throttle.RecordFailure(Start, Policy);

        Assert.That(throttle.AttemptsInFlight, Is.Zero);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(1));
    }

    [Test]
    public void GiveBack_LeavesFlightAndCountsNothing()
    {
        var throttle = Failed(4);
        throttle.Reserve(Start, Policy);

        throttle.GiveBack();

        Assert.That(throttle.AttemptsInFlight, Is.Zero);
        Assert.That(throttle.ConsecutiveFailures, Is.EqualTo(4));
        Assert.That(throttle.RetryAfter(Start), Is.Null);
    }

    [Test]
    public void ClearFailures_KeepsTheAttemptsInFlight()
    {
        var throttle = Failed(5);
        throttle.ClearFailures();
        throttle.Reserve(Start, Policy);

        throttle.ClearFailures();

        Assert.That(throttle.AttemptsInFlight, Is.EqualTo(1));
        Assert.That(throttle.RetryAfter(Start), Is.Null);
    }

    [TestCase(0, 60)]
    [TestCase(5, 0)]
    public void Policy_WithoutPositiveValues_Throws(int maxFailures, int lockoutSeconds)
    {
        Assert.That(() => new ThrottlePolicy(maxFailures, TimeSpan.FromSeconds(lockoutSeconds)), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    private static LoginThrottle Failed(int times)
    {
        var throttle = new LoginThrottle("key");
        for (var i = 0; i < times; i++)
        {
            throttle.RecordFailure(Start, Policy);
        }

        return throttle;
    }
}
