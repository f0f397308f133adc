using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Api.IntegrationTests;

/// <summary>Once per run: the database server, the app on it, migrated, and the reset between tests.</summary>
[SetUpFixture]
public sealed class TestSetup
{
    public static TestDatabase Database { get; private set; } = null!;

    public static TikiyaApiFactory Factory { get; private set; } = null!;

    public static DatabaseReset Reset { get; private set; } = null!;

    /// <summary>The SMTP server the shared app sends to; emptied before each test.</summary>
    public static SmtpSink Smtp { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var testDatabaseUrl = Environment.GetEnvironmentVariable("TIKIYA_TEST_DATABASE_URL");
        TikiyaVariables.ClearFromThisProcess(); // the app in memory reads this process's environment
        Database = await TestDatabase.StartAsync(testDatabaseUrl);
        Smtp = await SmtpSink.StartAsync();
        Factory = new TikiyaApiFactory(Database.Url, TestMail.SmtpSettings(Smtp));
        await DatabaseMigrator.MigrateAsync(Factory.Services, CancellationToken.None);
        Reset = await DatabaseReset.CreateAsync(DatabaseConnectionString.Parse(Database.Url).ConnectionString);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        if (Smtp is not null)
        {
            await Smtp.DisposeAsync();
        }
    }
}
