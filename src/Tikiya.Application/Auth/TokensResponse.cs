using System.Text.Json.Serialization;

namespace Tikiya.Application.Auth;

/// <summary>The <c>Tokens</c> body of API.md.</summary>
/// <param name="TokenType">Always <see cref="BearerTokenType"/>.</param>
/// <param name="AccessToken">The JWT.</param>
/// <param name="ExpiresIn">The access token's lifetime, in seconds.</param>
/// <param name="RefreshToken">The session's current refresh token.</param>
/// <param name="DeviceToken">
/// From login only (API.md v1.1): the device token to keep on this device and present at its next logins, so that
/// failures of others on the email do not lock it out. Absent from refresh.
/// </param>
public sealed record TokensResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DeviceToken = null)
{
    public const string BearerTokenType = "Bearer";

    public override string ToString() => nameof(TokensResponse); // never print the tokens
}
