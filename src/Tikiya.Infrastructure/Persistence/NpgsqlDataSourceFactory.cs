using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Persistence;

internal static class NpgsqlDataSourceFactory
{
    /// <summary>One data source (and so one connection pool) for the process, sized by DATABASE_POOL_MAX.</summary>
    public static NpgsqlDataSource Create(IOptions<DatabaseOptions> options)
    {
        var connectionString = DatabaseConnectionString.Parse(options.Value.Url);
        connectionString.MaxPoolSize = options.Value.PoolMax;
        connectionString.MinPoolSize = Math.Min(connectionString.MinPoolSize, connectionString.MaxPoolSize);
        return new NpgsqlDataSourceBuilder(connectionString.ConnectionString).Build();
    }
}
