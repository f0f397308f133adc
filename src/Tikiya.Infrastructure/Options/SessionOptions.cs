using System.ComponentModel.DataAnnotations;
using Tikiya.Domain.Sessions;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>API.md v1.1, Sessions and devices: a session ends at the latest this long after its login.</summary>
public sealed class SessionOptions
{
    [Setting("SESSION_MAX_LIFETIME_SECS", "Absolute lifetime of a session from its login (seconds); no refresh extends it")]
    [Range(300, 315_360_000, ErrorMessage = "SESSION_MAX_LIFETIME_SECS must be between 300 and 315360000.")]
    public int MaxLifetimeSecs { get; set; } = 7_776_000;

    public SessionPolicy ToPolicy() => new(TimeSpan.FromSeconds(MaxLifetimeSecs));
}
