using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The access token's contract (API.md), stated once: who issues it, for whom, signed with which key and algorithm, and
/// what a presented token must satisfy. <see cref="JwtTokenIssuer"/> signs with <see cref="SigningCredentials"/> and the
/// bearer setup validates with <see cref="CreateValidationParameters"/>, so every token the issuer makes is accepted, and
/// one with another algorithm (<c>none</c> included), issuer, audience or key, or expired, is not.
/// </summary>
public sealed class JwtContract
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30); // how far nbf and exp may be off our clock

    private readonly TimeProvider _time;
    private readonly IReadOnlyList<SigningCredentials> _acceptedKeys;

    public JwtContract(IOptions<JwtOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _time = time;
        Issuer = settings.Issuer;
        Audience = settings.Audience;
        // HS256 with the UTF-8 bytes of JWT_SECRET (API.md), for signing and for validating alike.
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.Secret)),
            SecurityAlgorithms.HmacSha256);
        // Every key a token may be signed with, each with its algorithm: today the signing key alone.
        _acceptedKeys = [SigningCredentials];
    }

    public string Issuer { get; }

    public string Audience { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>A fresh copy for each caller: the parameters are mutable, and the framework may adjust the ones it is given.</summary>
    public TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = [.. _acceptedKeys.Select(k => k.Key)],
        // Only the algorithms of the accepted keys: "none" and every other algorithm fail, and a key type verifies only
        // its own family, so each key is held to its algorithm.
        ValidAlgorithms = [.. _acceptedKeys.Select(k => k.Algorithm).Distinct()],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateIssuerSigningKey = true,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
        NameClaimType = JwtRegisteredClaimNames.Sub,
    };

    // The framework's own check reads the system clock; this one reads TimeProvider, like every other time in the API.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
    }
}
