using System.ComponentModel.DataAnnotations;

namespace Tikiya.Api.Configuration;

public sealed class RateLimitOptions
{
    /// <summary>Requests per minute that one client address may send to /api/v1/auth/*; 0 turns the limit off.</summary>
    [ConfigurationKeyName("AUTH_RATE_LIMIT_PER_MINUTE"), Range(0, 1_000_000, ErrorMessage = "AUTH_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int AuthPerMinute { get; set; } = 300;
}
