using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Tikiya.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting the API (which would demand every variable).
/// No connection is opened to add a migration.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TikiyaDbContext>
{
    public TikiyaDbContext CreateDbContext(string[] args)
    {
        var url = Environment.GetEnvironmentVariable("DATABASE_URL") ?? "Host=localhost;Database=tikiya";
        // Not disposed: the context may use it until the short-lived dotnet-ef process exits.
        var dataSource = new NpgsqlDataSourceBuilder(DatabaseConnectionString.Parse(url).ConnectionString).Build();
        var options = new DbContextOptionsBuilder<TikiyaDbContext>();
        options.UseTikiyaDatabase(dataSource);
        return new TikiyaDbContext(options.Options);
    }
}
