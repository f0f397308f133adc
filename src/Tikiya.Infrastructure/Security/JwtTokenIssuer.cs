using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Application.Auth;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Access tokens: JWT, signed as <see cref="JwtContract"/> states, carrying iss, aud, sub, sid, jti, iat, exp (API.md)
/// and amr (RFC 8176 values, API.md v1.1). Refresh tokens are <see cref="RefreshTokenCodec"/>'s.
/// </summary>
internal sealed class JwtTokenIssuer : ITokenIssuer
{
    /// <summary>RFC 8176's <c>amr</c> claim: the methods the session's login used.</summary>
    public const string AmrClaim = "amr";

    private static readonly string[] PasswordOnly = ["pwd"];
    private static readonly string[] PasswordAndOtp = ["pwd", "otp"];

    private readonly JwtOptions _options;
    private readonly JwtContract _contract;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenIssuer(IOptions<JwtOptions> options, JwtContract contract)
    {
        _options = options.Value;
        _contract = contract;
        RefreshTokenLifetime = TimeSpan.FromSeconds(_options.RefreshTokenTtlSecs);
    }

    public TimeSpan RefreshTokenLifetime { get; }

    public TokensResponse Issue(Guid userId, Guid sessionId, bool secondFactor, string refreshToken, DateTimeOffset now)
    {
        var lifetime = TimeSpan.FromSeconds(_options.AccessTokenTtlSecs);
        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _contract.Issuer,
            Audience = _contract.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [JwtRegisteredClaimNames.Sid] = sessionId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
                [AmrClaim] = secondFactor ? PasswordAndOtp : PasswordOnly,
            },
            SigningCredentials = _contract.SigningCredentials,
        });
        return new TokensResponse(TokensResponse.BearerTokenType, accessToken, _options.AccessTokenTtlSecs, refreshToken);
    }
}
