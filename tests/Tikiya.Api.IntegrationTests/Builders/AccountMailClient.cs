using System.Net;
using MimeKit;
using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>
/// The client calls of <see cref="AuthClient"/> that return the mail they cause, as the shared app sends it to
/// <see cref="TestSetup.Smtp"/> (<see cref="AccountMailbox"/>): in-process only.
/// </summary>
public static class AccountMailClient
{
    /// <summary>Registers and returns the verification mail that register sends.</summary>
    public static async Task<MimeMessage> RegisterForVerificationMailAsync(this HttpClient client,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword)
    {
        var registered = await new UserBuilder().WithEmail(email).WithPassword(password).RegisterAsync(client);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        return await AccountMailbox.WaitForAsync(email, AccountMailbox.Verification);
    }

    /// <summary>Asks for a password reset of an existing account and returns the mail it sends.</summary>
    public static async Task<MimeMessage> ForgotPasswordForMailAsync(this HttpClient client, string email = UserBuilder.DefaultEmail)
    {
        var response = await client.ForgotPasswordAsync(email);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return await AccountMailbox.WaitForAsync(email, AccountMailbox.Reset);
    }
}
