using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Persistence;

internal static class NpgsqlDataSourceFactory
{
    /// <summary>Statements each connection keeps prepared: the hot paths' handful, with room to spare.</summary>
    public const int DefaultMaxAutoPrepare = 32;

    private const string MaxAutoPrepareKey = "Max Auto Prepare";

    /// <summary>
    /// One data source (and so one connection pool) for the process, sized by DATABASE_POOL_MAX. These settings win over
    /// the same ones in DATABASE_URL, except automatic preparation, which DATABASE_URL may turn off (`Max Auto
    /// Prepare=0`, for a pooler that cannot keep prepared statements).
    /// </summary>
    public static NpgsqlDataSource Create(IOptions<DatabaseOptions> options) =>
        new NpgsqlDataSourceBuilder(ConnectionString(options.Value).ConnectionString).Build();

    public static NpgsqlConnectionStringBuilder ConnectionString(DatabaseOptions options)
    {
        var connectionString = DatabaseConnectionString.Parse(options.Url);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString.ConnectionString };
        connectionString.MaxPoolSize = options.PoolMax;
        connectionString.MinPoolSize = Math.Min(connectionString.MinPoolSize, connectionString.MaxPoolSize);
        connectionString.Timeout = options.ConnectTimeoutSecs; // also the longest wait for a pooled connection
        connectionString.CommandTimeout = options.CommandTimeoutSecs;
        if (!given.ContainsKey(MaxAutoPrepareKey))
        {
            // The same few statements run on every request: PostgreSQL parses and plans each once per connection.
            connectionString.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        // Nothing the API does leaves state on a session (no SET, temporary table or session lock outlives its use),
        // so a connection going back to the pool needs no DISCARD ALL, which would also drop the prepared statements.
        connectionString.NoResetOnClose = true;
        return connectionString;
    }
}
