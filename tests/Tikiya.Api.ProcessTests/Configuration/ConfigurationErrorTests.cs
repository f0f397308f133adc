using Tikiya.Api.ProcessTests.Infrastructure;

namespace Tikiya.Api.ProcessTests.Configuration;

/// <summary>A bad variable stops the process before it listens: exit code not 0, one line naming it, no stack trace.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class ConfigurationErrorTests
{
    private const string ErrorPrefix = "Configuration error:";

    // Well-formed but never reached: validation fails before any connection is opened.
    private static readonly Dictionary<string, string> ValidEnvironment = new()
    {
        ["DATABASE_URL"] = "postgres://tikiya:secret@127.0.0.1:1/tikiya",
        ["JWT_SECRET"] = ApiProcess.ValidJwtSecret,
        ["DATABASE_MIGRATE_ON_STARTUP"] = "false",
        ["SMTP_URL"] = "smtp://mailer:secret@127.0.0.1:1/",
        ["MAIL_FROM"] = TestMail.From,
        ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
    };

    [Test]
    public async Task Start_WithoutRequiredVariables_NamesEachAndExitsBeforeListening()
    {
        var result = await ApiProcess.RunAsync(new Dictionary<string, string>());

        AssertRefusedStart(result);
        var lines = ApiProcess.ErrorLines(result, ErrorPrefix);
        Assert.That(lines, Has.Length.EqualTo(3), result.StandardError);
        Assert.That(lines, Has.One.Contains("DATABASE_URL").And.One.Contains("JWT_SECRET").And.One.Contains("SMTP_URL"));
    }

    [TestCase("DATABASE_URL", "")]
    [TestCase("DATABASE_URL", "   ")]
    [TestCase("DATABASE_URL", "mysql://tikiya:secret@db/tikiya")]
    [TestCase("DATABASE_URL", "postgres://tikiya:secret@db/tikiya?sslmode=sometimes")]
    [TestCase("DATABASE_URL", "postgres://tikiya:secret@db/tikiya?no_such_parameter=1")]
    [TestCase("DATABASE_URL", "postgres://tikiya:secret@db:notaport/tikiya")]
    [TestCase("DATABASE_URL", "Database=tikiya;Username=tikiya")]
    [TestCase("DATABASE_URL", "Host=db;No Such Keyword=1")]
    [TestCase("DATABASE_POOL_MAX", "")]
    [TestCase("DATABASE_POOL_MAX", "abc")]
    [TestCase("DATABASE_POOL_MAX", "1.5")]
    [TestCase("DATABASE_POOL_MAX", "0")]
    [TestCase("DATABASE_POOL_MAX", "-3")]
    [TestCase("DATABASE_MIGRATE_ON_STARTUP", "maybe")]
    [TestCase("JWT_SECRET", "")]
    [TestCase("JWT_SECRET", "sixteen-bytes-ab")]
    [TestCase("JWT_SECRET", "thirty-one-bytes-long-secret-xy")]
    [TestCase("JWT_ISSUER", "")]
    [TestCase("JWT_AUDIENCE", " ")]
    [TestCase("PORT", "abc")]
    [TestCase("PORT", "0")]
    [TestCase("PORT", "-1")]
    [TestCase("PORT", "70000")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "thirty")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "0")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "-5")]
    [TestCase("HTTP_CONCURRENCY_LIMIT", "0")]
    [TestCase("HTTP_CONCURRENCY_LIMIT", "many")]
    [TestCase("HTTP_MAX_BODY_BYTES", "-1")]
    [TestCase("HTTP_MAX_BODY_BYTES", "1MB")]
    [TestCase("PASSWORD_HASHER", "bcrypt")]
    [TestCase("PASSWORD_HASHER", "")]
    [TestCase("ARGON2_MEMORY_KIB", "1024")]
    [TestCase("ARGON2_ITERATIONS", "0")]
    [TestCase("PASSWORD_HASHING_CONCURRENCY", "1025")] // above its range (0 to 1024)
    [TestCase("SMTP_URL", "http://mail.example.com/")]
    [TestCase("SMTP_URL", "smtp://")]
    [TestCase("SMTP_URL", "smtp://mail.example.com/?starttls=maybe")]
    [TestCase("SMTP_URL", "smtps://mail.example.com/?disable_starttls=true")]
    [TestCase("MAIL_PICKUP_DIR", "/tmp")] // beside SMTP_URL: one of the two
    [TestCase("MAIL_FROM", "")]
    [TestCase("MAIL_FROM", "not an address")]
    [TestCase("PUBLIC_APP_URL", "")]
    [TestCase("PUBLIC_APP_URL", "app.example.com")]
    [TestCase("PUBLIC_APP_URL", "ftp://app.example.com/")]
    [TestCase("PUBLIC_APP_URL", "https://app.example.com/?from=mail")]
    [TestCase("MAIL_TEMPLATES_DIR", "/no/such/folder")]
    [TestCase("AUTH_REQUIRE_VERIFIED_EMAIL", "sometimes")]
    [TestCase("EMAIL_VERIFICATION_TTL_SECS", "0")]
    [TestCase("PASSWORD_RESET_TTL_SECS", "one hour")]
    public async Task Start_WithBadVariable_PrintsOneLineNamingItAndExits(string variable, string value)
    {
        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(ValidEnvironment) { [variable] = value });

        AssertRefusedStart(result);
        var lines = ApiProcess.ErrorLines(result, ErrorPrefix);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.Contain(variable));
    }

    [Test]
    public async Task Start_WithSeveralBadVariables_ReportsEveryOneAtOnce()
    {
        var bad = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "not a connection string",
            ["DATABASE_POOL_MAX"] = "0",
            ["JWT_SECRET"] = "short",
            ["PORT"] = "http",
            ["HTTP_REQUEST_TIMEOUT_SECS"] = "-1",
            ["HTTP_MAX_BODY_BYTES"] = "",
            ["SMTP_URL"] = "http://not-smtp.example.com/",
        };

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(bad)
        {
            ["MAIL_FROM"] = TestMail.From, // good, beside the bad SMTP_URL: one line for that one
            ["PUBLIC_APP_URL"] = TestMail.PublicAppUrl,
        });

        AssertRefusedStart(result);
        var lines = ApiProcess.ErrorLines(result, ErrorPrefix);
        Assert.That(lines, Has.Length.EqualTo(bad.Count), result.StandardError);
        foreach (var variable in bad.Keys)
        {
            Assert.That(lines, Has.One.Contains(variable), result.StandardError);
        }
    }

    [Test]
    public async Task Start_InProductionWithoutMail_SaysMailIsRequiredAndExits()
    {
        var withoutMail = new Dictionary<string, string>(ValidEnvironment);
        withoutMail.Remove("SMTP_URL");

        var result = await ApiProcess.RunAsync(withoutMail);

        AssertRefusedStart(result);
        var lines = ApiProcess.ErrorLines(result, ErrorPrefix);
        Assert.That(lines, Has.Length.EqualTo(1), result.StandardError);
        Assert.That(lines[0], Does.Contain("SMTP_URL").And.Contain("MAIL_PICKUP_DIR").And.Contain("Production"));
    }

    [Test]
    public async Task Start_WithBadSmtpUrl_NeverPrintsItsPassword()
    {
        const string password = "smtp-pw-that-must-not-leak";

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(ValidEnvironment)
        {
            ["SMTP_URL"] = $"smtp://mailer:{password}@mail.example.com/?starttls=maybe",
        });

        AssertRefusedStart(result);
        Assert.That(result.StandardError + result.StandardOutput, Does.Not.Contain(password));
    }

    [Test]
    public async Task Start_WithBadDatabaseUrl_NeverPrintsItsPassword()
    {
        const string password = "pw-that-must-not-leak";

        var result = await ApiProcess.RunAsync(new Dictionary<string, string>(ValidEnvironment)
        {
            ["DATABASE_URL"] = $"postgres://tikiya:{password}@db/tikiya?sslmode=sometimes",
            ["JWT_SECRET"] = "a-short-secret-that-must-not-leak",
        });

        AssertRefusedStart(result);
        Assert.That(result.StandardError + result.StandardOutput, Does.Not.Contain(password).And.Not.Contain("must-not-leak"));
    }

    private static void AssertRefusedStart(ProcessResult result)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Not.Zero, result.StandardOutput);
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("Now listening"));
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("   at "), "no stack trace");
            Assert.That(result.StandardOutput + result.StandardError, Does.Not.Contain("Exception"), "no exception");
        }
    }
}
