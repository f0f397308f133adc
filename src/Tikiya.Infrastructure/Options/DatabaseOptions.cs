using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class DatabaseOptions
{
    [ConfigurationKeyName("DATABASE_URL"), Required(ErrorMessage = "DATABASE_URL is required (postgres://user:password@host:5432/database or an Npgsql connection string).")]
    public string Url { get; set; } = "";

    [ConfigurationKeyName("DATABASE_POOL_MAX"), Range(1, 10_000, ErrorMessage = "DATABASE_POOL_MAX must be between 1 and 10000.")]
    public int PoolMax { get; set; } = 20;

    [ConfigurationKeyName("DATABASE_MIGRATE_ON_STARTUP")]
    public bool MigrateOnStartup { get; set; } = true;
}
