using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tikiya.Api.IntegrationTests.Infrastructure;
using Tikiya.Infrastructure.Persistence;
using Tikiya.Testing.Passwords;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// With <c>PASSWORD_BREACH_CHECK_URL</c>, a new password is also looked up in a Pwned Passwords range API (here a stub
/// on loopback): one it lists is refused like a common one; one it does not list, or any failure of the service
/// (500, no answer within <c>PASSWORD_BREACH_CHECK_TIMEOUT_MS</c>), lets the password through.
/// </summary>
[NonParallelizable]
public sealed class BreachedPasswordTests
{
    private const string BreachedPassword = "purple monkey dishwasher 42";
    private const string CleanPassword = "a clean horse battery";

    private PwnedPasswordsStub _stub = null!;
    private CapturingLoggerProvider _logs = null!;
    private IsolatedApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _stub = await PwnedPasswordsStub.StartAsync();
        _logs = new CapturingLoggerProvider();
        _app = await IsolatedApp.StartAsync(new Dictionary<string, string>
        {
            ["PASSWORD_BREACH_CHECK_URL"] = _stub.Url,
            ["PASSWORD_BREACH_CHECK_TIMEOUT_MS"] = "300",
        }, b => b.ConfigureLogging(logging => logging.AddProvider(_logs)));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _app.DisposeAsync();
        await _stub.DisposeAsync();
        _logs.Dispose();
    }

    [SetUp]
    public void ResetStub()
    {
        _stub.Reset();
        _stub.Breach(BreachedPassword);
    }

    [Test]
    public async Task Register_WithBreachedPassword_Returns400PasswordTooCommonAndCreatesNoAccount()
    {
        var email = "breached@example.com";

        var response = await new UserBuilder().WithEmail(email).WithPassword(BreachedPassword).RegisterAsync(_app.Client);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(ProblemAssert.Errors(problem, "password"), Is.Not.Empty);
        Assert.That(await CountUsersAsync(email), Is.Zero);
    }

    [Test]
    public async Task Register_WithCleanPassword_Returns201AfterAskingForItsPaddedRange()
    {
        var response = await new UserBuilder().WithEmail("clean@example.com").WithPassword(CleanPassword).RegisterAsync(_app.Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_stub.Requests, Is.EqualTo(new[] { new StubRequest(PwnedPasswordsStub.Sha1Hex(CleanPassword)[..5], "true") }));
    }

    [Test]
    public async Task Register_WithListedCommonPassword_IsRefusedWithoutAskingTheService()
    {
        var response = await new UserBuilder().WithEmail("common@example.com").WithPassword("password123").RegisterAsync(_app.Client);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(_stub.Requests, Is.Empty);
    }

    [TestCase(StubBehaviour.Fail, "HTTP 500")]
    [TestCase(StubBehaviour.Hang, "timeout")] // the stub never answers: only the timeout lets the request through
    public async Task Register_WhenTheServiceFails_Returns201AndLogsAWarningWithNothingOfThePassword(StubBehaviour behaviour,
        string reason)
    {
        _stub.Behave(behaviour);
        var email = $"{behaviour.ToString().ToLowerInvariant()}@example.com";

        var response = await new UserBuilder().WithEmail(email).WithPassword(BreachedPassword).RegisterAsync(_app.Client);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        Assert.That(_stub.Requests, Has.Count.EqualTo(1), "the service was asked");
        Assert.That(_logs.Lines, Has.Some.Contains("Warning").And.Contains($"did not answer ({reason})"));
        var hash = PwnedPasswordsStub.Sha1Hex(BreachedPassword);
        Assert.That(_logs.Lines.Where(line => line.Contains(BreachedPassword, StringComparison.Ordinal)
            || line.Contains(hash[..5], StringComparison.OrdinalIgnoreCase)), Is.Empty, "nothing derived from the password");
    }

    [Test]
    public async Task ChangePassword_ToBreachedPassword_Returns400PasswordTooCommonAndKeepsThePassword()
    {
        var email = "changer@example.com";
        var caller = await _app.Client.SaveUserAndLoginAsync(_app.Services, email);

        var response = await _app.Client.ChangePasswordAsync(caller.AccessToken, UserBuilder.DefaultPassword, BreachedPassword);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "password_too_common");
        Assert.That(ProblemAssert.Errors(problem, "newPassword"), Is.Not.Empty);
        Assert.That((await _app.Client.LoginAsync(email)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the password is unchanged");
    }

    private async Task<int> CountUsersAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TikiyaDbContext>().Users.CountAsync(u => u.NormalizedEmail == email);
    }
}
