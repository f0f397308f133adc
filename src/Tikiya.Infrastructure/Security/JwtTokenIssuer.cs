using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Application.Auth;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// Access tokens: JWT, HS256 with the UTF-8 bytes of JWT_SECRET, carrying iss, aud, sub, sid, jti, iat, exp (API.md).
/// Refresh tokens are <see cref="RefreshTokenCodec"/>'s.
/// </summary>
internal sealed class JwtTokenIssuer : ITokenIssuer
{
    private readonly JwtOptions _options;
    private readonly SigningCredentials _signingCredentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public JwtTokenIssuer(IOptions<JwtOptions> options)
    {
        _options = options.Value;
        _signingCredentials = new SigningCredentials(_options.CreateSigningKey(), SecurityAlgorithms.HmacSha256);
        RefreshTokenLifetime = TimeSpan.FromSeconds(_options.RefreshTokenTtlSecs);
    }

    public TimeSpan RefreshTokenLifetime { get; }

    public TokensResponse Issue(Guid userId, Guid sessionId, string refreshToken, DateTimeOffset now)
    {
        var lifetime = TimeSpan.FromSeconds(_options.AccessTokenTtlSecs);
        var accessToken = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = userId.ToString(),
                [JwtRegisteredClaimNames.Sid] = sessionId.ToString(),
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = _signingCredentials,
        });
        return new TokensResponse(TokensResponse.BearerTokenType, accessToken, _options.AccessTokenTtlSecs, refreshToken);
    }
}
