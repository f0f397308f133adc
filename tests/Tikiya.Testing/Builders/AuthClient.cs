using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tikiya.Testing.Builders;

/// <summary>The calls a client app makes, so tests read as the flow they check.</summary>
public static class AuthClient
{
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    public static async Task<Tokens> RegisterAndLoginAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword)
    {
        var registered = await new UserBuilder().WithEmail(email).WithPassword(password).RegisterAsync(client);
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        return await client.LoginOkAsync(email, password);
    }

    /// <summary>
    /// An account saved straight into the database (<see cref="UserBuilder.SaveAsync"/>, for a test whose subject is not
    /// register), then logged in through the API.
    /// </summary>
    public static async Task<Tokens> SaveUserAndLoginAsync(this HttpClient client, IServiceProvider services,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword)
    {
        await new UserBuilder().WithEmail(email).WithPassword(password).SaveAsync(services);
        return await client.LoginOkAsync(email, password);
    }

    public static async Task<Tokens> LoginOkAsync(this HttpClient client, string email = UserBuilder.DefaultEmail,
        string password = UserBuilder.DefaultPassword) =>
        await OkTokensAsync(await client.LoginAsync(email, password));

    public static Task<HttpResponseMessage> RefreshAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary>A refresh that must succeed, and the new tokens.</summary>
    public static async Task<Tokens> RefreshOkAsync(this HttpClient client, string refreshToken) =>
        await OkTokensAsync(await client.RefreshAsync(refreshToken));

    public static Task<HttpResponseMessage> LogoutAsync(this HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken });

    public static Task<HttpResponseMessage> LogoutAllAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-all"), accessToken));

    public static Task<HttpResponseMessage> LogoutOthersAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/logout-others"), accessToken));

    /// <summary>A login that names its device (API.md v1.1: <c>deviceName</c>).</summary>
    public static Task<HttpResponseMessage> LoginFromDeviceAsync(this HttpClient client, string deviceName,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, deviceName });

    public static async Task<Tokens> LoginOkFromDeviceAsync(this HttpClient client, string deviceName,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword) =>
        await OkTokensAsync(await client.LoginFromDeviceAsync(deviceName, email, password));

    /// <summary>A login that presents the device token an earlier login answered (API.md v1.1: <c>deviceToken</c>).</summary>
    public static Task<HttpResponseMessage> LoginFromKnownDeviceAsync(this HttpClient client, string deviceToken,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password, deviceToken });

    public static async Task<Tokens> LoginOkFromKnownDeviceAsync(this HttpClient client, string deviceToken,
        string email = UserBuilder.DefaultEmail, string password = UserBuilder.DefaultPassword) =>
        await OkTokensAsync(await client.LoginFromKnownDeviceAsync(deviceToken, email, password));

    public static Task<HttpResponseMessage> SessionsAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/sessions"), accessToken));

    /// <summary>The session list, which must be answered, as a client reads it.</summary>
    public static async Task<IReadOnlyList<ListedSession>> SessionsOkAsync(this HttpClient client, string accessToken) =>
        await OkJsonAsync<List<ListedSession>>(await client.SessionsAsync(accessToken));

    public static Task<HttpResponseMessage> EndSessionAsync(this HttpClient client, string? accessToken, Guid sessionId) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/me/sessions/{sessionId}"),
            accessToken));

    public static Task<HttpResponseMessage> SecurityEventsAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me/security-events"), accessToken));

    /// <summary>The security events, which must be answered, as a client reads them.</summary>
    public static async Task<IReadOnlyList<ListedSecurityEvent>> SecurityEventsOkAsync(this HttpClient client,
        string accessToken) =>
        await OkJsonAsync<List<ListedSecurityEvent>>(await client.SecurityEventsAsync(accessToken));

    public static Task<HttpResponseMessage> MeAsync(this HttpClient client, string? accessToken) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Get, "/api/v1/users/me"), accessToken));

    /// <summary>Whether the access token's account reads its email as verified (users/me).</summary>
    public static async Task<bool> EmailVerifiedAsync(this HttpClient client, string accessToken)
    {
        var response = await client.MeAsync(accessToken);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var user = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return user.GetProperty("emailVerified").GetBoolean();
    }

    public static Task<HttpResponseMessage> VerifyEmailWithTokenAsync(this HttpClient client, string token) =>
        client.PostAsJsonAsync("/api/v1/auth/verify-email", new { token });

    public static Task<HttpResponseMessage> VerifyEmailWithCodeAsync(this HttpClient client, string code,
        string email = UserBuilder.DefaultEmail) =>
        client.PostAsJsonAsync("/api/v1/auth/verify-email", new { email, code });

    public static Task<HttpResponseMessage> ResendVerificationAsync(this HttpClient client, string email = UserBuilder.DefaultEmail) =>
        client.PostAsJsonAsync("/api/v1/auth/resend-verification", new { email });

    public static Task<HttpResponseMessage> ForgotPasswordAsync(this HttpClient client, string email = UserBuilder.DefaultEmail) =>
        client.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });

    public static Task<HttpResponseMessage> ResetPasswordWithTokenAsync(this HttpClient client, string token, string newPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/reset-password", new { token, newPassword });

    public static Task<HttpResponseMessage> ResetPasswordWithCodeAsync(this HttpClient client, string code, string newPassword,
        string email = UserBuilder.DefaultEmail) =>
        client.PostAsJsonAsync("/api/v1/auth/reset-password", new { email, code, newPassword });

    public static Task<HttpResponseMessage> ChangePasswordAsync(this HttpClient client, string? accessToken,
        string currentPassword, string newPassword) =>
        client.PostWithBearerAsync("/api/v1/users/me/password", accessToken, new { currentPassword, newPassword });

    public static Task<HttpResponseMessage> ChangeEmailAsync(this HttpClient client, string? accessToken, string newEmail,
        string password = UserBuilder.DefaultPassword) =>
        client.PostWithBearerAsync("/api/v1/users/me/email", accessToken, new { newEmail, password });

    public static Task<HttpResponseMessage> ConfirmEmailChangeAsync(this HttpClient client, string? accessToken, string code) =>
        client.PostWithBearerAsync("/api/v1/users/me/email/confirm", accessToken, new { code });

    public static Task<HttpResponseMessage> DeleteAccountAsync(this HttpClient client, string? accessToken,
        string password = UserBuilder.DefaultPassword) =>
        client.PostWithBearerAsync("/api/v1/users/me/delete", accessToken, new { password });

    /// <summary>A JSON body, as a client serializes it, to <paramref name="path"/>, with the access token when there is one.</summary>
    public static Task<HttpResponseMessage> PostWithBearerAsync(this HttpClient client, string path, string? accessToken,
        object body) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) },
            accessToken));

    /// <summary>A body exactly as written (malformed or of the wrong shape), with the access token when there is one.</summary>
    public static Task<HttpResponseMessage> PostRawJsonAsync(this HttpClient client, string path, string? accessToken,
        string json) =>
        client.SendAsync(WithBearer(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        }, accessToken));

    private static Task<Tokens> OkTokensAsync(HttpResponseMessage response) => OkJsonAsync<Tokens>(response);

    /// <summary>The body of an answer that must be 200.</summary>
    public static async Task<T> OkJsonAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    public static HttpRequestMessage WithBearer(HttpRequestMessage request, string? accessToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return request;
    }
}
