using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.UnitTests.Configuration;

/// <summary>What the API adds to DATABASE_URL for its one connection pool.</summary>
public sealed class DataSourceSettingsTests
{
    [Test]
    public void ConnectionString_ByDefault_PreparesTheHotStatementsAndSkipsTheResetOnClose()
    {
        var connectionString = NpgsqlDataSourceFactory.ConnectionString(Options("postgres://tikiya:secret@db.example.com/tikiya"));

        Assert.That(connectionString.MaxAutoPrepare, Is.EqualTo(NpgsqlDataSourceFactory.DefaultMaxAutoPrepare));
        Assert.That(connectionString.NoResetOnClose, Is.True);
        Assert.That(connectionString.MaxPoolSize, Is.EqualTo(new DatabaseOptions().PoolMax));
    }

    [TestCase("postgres://tikiya:secret@db.example.com/tikiya?Max%20Auto%20Prepare=0")]
    [TestCase("postgres://tikiya:secret@pgbouncer.example.com:6432/tikiya?sslmode=require&MaxAutoPrepare=0")] // deployment.md
    [TestCase("Host=db.example.com;Username=tikiya;Password=secret;Database=tikiya;Max Auto Prepare=0")]
    public void ConnectionString_WithAutoPreparationTurnedOff_KeepsItOff(string url)
    {
        var connectionString = NpgsqlDataSourceFactory.ConnectionString(Options(url));

        Assert.That(connectionString.MaxAutoPrepare, Is.Zero);
    }

    private static DatabaseOptions Options(string url) => new() { Url = url };
}
