using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Persistence;

internal static class NpgsqlDataSourceFactory
{
    /// <summary>
    /// One data source (and so one connection pool) for the process, sized by DATABASE_POOL_MAX. These settings win over
    /// the same ones in DATABASE_URL.
    /// </summary>
    public static NpgsqlDataSource Create(IOptions<DatabaseOptions> options)
    {
        var connectionString = DatabaseConnectionString.Parse(options.Value.Url);
        connectionString.MaxPoolSize = options.Value.PoolMax;
        connectionString.MinPoolSize = Math.Min(connectionString.MinPoolSize, connectionString.MaxPoolSize);
        connectionString.Timeout = options.Value.ConnectTimeoutSecs; // also the longest wait for a pooled connection
        connectionString.CommandTimeout = options.Value.CommandTimeoutSecs;
        return new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build();
    }
}
