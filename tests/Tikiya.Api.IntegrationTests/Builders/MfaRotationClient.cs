namespace Tikiya.Api.IntegrationTests.Builders;

/// <summary>
/// The second-factor flows a key rotation's tests walk on apps restarted on one database (an <see cref="Infrastructure.IsolatedApp"/>
/// or a <see cref="TikiyaApiFactory"/> of its own), each with its own clock: <see cref="MfaClient"/>'s calls and
/// <see cref="Rfc6238"/> codes at the time of the app called.
/// </summary>
public static class MfaRotationClient
{
    /// <summary>An account saved in <paramref name="services"/>' database, its TOTP enrolled and confirmed at <paramref name="clock"/>'s time.</summary>
    public static async Task<MfaAccount> SaveUserWithMfaAsync(HttpClient client, IServiceProvider services, TimeProvider clock,
        string email = UserBuilder.DefaultEmail)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var session = await client.SaveUserAndLoginAsync(services, email);
        var enrolment = await client.EnrolTotpOkAsync(session.AccessToken);
        var codes = await MfaClient.RecoveryCodesOkAsync(
            await client.ConfirmTotpAsync(session.AccessToken, Rfc6238.CodeAt(enrolment.Secret, clock.GetUtcNow())));
        return new MfaAccount(enrolment.Secret, codes, session);
    }

    /// <summary>Both steps of a login: the password (401 <c>mfa_required</c>), then the code of <paramref name="clock"/>'s time.</summary>
    public static async Task<HttpResponseMessage> LoginWithTotpAsync(HttpClient client, MfaAccount account, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(clock);
        var mfaToken = await client.LoginForMfaTokenAsync();
        return await client.LoginMfaAsync(mfaToken, account.CodeAt(clock.GetUtcNow()));
    }
}
