using System.Security.Cryptography;
using Tikiya.Api.UnitTests.Infrastructure;

namespace Tikiya.Api.UnitTests.Configuration;

/// <summary>
/// A bad variable stops the API before it listens with one line naming it, every bad one at once: the lines
/// StartupValidation gives Program.cs for the app built on the test's environment. The binary's exit code, its standard
/// error and everything else it prints are ConfigurationErrorTests' (Tikiya.Api.ProcessTests).
/// </summary>
[Parallelizable(ParallelScope.Children)]
public sealed class StartupValidationTests
{
    private static readonly TestKeyFiles Keys = new();
    private static readonly string SigningKey = Keys.PrivateKey();

    [OneTimeTearDown]
    public static void DeleteKeyFiles() => Keys.Dispose();

    [Test]
    public async Task ErrorLines_WithValidEnvironment_AreNone()
    {
        var lines = await UnstartedApp.ErrorLinesAsync(ValidEnvironment.Variables);

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public async Task ErrorLines_WithoutRequiredVariables_NameEach()
    {
        var lines = await UnstartedApp.ErrorLinesAsync(new Dictionary<string, string>());

        Assert.That(lines, Has.Count.EqualTo(3), string.Join('\n', lines));
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
    [TestCase("JWT_SECRET_PREVIOUS", "thirty-one-bytes-long-secret-xy")]
    [TestCase("JWT_ALGORITHM", "RS256")]
    [TestCase("JWT_ALGORITHM", "none")]
    [TestCase("JWT_ISSUER", "")]
    [TestCase("JWT_AUDIENCE", " ")]
    [TestCase("PORT", "abc")]
    [TestCase("PORT", "0")]
    [TestCase("PORT", "-1")]
    [TestCase("PORT", "70000")]
    [TestCase("PORT", "9464")] // METRICS_PORT's default: the two listeners need two ports
    [TestCase("BIND_ADDRESS", "localhost")]
    [TestCase("BIND_ADDRESS", "8080")] // IPAddress would read it as 0.0.31.144
    [TestCase("BIND_ADDRESS", "127.1")]
    [TestCase("BIND_ADDRESS", "127.0.0.1:8080")]
    [TestCase("METRICS_PORT", "abc")]
    [TestCase("METRICS_PORT", "-1")]
    [TestCase("METRICS_PORT", "70000")]
    [TestCase("METRICS_PORT", "8080")] // PORT's default
    [TestCase("METRICS_ADDRESS", "")]
    [TestCase("METRICS_ADDRESS", "localhost")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "thirty")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "0")]
    [TestCase("HTTP_REQUEST_TIMEOUT_SECS", "-5")]
    [TestCase("HTTP_CONCURRENCY_LIMIT", "0")]
    [TestCase("HTTP_CONCURRENCY_LIMIT", "many")]
    [TestCase("HTTP_MAX_BODY_BYTES", "-1")]
    [TestCase("HTTP_MAX_BODY_BYTES", "1MB")]
    [TestCase("HTTP_MAX_JSON_BODY_BYTES", "1023")]
    [TestCase("HTTP_MAX_JSON_BODY_BYTES", "2097152")] // above HTTP_MAX_BODY_BYTES (1048576)
    [TestCase("AUTH_RATE_LIMIT_IPV6_PREFIX", "31")]
    [TestCase("AUTH_RATE_LIMIT_IPV6_PREFIX", "129")]
    [TestCase("LOGIN_RATE_LIMIT_PER_MINUTE", "-1")]
    [TestCase("REGISTER_RATE_LIMIT_PER_MINUTE", "many")]
    [TestCase("MAIL_RATE_LIMIT_PER_MINUTE", "1000001")]
    [TestCase("REFRESH_RATE_LIMIT_PER_MINUTE", "1.5")]
    [TestCase("PASSWORD_HASHER", "bcrypt")]
    [TestCase("PASSWORD_HASHER", "")]
    [TestCase("ARGON2_MEMORY_KIB", "1024")]
    [TestCase("ARGON2_ITERATIONS", "0")]
    [TestCase("PASSWORD_HASHING_CONCURRENCY", "1025")] // above its range (0 to 1024)
    [TestCase("PASSWORD_BREACH_CHECK_URL", "api.pwnedpasswords.com")]
    [TestCase("PASSWORD_BREACH_CHECK_URL", "ftp://api.pwnedpasswords.com/")]
    [TestCase("PASSWORD_BREACH_CHECK_URL", "https://api.pwnedpasswords.com/?mode=ntlm")]
    [TestCase("PASSWORD_BREACH_CHECK_TIMEOUT_MS", "50")] // below its range (100 to 10000)
    [TestCase("PASSWORD_BREACH_CHECK_TIMEOUT_MS", "1.5s")]
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
    [TestCase("SESSION_MAX_LIFETIME_SECS", "0")]
    [TestCase("SESSION_MAX_LIFETIME_SECS", "90 days")]
    [TestCase("SESSION_MAX_LIFETIME_SECS", "315360001")] // above its range (10 years)
    [TestCase("SESSION_MAX_PER_USER", "0")]
    [TestCase("SESSION_MAX_PER_USER", "many")]
    [TestCase("MFA_ISSUER", "")]
    [TestCase("MFA_ISSUER", " ")]
    [TestCase("MFA_ISSUER", "Acme:Corp")] // the otpauth label is "issuer:account"
    [TestCase("MFA_ISSUER", "Acme Corporation, issuer of the one-time codes of its users, 65!!")] // 65 characters
    [TestCase("MFA_ENCRYPTION_KEY", "too short for a key")]
    [TestCase("MFA_ENCRYPTION_KEY_PREVIOUS", "too short for a key")]
    public async Task ErrorLines_WithBadVariable_AreOneLineNamingIt(string variable, string value)
    {
        var environment = new Dictionary<string, string>(ValidEnvironment.Variables) { [variable] = value };

        var lines = await UnstartedApp.ErrorLinesAsync(environment);

        Assert.That(lines, Has.Count.EqualTo(1), string.Join('\n', lines));
        Assert.That(lines[0], Does.Contain(variable));
    }

