namespace Tikiya.Domain.Mail;

/// <summary>
/// How often one email address asked for one kind of mail (API.md: at most 1 request a minute and 5 an hour per
/// address, known or not). Keyed by a keyed hash of the address, so the table holds no address. Only accepted
/// requests count: a client that keeps asking while refused does not push its own wait further.
/// </summary>
public sealed class AddressRequestLimit
{
    public const int PerMinute = 1;
    public const int PerHour = 5;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private AddressRequestLimit() { } // for EF Core

    public AddressRequestLimit(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Key = key;
    }

    public string Key { get; private set; } = "";

    /// <summary>The accepted requests of the last hour, oldest first (at most <see cref="PerHour"/>).</summary>
    public List<DateTimeOffset> RecentRequests { get; private set; } = [];

    /// <summary>The newest accepted request: the purge deletes rows idle for an hour.</summary>
    public DateTimeOffset LastRequestAt { get; private set; }

    /// <summary>PostgreSQL's xmin: of two requests racing, the second fails to save and is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>Records a request, or returns how long the address must wait (nothing recorded then).</summary>
    public TimeSpan? TryRecord(DateTimeOffset now)
    {
        var lastHour = RecentRequests.Where(at => at > now - Hour).Order().ToList();
        var lastMinute = lastHour.Where(at => at > now - Minute).ToList();
        if (lastMinute.Count >= PerMinute)
        {
            return lastMinute[^PerMinute] + Minute - now;
        }

        if (lastHour.Count >= PerHour)
        {
            return lastHour[^PerHour] + Hour - now;
        }

        lastHour.Add(now);
        RecentRequests = lastHour;
        LastRequestAt = now;
        return null;
    }

    /// <summary>Rows whose newest request is older than this no longer limit anything (the purge).</summary>
    public static TimeSpan Window => Hour;
}
