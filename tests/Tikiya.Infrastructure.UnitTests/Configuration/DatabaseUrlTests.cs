using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;

namespace Tikiya.Infrastructure.UnitTests.Configuration;

public sealed class DatabaseUrlTests
{
    [Test]
    public void Parse_UrlWithEncodedParts_DecodesEveryPart()
    {
        var builder = DatabaseConnectionString.Parse(
            "postgres://us%40er:p%40ss%3Aw%2Frd%20x@db.example.com:6543/my%20db?sslmode=verify-full&application_name=tikiya");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.Host, Is.EqualTo("db.example.com"));
            Assert.That(builder.Port, Is.EqualTo(6543));
            Assert.That(builder.Username, Is.EqualTo("us@er"));
            Assert.That(builder.Password, Is.EqualTo("p@ss:w/rd x"));
            Assert.That(builder.Database, Is.EqualTo("my db"));
            Assert.That(builder.SslMode, Is.EqualTo(SslMode.VerifyFull));
            Assert.That(builder.ApplicationName, Is.EqualTo("tikiya"));
        }
    }

    [Test]
    public void Parse_UrlWithHostedPostgresParameters_KeepsThemAndKeepsPlusSigns()
    {
        var builder = DatabaseConnectionString.Parse(
            "postgres://tikiya@db.example.com/tikiya?sslmode=require&channel_binding=require&gssencmode=disable&sslpassword=a+b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(builder.ChannelBinding, Is.EqualTo(ChannelBinding.Require));
            Assert.That(builder.GssEncryptionMode, Is.EqualTo(GssEncryptionMode.Disable));
            Assert.That(builder.SslPassword, Is.EqualTo("a+b"));
        }
    }

    [TestCase("postgres://tikiya:user-secret@db.example.com/tikiya?sslpassword=key-secret")]
    [TestCase("Host=db.example.com;Username=tikiya;Password=user-secret;SSL Password=key-secret")]
    public void UrlWithoutPassword_MasksEveryPassword(string url)
    {
        var logged = new DatabaseOptions { Url = url }.UrlWithoutPassword();

        Assert.That(logged, Does.Contain("db.example.com").And.Not.Contain("user-secret").And.Not.Contain("key-secret"));
    }

    [TestCase("postgres://tikiya@localhost/tikiya")]
    [TestCase("postgresql://tikiya@localhost/tikiya")]
    [TestCase("POSTGRES://tikiya@localhost/tikiya")]
    public void Parse_UrlWithoutPort_Uses5432(string url)
    {
        var builder = DatabaseConnectionString.Parse(url);

        Assert.That(builder.Port, Is.EqualTo(5432));
        Assert.That(builder.Password, Is.Null);
    }

    [TestCase("disable", SslMode.Disable)]
    [TestCase("require", SslMode.Require)]
    [TestCase("verify-ca", SslMode.VerifyCA)]
    [TestCase("prefer", SslMode.Prefer)]
    public void Parse_UrlWithSslMode_HonoursIt(string sslmode, SslMode expected)
    {
        var builder = DatabaseConnectionString.Parse($"postgres://u:p@db/tikiya?sslmode={sslmode}");

        Assert.That(builder.SslMode, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_UrlWithIpv6Host_KeepsTheAddress()
    {
        var builder = DatabaseConnectionString.Parse("postgres://u:p@[::1]:5433/tikiya");

        Assert.That(builder.Host, Is.EqualTo("::1"));
        Assert.That(builder.Port, Is.EqualTo(5433));
    }

    [Test]
    public void Parse_KeyValueString_IsTakenAsIs()
    {
        var builder = DatabaseConnectionString.Parse("Host=db;Port=6000;Database=tikiya;Username=u;Password=p;SSL Mode=Require");

        Assert.That((builder.Host, builder.Port, builder.Database, builder.SslMode), Is.EqualTo(("db", 6000, "tikiya", SslMode.Require)));
    }

    [TestCase("postgres://u:hunter2@db/tikiya?sslmode=sometimes")]
    [TestCase("postgres://u:hunter2@db/tikiya?bogus=1")]
    [TestCase("Password=hunter2;Database=tikiya")]
    [TestCase("Password=hunter2;Bogus=1")]
    public void TryParse_InvalidValue_FailsWithoutRepeatingThePassword(string value)
    {
        var parsed = DatabaseConnectionString.TryParse(value, out _, out var error);

        Assert.That(parsed, Is.False);
        Assert.That(error, Is.Not.Empty.And.Not.Contain("hunter2"));
    }

    [Test]
    public void DataSource_WithPoolMax_SizesThePool()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { Url = "postgres://u:p@db/tikiya", PoolMax = 7 });

        using var dataSource = NpgsqlDataSourceFactory.Create(options);

        Assert.That(new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize, Is.EqualTo(7));
    }
}
