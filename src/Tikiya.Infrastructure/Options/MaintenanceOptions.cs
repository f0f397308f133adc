using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class MaintenanceOptions
{
    [ConfigurationKeyName("PURGE_INTERVAL_SECS"), Range(10, 86_400, ErrorMessage = "PURGE_INTERVAL_SECS must be between 10 and 86400.")]
    public int PurgeIntervalSecs { get; set; } = 3600;
}
