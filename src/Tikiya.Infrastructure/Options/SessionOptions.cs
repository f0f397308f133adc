using System.ComponentModel.DataAnnotations;
using Tikiya.Domain.Sessions;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>
/// API.md v1.1, Sessions and devices: a session ends at the latest this long after its login, and a user holds at most
/// so many active sessions.
/// </summary>
public sealed class SessionOptions
{
    [Setting("SESSION_MAX_LIFETIME_SECS", "Absolute lifetime of a session from its login (seconds); no refresh extends it")]
    [Range(300, 315_360_000, ErrorMessage = "SESSION_MAX_LIFETIME_SECS must be between 300 and 315360000.")]
    public int MaxLifetimeSecs { get; set; } = 7_776_000;

    [Setting("SESSION_MAX_PER_USER", "Active sessions one user may hold; a login past it ends the least recently used one")]
    [Range(1, 100_000, ErrorMessage = "SESSION_MAX_PER_USER must be between 1 and 100000.")]
    public int MaxPerUser { get; set; } = 100;

    public SessionPolicy ToPolicy() => new(TimeSpan.FromSeconds(MaxLifetimeSecs), MaxPerUser);
}
