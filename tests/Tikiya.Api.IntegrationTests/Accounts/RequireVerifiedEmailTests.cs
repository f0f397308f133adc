using System.Net;
using System.Net.Http.Json;
using Tikiya.Api.IntegrationTests.Builders;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Accounts;

/// <summary>
/// API.md v1.1: with AUTH_REQUIRE_VERIFIED_EMAIL=true, the right password on an unverified account answers 403
/// email_not_verified; a wrong one still answers 401, as for any account. An app of its own, on a database and an SMTP
/// sink of its own (IsolatedApp), so the shared app keeps the default; each test uses an address of its own.
/// </summary>
public sealed class RequireVerifiedEmailTests
{
    private SmtpSink _smtp = null!;
    private IsolatedApp _app = null!;

    private HttpClient Client => _app.Client;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _smtp = await SmtpSink.StartAsync();
        _app = await IsolatedApp.StartAsync(
            new Dictionary<string, string>(TestMail.SmtpSettings(_smtp)) { ["AUTH_REQUIRE_VERIFIED_EMAIL"] = "true" });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }

    [Test]
    public async Task Login_WithRightPasswordOnUnverifiedAccount_Returns403EmailNotVerified()
    {
        await new UserBuilder().WithEmail("unverified@example.com").SaveAsync(_app.Services);

        var response = await Client.LoginAsync("unverified@example.com");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "email_not_verified");
    }

    [Test]
    public async Task Login_WithWrongPasswordOnUnverifiedAccount_Returns401InvalidCredentials()
    {
        await new UserBuilder().WithEmail("wrong@example.com").SaveAsync(_app.Services);

        var response = await Client.LoginAsync("wrong@example.com", "wrong horse battery");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task Login_AfterVerifyEmail_Returns200Tokens()
    {
        await RegisterAsync("verified@example.com");
        var mail = await _smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "verified@example.com")
            && m.Subject == AccountMailbox.Verification, AccountMailbox.Timeout);
        var verified = await Client.VerifyEmailWithTokenAsync(SentMail.LinkToken(mail));
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await verified.Content.ReadAsStringAsync());

        var response = await Client.LoginAsync("verified@example.com");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var tokens = await response.Content.ReadFromJsonAsync<Tokens>();
        Assert.That(tokens!.TokenType, Is.EqualTo("Bearer"));
        Assert.That((await Client.MeAsync(tokens.AccessToken)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Login_AfterResetPasswordOnUnverifiedAccount_Returns200()
    {
        // A reset proves the address too (API.md: reset-password marks the email verified).
        await new UserBuilder().WithEmail("reset@example.com").SaveAsync(_app.Services);
        Assert.That((await Client.ForgotPasswordAsync("reset@example.com")).StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var mail = await _smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "reset@example.com")
            && m.Subject == AccountMailbox.Reset, AccountMailbox.Timeout);
        var reset = await Client.ResetPasswordWithCodeAsync(SentMail.Code(mail), "new horse battery staple", "reset@example.com");
        Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await reset.Content.ReadAsStringAsync());

        var response = await Client.LoginAsync("reset@example.com", "new horse battery staple");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task RegisterAsync(string email)
    {
        var registered = await new UserBuilder().WithEmail(email).RegisterAsync(Client);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
    }
}
