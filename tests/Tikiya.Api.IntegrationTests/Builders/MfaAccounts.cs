using Tikiya.Api.IntegrationTests.Infrastructure;

namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>Accounts with their second factor on, switched on through the API as a client would.</summary>
public static class MfaAccounts
{
    /// <summary>
    /// An account saved (<see cref="UserBuilder.SaveAsync"/>), logged in, enrolled and confirmed with the code of the
    /// app's time. The clock then moves to the next step: the confirmation's code is spent, so a test's first code is
    /// a new one.
    /// </summary>
    public static async Task<MfaAccount> SaveUserWithMfaAsync(this HttpClient client, TikiyaApiFactory factory,
        string email = UserBuilder.DefaultEmail)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var session = await client.SaveUserAndLoginAsync(factory.Services, email);
        var enrolment = await client.EnrolTotpOkAsync(session.AccessToken);
        var codes = await MfaClient.RecoveryCodesOkAsync(
            await client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(enrolment.Secret, factory.Clock.GetUtcNow())));
        factory.Clock.Advance(TimeSpan.FromSeconds(30));
        return new MfaAccount(enrolment.Secret, codes, session);
    }
}
