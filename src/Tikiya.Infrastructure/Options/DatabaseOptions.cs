using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class DatabaseOptions
{
    [Setting("DATABASE_URL", "postgres://user:password@host:5432/database?sslmode=require, or an Npgsql connection string",
        Secret = true, ShownBy = nameof(UrlWithoutPassword))]
    [Required(ErrorMessage = "DATABASE_URL is required (postgres://user:password@host:5432/database or an Npgsql connection string).")]
    public string Url { get; set; } = "";

    [Setting("DATABASE_POOL_MAX", "Npgsql pool size per instance; instances x DATABASE_POOL_MAX must stay below PostgreSQL's max_connections")]
    [Range(1, 10_000, ErrorMessage = "DATABASE_POOL_MAX must be between 1 and 10000.")]
    public int PoolMax { get; set; } = 20;

    [Setting("DATABASE_MIGRATE_ON_STARTUP", "Apply migrations at start; with false, run `tikiya_api migrate` before starting a new version")]
    public bool MigrateOnStartup { get; set; } = true;

    // Short, so that an outage is answered with 503 in seconds rather than at the request timeout.
    [Setting("DATABASE_CONNECT_TIMEOUT_SECS", "Longest wait for a connection (server slow or pool exhausted), then 503")]
    [Range(1, 60, ErrorMessage = "DATABASE_CONNECT_TIMEOUT_SECS must be between 1 and 60.")]
    public int ConnectTimeoutSecs { get; set; } = 5;

    /// <summary>
    /// Not a variable of its own: the host sets it to HTTP_REQUEST_TIMEOUT_SECS, so that no query outlives its request.
    /// </summary>
    public int CommandTimeoutSecs { get; set; }

    /// <summary>DATABASE_URL as a connection string without its passwords (the user's, the SSL key's), for the start-up log.</summary>
    public string UrlWithoutPassword()
    {
        var connectionString = Persistence.DatabaseConnectionString.Parse(Url);
        connectionString.Password = connectionString.Password is null ? null : "***";
        connectionString.SslPassword = connectionString.SslPassword is null ? null : "***";
        return connectionString.ConnectionString;
    }
}
