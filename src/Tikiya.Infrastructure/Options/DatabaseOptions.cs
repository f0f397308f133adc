using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Tikiya.Infrastructure.Options;

public sealed class DatabaseOptions
{
    public const int DefaultPoolMax = 20;

    [ConfigurationKeyName("DATABASE_URL"), Required(ErrorMessage = "DATABASE_URL is required (postgres://user:password@host:5432/database or an Npgsql connection string).")]
    public string Url { get; set; } = "";

    [ConfigurationKeyName("DATABASE_POOL_MAX"), Range(1, 10_000, ErrorMessage = "DATABASE_POOL_MAX must be between 1 and 10000.")]
    public int PoolMax { get; set; } = DefaultPoolMax;

    [ConfigurationKeyName("DATABASE_MIGRATE_ON_STARTUP")]
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// How long to wait for a connection, whether the server is slow to answer or the pool is exhausted: short, so an
    /// outage is answered with 503 in seconds rather than at the request timeout.
    /// </summary>
    [ConfigurationKeyName("DATABASE_CONNECT_TIMEOUT_SECS"), Range(1, 60, ErrorMessage = "DATABASE_CONNECT_TIMEOUT_SECS must be between 1 and 60.")]
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
