using System.Net;
using Tikiya.Domain.Common;

namespace Tikiya.Domain.SecurityEvents;

/// <summary>
/// Something that happened to an account, for its user ("a new login from …") and its operator ("what happened to
/// this account"), API.md v1.1. It holds who the caller was and never a secret: no email, token, code or password.
/// </summary>
public sealed class SecurityEvent
{
    /// <summary>API.md v1.1: events are kept 90 days (the purge deletes older ones).</summary>
    public static readonly TimeSpan RetainedFor = TimeSpan.FromDays(90);

    /// <summary>API.md v1.1: the list answers at most this many, newest first.</summary>
    public const int ListedAtMost = 100;

    /// <summary>
    /// The purge keeps at most this many of each type per account, newest first, so a flood of one kind (failed logins
    /// from anyone who knows the address) can neither grow the table without bound nor push the others (the login that
    /// mattered) out. An account holds at most this many times the number of types.
    /// </summary>
    public const int KeptPerAccountAndType = 100;

    private SecurityEvent() { } // for EF Core

    private SecurityEvent(Guid userId, SecurityEventType type, DateTimeOffset occurredAt, IPAddress? ipAddress,
        string? userAgent)
    {
        Id = Guid.CreateVersion7(occurredAt);
        UserId = userId;
        Type = type;
        OccurredAt = occurredAt;
        IpAddress = ipAddress;
        UserAgent = UserAgentText.Truncate(userAgent); // the sessions' bound
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public SecurityEventType Type { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The caller's address; null when unknown.</summary>
    public IPAddress? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>An event of <paramref name="userId"/>'s account, by the caller at that address with that user agent.</summary>
    public static SecurityEvent Record(Guid userId, SecurityEventType type, DateTimeOffset occurredAt, IPAddress? ipAddress,
        string? userAgent) =>
        new(userId, type, occurredAt, ipAddress, userAgent);
}
