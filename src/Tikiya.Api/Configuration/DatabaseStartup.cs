using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.Configuration;

/// <summary>
/// Applies the migrations at start (unless DATABASE_MIGRATE_ON_STARTUP=false) or for <c>tikiya_api migrate</c>.
/// A failure, such as the schema guard refusing a foreign <c>users</c> table, is printed as plain lines, never a trace.
/// </summary>
internal static partial class DatabaseStartup
{
    public static async Task<bool> MigrateAsync(WebApplication app, bool migrateCommand, TextWriter error)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup).FullName!);
        if (!migrateCommand && !app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            LogNotMigrating(logger);
            return true;
        }

        try
        {
            var current = await DatabaseMigrator.MigrateAsync(app.Services, app.Lifetime.ApplicationStopping);
            LogSchemaCurrent(logger, current ?? "none");
            return true;
        }
        catch (PostgresException e)
        {
            error.WriteLine($"Database migration failed: {e.MessageText}");
            if (!string.IsNullOrEmpty(e.Hint))
            {
                error.WriteLine($"Hint: {e.Hint}");
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            error.WriteLine($"Database migration failed: {e.Message}");
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Migrations are not applied at start (DATABASE_MIGRATE_ON_STARTUP=false); /health/ready reports pending ones")]
    private static partial void LogNotMigrating(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is current, at migration {Migration}")]
    private static partial void LogSchemaCurrent(ILogger logger, string migration);
}
