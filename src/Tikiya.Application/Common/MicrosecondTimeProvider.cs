namespace Tikiya.Application.Common;

/// <summary>
/// The API's one clock: <paramref name="inner"/>'s time cut to whole microseconds, PostgreSQL's precision, so a time
/// answered now equals the one a later read of the same row returns. Only <see cref="GetUtcNow"/> is cut; timers and
/// timestamps are <paramref name="inner"/>'s own, so a test that advances a fake clock still fires them.
/// </summary>
public sealed class MicrosecondTimeProvider(TimeProvider inner) : TimeProvider
{
    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}
