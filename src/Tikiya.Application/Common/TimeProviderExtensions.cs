namespace Tikiya.Application.Common;

public static class TimeProviderExtensions
{
    /// <summary>
    /// The current UTC time at PostgreSQL's precision (microseconds), so a timestamp answered now equals the one a later
    /// read returns.
    /// </summary>
    public static DateTimeOffset GetUtcNowForStorage(this TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
