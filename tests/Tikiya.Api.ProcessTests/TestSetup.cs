using Tikiya.Api.ProcessTests.Infrastructure;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.ProcessTests;

/// <summary>
/// Once per run: the published API the tests start, the database server (a cluster of this project's own, or
/// TIKIYA_TEST_DATABASE_URL's server), and its shared database, migrated, with the reset between tests.
/// </summary>
[SetUpFixture]
public sealed class TestSetup
{
    public static PublishedApi Api { get; private set; } = null!;

    public static TestDatabase Database { get; private set; } = null!;

    public static DatabaseReset Reset { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        TikiyaVariables.ClearFromThisProcess(); // DatabaseOutageTests runs the app in memory, which reads this environment
        Api = await PublishedApi.FindOrPublishAsync();
        Database = await TestDatabase.StartAsync(Environment.GetEnvironmentVariable("TIKIYA_TEST_DATABASE_URL"));
        var connectionString = DatabaseConnectionString.Parse(Database.Url).ConnectionString;
        await MigrationHistory.MigrateAsync(connectionString);
        Reset = await DatabaseReset.CreateAsync(connectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
