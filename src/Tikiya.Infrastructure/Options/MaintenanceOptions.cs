using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class MaintenanceOptions
{
    [Setting("PURGE_INTERVAL_SECS", "How often expired sessions, refresh tokens, throttle rows, codes, sent mails and old security events are deleted")]
    [Range(10, 86_400, ErrorMessage = "PURGE_INTERVAL_SECS must be between 10 and 86400.")]
    public int PurgeIntervalSecs { get; set; } = 3600;
}
