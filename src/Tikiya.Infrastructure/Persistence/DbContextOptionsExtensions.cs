using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Tikiya.Infrastructure.Persistence;

internal static class DbContextOptionsExtensions
{
    /// <summary>The provider settings shared by the running app and the design-time factory of <c>dotnet ef</c>.</summary>
    public static DbContextOptionsBuilder UseTikiyaDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(TikiyaDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention()
            // The purge deletes in batches of any matching rows (Take without OrderBy): an ORDER BY would make PostgreSQL
            // walk one index in order instead of OR-ing the two that the query matches. Nothing else limits rows.
            // DatabaseMigrator migrates inside a transaction of its own on purpose, and takes EF's migration lock in it.
            .ConfigureWarnings(warnings => warnings.Ignore(CoreEventId.RowLimitingOperationWithoutOrderByWarning,
                RelationalEventId.MigrationsUserTransactionWarning));
}