    [TestCase("BIND_ADDRESS", "127.0.0.1")]
    [TestCase("BIND_ADDRESS", "0.0.0.0")]
    [TestCase("BIND_ADDRESS", "::")]
    [TestCase("BIND_ADDRESS", "::1")]
    [TestCase("METRICS_ADDRESS", "::1")]
    [TestCase("METRICS_ADDRESS", "10.0.0.5")]
    [TestCase("METRICS_PORT", "0")] // off
    [TestCase("METRICS_PORT", "9100")]
    public async Task ErrorLines_WithListenerSetting_AreNone(string variable, string value)
    {
        var lines = await UnstartedApp.ErrorLinesAsync(With((variable, value)));

        Assert.That(lines, Is.Empty);
    }

    [TestCase("Acme Corp")]
    [TestCase("Ünïcødé ✓")]
    [TestCase("Acme Corporation, issuer of the one-time codes of its users, 64!")] // 64 characters, the most
    public async Task ErrorLines_WithMfaIssuer_AreNone(string issuer)
    {
        var lines = await UnstartedApp.ErrorLinesAsync(With(("MFA_ISSUER", issuer)));

        Assert.That(lines, Is.Empty);
    }

    [TestCase("https://api.pwnedpasswords.com")]
    [TestCase("http://127.0.0.1:8081/pwned/")]
    public async Task ErrorLines_WithBreachCheckUrl_AreNone(string url)
    {
        var lines = await UnstartedApp.ErrorLinesAsync(With(("PASSWORD_BREACH_CHECK_URL", url)));

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public async Task ErrorLines_WithEmptyBucketSettings_AreNone()
    {
        var environment = new Dictionary<string, string>(ValidEnvironment.Variables)
        {
            ["LOGIN_RATE_LIMIT_PER_MINUTE"] = "", // as env.example lists them: AUTH_RATE_LIMIT_PER_MINUTE's value
            ["REGISTER_RATE_LIMIT_PER_MINUTE"] = "",
            ["MAIL_RATE_LIMIT_PER_MINUTE"] = " ",
            ["REFRESH_RATE_LIMIT_PER_MINUTE"] = "0",
        };

        var lines = await UnstartedApp.ErrorLinesAsync(environment);

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public async Task ErrorLines_WithEs256AndKeyFiles_AreNone()
    {
        var lines = await UnstartedApp.ErrorLinesAsync(Es256(SigningKey,
            ("JWT_VERIFICATION_KEY_FILES", $"{Keys.PublicKeyOf(Keys.PrivateKey())}, {Keys.Sec1PrivateKey()}")));

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public async Task ErrorLines_WithEs256AndSec1SigningKey_AreNone()
    {
        var lines = await UnstartedApp.ErrorLinesAsync(Es256(Keys.Sec1PrivateKey()));

        Assert.That(lines, Is.Empty);
    }

    [Test]
    public async Task ErrorLines_WithEs256AndPreviousSecret_AreNone()
    {
        // It verifies no ES256 token, but still decrypts the TOTP secrets and matches the recovery codes a rotation of
        // JWT_SECRET has not moved yet.
        var lines = await UnstartedApp.ErrorLinesAsync(Es256(SigningKey,
            ("JWT_SECRET_PREVIOUS", "a-former-secret-of-at-least-32-bytes!")));

        Assert.That(lines, Is.Empty);
    }

    /// <summary>Every way a key setting can be wrong: each stops the start with one line naming its variable.</summary>
    public static IEnumerable<TestCaseData> BadKeySettings()
    {
        TestCaseData Case(string variable, string name, IReadOnlyDictionary<string, string> environment) =>
            new TestCaseData(variable, environment).SetArgDisplayNames(variable, name);

        yield return Case("JWT_SIGNING_KEY_FILE", "unset with ES256", Es256(null));
        yield return Case("JWT_SIGNING_KEY_FILE", "missing", Es256(Keys.MissingPath));
        yield return Case("JWT_SIGNING_KEY_FILE", "unreadable", Es256(Keys.UnreadablePath));
        yield return Case("JWT_SIGNING_KEY_FILE", "P-384", Es256(Keys.PrivateKey(ECCurve.NamedCurves.nistP384)));
        yield return Case("JWT_SIGNING_KEY_FILE", "not PEM", Es256(Keys.Write("not a key")));
        yield return Case("JWT_SIGNING_KEY_FILE", "RSA", Es256(Keys.Write(RSA.Create(2048).ExportPkcs8PrivateKeyPem())));
        yield return Case("JWT_SIGNING_KEY_FILE", "public key", Es256(Keys.PublicKeyOf(SigningKey)));
        yield return Case("JWT_SIGNING_KEY_FILE", "with HS256", With(("JWT_SIGNING_KEY_FILE", SigningKey)));
        yield return Case("JWT_VERIFICATION_KEY_FILES", "missing", Es256(SigningKey, ("JWT_VERIFICATION_KEY_FILES", Keys.MissingPath)));
        yield return Case("JWT_VERIFICATION_KEY_FILES", "P-384 beside a good one", Es256(SigningKey,
            ("JWT_VERIFICATION_KEY_FILES", $"{Keys.PrivateKey()},{Keys.PrivateKey(ECCurve.NamedCurves.nistP384)}")));
        yield return Case("JWT_VERIFICATION_KEY_FILES", "not PEM", Es256(SigningKey, ("JWT_VERIFICATION_KEY_FILES", Keys.Write("x"))));
        yield return Case("JWT_VERIFICATION_KEY_FILES", "with HS256", With(("JWT_VERIFICATION_KEY_FILES", SigningKey)));
        yield return Case("JWT_SECRET_PREVIOUS", "too short with ES256", Es256(SigningKey,
            ("JWT_SECRET_PREVIOUS", "thirty-one-bytes-long-secret-xy")));
    }

    [TestCaseSource(nameof(BadKeySettings))]
    public async Task ErrorLines_WithBadKeySetting_AreOneLineNamingIt(string variable, IReadOnlyDictionary<string, string> environment)
    {
        var lines = await UnstartedApp.ErrorLinesAsync(environment);

        Assert.That(lines, Has.Count.EqualTo(1), string.Join('\n', lines));
        Assert.That(lines[0], Does.Contain(variable));
    }

    [Test]
    public async Task ErrorLines_WithBadKeyFile_NeverContainTheKey()
    {
        using var rsa = RSA.Create(2048);
        var rsaPem = rsa.ExportPkcs8PrivateKeyPem();
        var p384Pem = File.ReadAllText(Keys.PrivateKey(ECCurve.NamedCurves.nistP384));

        var lines = await UnstartedApp.ErrorLinesAsync(Es256(Keys.Write(rsaPem),
            ("JWT_VERIFICATION_KEY_FILES", Keys.Write(p384Pem))));

        Assert.That(lines, Has.Count.EqualTo(2), string.Join('\n', lines));
        foreach (var secretLine in rsaPem.Split('\n').Concat(p384Pem.Split('\n')).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.That(string.Join('\n', lines), Does.Not.Contain(secretLine.Trim()));
        }
    }

    [Test]
    public async Task ErrorLines_WithSeveralBadVariables_NameEveryOneAtOnce()
    {
        var lines = await UnstartedApp.ErrorLinesAsync(SeveralBadVariables.Environment);

        Assert.That(lines, Has.Count.EqualTo(SeveralBadVariables.Bad.Count), string.Join('\n', lines));
        Assert.That(lines, Is.All.StartsWith("Configuration error: "), "the form docs/configuration.md shows");
        foreach (var variable in SeveralBadVariables.Bad.Keys)
        {
            Assert.That(lines, Has.One.Contains(variable), string.Join('\n', lines));
        }
    }

    [Test]
    public async Task ErrorLines_InProductionWithoutMail_SayMailIsRequired()
    {
        var withoutMail = new Dictionary<string, string>(ValidEnvironment.Variables);
        withoutMail.Remove("SMTP_URL");

        var lines = await UnstartedApp.ErrorLinesAsync(withoutMail);

        Assert.That(lines, Has.Count.EqualTo(1), string.Join('\n', lines));
        Assert.That(lines[0], Does.Contain("SMTP_URL").And.Contain("MAIL_PICKUP_DIR").And.Contain("Production"));
    }

    [Test]
    public async Task ErrorLines_WithBadSmtpUrl_NeverContainItsPassword()
    {
        const string password = "smtp-pw-that-must-not-leak";

        var lines = await UnstartedApp.ErrorLinesAsync(new Dictionary<string, string>(ValidEnvironment.Variables)
        {
            ["SMTP_URL"] = $"smtp://mailer:{password}@mail.example.com/?starttls=maybe",
        });

        Assert.That(lines, Is.Not.Empty);
        Assert.That(string.Join('\n', lines), Does.Not.Contain(password));
    }

    private static Dictionary<string, string> Es256(string? signingKeyFile, params (string Name, string Value)[] more)
    {
        var environment = With(more);
        environment["JWT_ALGORITHM"] = "ES256";
        if (signingKeyFile is not null)
        {
            environment["JWT_SIGNING_KEY_FILE"] = signingKeyFile;
        }

        return environment;
    }

    private static Dictionary<string, string> With(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string>(ValidEnvironment.Variables);
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }
}
