using Npgsql;
using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Configuration;

/// <summary>DATABASE_URL in either form (a URL or key=value), as the published binary's migrate command reads it.</summary>
public sealed class DatabaseUrlMigrateTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task MigrateCommand_WithEitherForm_ConnectsAndApplies(bool asUrl)
    {
        var database = await TestSetup.Database.CreateDatabaseAsync();
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(database);
            var value = asUrl
                ? $"postgresql://{Uri.EscapeDataString(connectionString.Username!)}:{Uri.EscapeDataString(connectionString.Password!)}"
                  + $"@{connectionString.Host}:{connectionString.Port}/{connectionString.Database}?sslmode=disable"
                : database;

            var result = await ApiProcess.MigrateAsync(value);

            Assert.That(result.ExitCode, Is.Zero, result.StandardError + result.StandardOutput);
            Assert.That(await MigrationHistory.CountAsync(database), Is.EqualTo(MigrationHistory.KnownMigrations.Count));
        }
        finally
        {
            await TestSetup.Database.DropDatabaseAsync(database);
        }
    }
}
