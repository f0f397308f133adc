using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tikiya.Testing.Builders;

/// <summary>The second-factor calls a client app makes (API.md v1.1, "Second factor").</summary>
public static class MfaClient
{
    public static Task<HttpResponseMessage> EnrolTotpAsync(this HttpClient client, string? accessToken,
        string password = UserBuilder.DefaultPassword) =>
        client.PostWithBearerAsync("/api/v1/users/me/mfa/totp", accessToken, new { password });

    /// <summary>An enrolment that must be answered: the secret (base32) and the otpauth URI.</summary>
    public static async Task<TotpEnrolment> EnrolTotpOkAsync(this HttpClient client, string accessToken)
    {
        var response = await client.EnrolTotpAsync(accessToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TotpEnrolment>())!;
    }

    public static Task<HttpResponseMessage> ConfirmTotpAsync(this HttpClient client, string? accessToken, string code) =>
        client.PostWithBearerAsync("/api/v1/users/me/mfa/totp/confirm", accessToken, new { code });

    public static Task<HttpResponseMessage> DisableTotpAsync(this HttpClient client, string? accessToken, string code) =>
        client.PostWithBearerAsync("/api/v1/users/me/mfa/totp/disable", accessToken, new { code });

    public static Task<HttpResponseMessage> ReplaceRecoveryCodesAsync(this HttpClient client, string? accessToken, string code) =>
        client.PostWithBearerAsync("/api/v1/users/me/mfa/recovery-codes", accessToken, new { code });

    public static Task<HttpResponseMessage> MfaStatusAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(AuthClient.WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/mfa"), accessToken));

    public static Task<HttpResponseMessage> LoginMfaAsync(this HttpClient client, string mfaToken, string code) =>
        client.PostAsJsonAsync("/api/v1/auth/login/mfa", new { mfaToken, code });

    /// <summary>A second step that must succeed, and its tokens.</summary>
    public static async Task<Tokens> LoginMfaOkAsync(this HttpClient client, string mfaToken, string code) =>
        await AuthClient.OkJsonAsync<Tokens>(await client.LoginMfaAsync(mfaToken, code));

    /// <summary>The second factor's status, which must be answered.</summary>
    public static async Task<MfaStatus> MfaStatusOkAsync(this HttpClient client, string accessToken) =>
        await AuthClient.OkJsonAsync<MfaStatus>(await client.MfaStatusAsync(accessToken));

    /// <summary>The recovery codes of an answer that must be 200.</summary>
    public static async Task<IReadOnlyList<string>> RecoveryCodesOkAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("recoveryCodes").EnumerateArray().Select(code => code.GetString()!)];
    }

    /// <summary>The <c>mfaToken</c> of a login that must answer 401 <c>mfa_required</c>.</summary>
    public static async Task<string> MfaTokenOfAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), body);
        using var problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("code").GetString(), Is.EqualTo("mfa_required"), body);
        return problem.RootElement.GetProperty("mfaToken").GetString()!;
    }

    /// <summary>A login whose password is right on an account with MFA on: its <c>mfaToken</c>.</summary>
    public static async Task<string> LoginForMfaTokenAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword) =>
        await MfaTokenOfAsync(await client.LoginAsync(email, password));
}
