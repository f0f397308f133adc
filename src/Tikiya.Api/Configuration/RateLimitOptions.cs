using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

/// <summary>
/// The per-client token buckets on /api/v1/auth/*: one per endpoint group, so that one kind of request cannot use up
/// another's (a client's refreshes never eat its logins). A group left unset takes AUTH_RATE_LIMIT_PER_MINUTE.
/// </summary>
public sealed class RateLimitOptions
{
    [Setting("AUTH_RATE_LIMIT_PER_MINUTE", "Requests per minute per client on /api/v1/auth/* outside the login, register, mail and refresh buckets, and their default; beyond it 429; 0 turns it off")]
    [Range(0, 1_000_000, ErrorMessage = "AUTH_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int AuthPerMinute { get; set; } = 300;

    [Setting("LOGIN_RATE_LIMIT_PER_MINUTE", "Logins per minute per client; beyond it 429; 0 turns it off",
        DefaultsTo = "AUTH_RATE_LIMIT_PER_MINUTE")]
    [Range(0, 1_000_000, ErrorMessage = "LOGIN_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int? LoginPerMinute { get; set; }

    [Setting("REGISTER_RATE_LIMIT_PER_MINUTE", "Registrations per minute per client; beyond it 429; 0 turns it off",
        DefaultsTo = "AUTH_RATE_LIMIT_PER_MINUTE")]
    [Range(0, 1_000_000, ErrorMessage = "REGISTER_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int? RegisterPerMinute { get; set; }

    [Setting("MAIL_RATE_LIMIT_PER_MINUTE", "resend-verification and forgot-password requests per minute per client; beyond it 429; 0 turns it off",
        DefaultsTo = "AUTH_RATE_LIMIT_PER_MINUTE")]
    [Range(0, 1_000_000, ErrorMessage = "MAIL_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int? MailPerMinute { get; set; }

    [Setting("REFRESH_RATE_LIMIT_PER_MINUTE", "Refreshes per minute per client; beyond it 429; 0 turns it off",
        DefaultsTo = "AUTH_RATE_LIMIT_PER_MINUTE")]
    [Range(0, 1_000_000, ErrorMessage = "REFRESH_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int? RefreshPerMinute { get; set; }

    [Setting("AUTH_RATE_LIMIT_IPV6_PREFIX", "IPv6 clients share a bucket per network of this prefix length (an IPv4 client has its own)")]
    [Range(32, 128, ErrorMessage = "AUTH_RATE_LIMIT_IPV6_PREFIX must be between 32 and 128.")]
    public int Ipv6PrefixLength { get; set; } = 64;

    public int Login => LoginPerMinute ?? AuthPerMinute;

    public int Register => RegisterPerMinute ?? AuthPerMinute;

    public int Mail => MailPerMinute ?? AuthPerMinute;

    public int Refresh => RefreshPerMinute ?? AuthPerMinute;
}
