using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Auth;

public sealed class RegisterTests : ApiTest
{
    [Test]
    public async Task Register_WithValidCredentials_AnswersNoStore()
    {
        var response = await new UserBuilder().RegisterAsync(Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "account data is never cached (API.md v1.1)");
    }

    [Test]
    public async Task Register_WithValidCredentials_Returns201User()
    {
        var response = await new UserBuilder().RegisterAsync(Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(user.GetProperty("id").GetGuid(), Is.Not.EqualTo(Guid.Empty));
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo(UserBuilder.DefaultEmail));
            Assert.That(user.GetProperty("createdAt").GetDateTimeOffset(), Is.EqualTo(Factory.Clock.GetUtcNow()).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(user.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "id", "email", "emailVerified", "createdAt", "mfaEnabled" }));
        }
    }

    [Test]
    public async Task Register_WithValidCredentials_StoresAnArgon2idHashNotThePassword()
    {
        await new UserBuilder().RegisterAsync(Client);

        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.PasswordHash, Does.StartWith("$argon2id$v=19$m=19456,t=2,p=1$"));
            Assert.That(stored.PasswordHash, Does.Not.Contain(UserBuilder.DefaultPassword));
            Assert.That(stored.NormalizedEmail, Is.EqualTo(UserBuilder.DefaultEmail));
        }
    }

    [Test]
    public async Task Register_WithSpacesAroundEmail_StoresItTrimmed()
    {
        var response = await new UserBuilder().WithEmail("  Ann.Lee@Example.com \t").RegisterAsync(Client);

        var user = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("Ann.Lee@Example.com"));
        var stored = await QueryAsync(db => db.Users.AsNoTracking().SingleAsync());
        Assert.That(stored.NormalizedEmail, Is.EqualTo("ann.lee@example.com"));
    }

    [TestCase("a@b.co", 8)]
    [TestCase("longest", 128)]
    public async Task Register_AtTheLengthLimits_Returns201(string emailKind, int passwordLength)
    {
        var email = emailKind == "longest" ? new string('a', 254 - "@example.com".Length) + "@example.com" : emailKind;

        var response = await new UserBuilder().WithEmail(email).WithPassword(new string('p', passwordLength)).RegisterAsync(Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [TestCase("ANN@EXAMPLE.COM")]
    [TestCase("Ann@Example.com")]
    [TestCase("  ann@example.com  ")]
    public async Task Register_WithTakenEmailInAnyCase_Returns409(string sameEmail)
    {
        await new UserBuilder().RegisterAsync(Client);

        var response = await new UserBuilder().WithEmail(sameEmail).RegisterAsync(Client);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "email_taken");
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    [Test]
    public async Task Register_ConcurrentlyWithOneEmail_CreatesExactlyOneUser()
    {
        var emails = new[] { "race@example.com", "RACE@example.com", "Race@Example.com", "race@EXAMPLE.com" };

        var responses = await Task.WhenAll(emails.Select(e => new UserBuilder().WithEmail(e).RegisterAsync(Client)));

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(emails.Length - 1), string.Join(", ", statuses));
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.EqualTo(1));
    }

    private static IEnumerable<TestCaseData> InvalidBodies()
    {
        const string password = UserBuilder.DefaultPassword;
        const string email = UserBuilder.DefaultEmail;
        yield return new TestCaseData(new { password }, "email").SetName("Register_WithoutEmail_Returns400");
        yield return new TestCaseData(new { email = (string?)null, password }, "email").SetName("Register_WithNullEmail_Returns400");
        yield return new TestCaseData(new { email = "", password }, "email").SetName("Register_WithEmptyEmail_Returns400");
        yield return new TestCaseData(new { email = "   ", password }, "email").SetName("Register_WithBlankEmail_Returns400");
        yield return new TestCaseData(new { email = "ann", password }, "email").SetName("Register_WithEmailWithoutAt_Returns400");
        yield return new TestCaseData(new { email = "ann@", password }, "email").SetName("Register_WithEmailWithoutDomain_Returns400");
        yield return new TestCaseData(new { email = "@example.com", password }, "email").SetName("Register_WithEmailWithoutLocalPart_Returns400");
        yield return new TestCaseData(new { email = "ann@example", password }, "email").SetName("Register_WithEmailWithoutDot_Returns400");
        yield return new TestCaseData(new { email = "ann lee@example.com", password }, "email").SetName("Register_WithSpaceInEmail_Returns400");
        yield return new TestCaseData(new { email = "ann@@example.com", password }, "email").SetName("Register_WithTwoAts_Returns400");
        yield return new TestCaseData(new { email = new string('a', 243) + "@example.com", password }, "email")
            .SetName("Register_WithEmailOf255Characters_Returns400");
        yield return new TestCaseData(new { email }, "password").SetName("Register_WithoutPassword_Returns400");
        yield return new TestCaseData(new { email, password = "" }, "password").SetName("Register_WithEmptyPassword_Returns400");
        yield return new TestCaseData(new { email, password = "1234567" }, "password").SetName("Register_WithPasswordOf7Characters_Returns400");
        yield return new TestCaseData(new { email, password = new string('p', 129) }, "password")
            .SetName("Register_WithPasswordOf129Characters_Returns400");
    }

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Register_WithInvalidField_Returns400NamingTheFieldAndStoresNothing(object body, string field)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(ProblemAssert.Errors(problem, field), Is.Not.Empty);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { field }));
        Assert.That(await QueryAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task Register_WithBothFieldsInvalid_Returns400WithAnErrorPerField()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = "nope", password = "short" });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation_failed");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "email", "password" }));
    }

    [Test]
    public async Task Register_WithInvalidPassword_NeverEchoesIt()
    {
        const string password = "secret7";

        var response = await Client.PostAsJsonAsync("/api/v1/auth/register", new { email = UserBuilder.DefaultEmail, password });

        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain(password));
    }
}
