using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Tikiya.Infrastructure.Persistence;

internal static class DbContextOptionsExtensions
{
    /// <summary>The provider settings shared by the running app and the design-time factory of <c>dotnet ef</c>.</summary>
    public static DbContextOptionsBuilder UseTikiyaDatabase(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(typeof(TikiyaDbContext).Assembly.FullName))
            .UseSnakeCaseNamingConvention();
}
