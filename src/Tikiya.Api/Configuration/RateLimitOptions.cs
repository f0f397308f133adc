using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api.Configuration;

public sealed class RateLimitOptions
{
    [Setting("AUTH_RATE_LIMIT_PER_MINUTE", "Requests per minute per client address on /api/v1/auth/*; beyond it 429; 0 turns it off")]
    [Range(0, 1_000_000, ErrorMessage = "AUTH_RATE_LIMIT_PER_MINUTE must be between 0 (off) and 1000000.")]
    public int AuthPerMinute { get; set; } = 300;
}
