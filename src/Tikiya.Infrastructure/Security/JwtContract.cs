using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The access token's contract (API.md), stated once: who issues it, for whom, signed with which key and algorithm, and
/// what a presented token must satisfy. <see cref="JwtTokenIssuer"/> signs with <see cref="SigningCredentials"/> and the
/// bearer setup validates with <see cref="CreateValidationParameters"/>, so every token the issuer makes is accepted, and
/// one with another algorithm (<c>none</c> included), issuer, audience or key, or expired, is not. The keys are
/// <see cref="JwtKeySet"/>'s: a token is checked only against the configured keys of its own algorithm and <c>kid</c>.
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
        var keys = JwtKeySet.Load(settings);
        SigningCredentials = keys.Signing;
        _acceptedKeys = keys.Accepted;
        PublishedKeys = keys.Published;
    }

    public string Issuer { get; }

    public string Audience { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The JWK Set's keys: the public part of every accepted EC key; none with HS256.</summary>
    public IReadOnlyList<JsonWebKey> PublishedKeys { get; }

    /// <summary>A fresh copy for each caller: the parameters are mutable, and the framework may adjust the ones it is given.</summary>
    public TokenValidationParameters CreateValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = [.. _acceptedKeys.Select(k => k.Key)],
        IssuerSigningKeyResolver = ResolveSigningKeys,
        TryAllIssuerSigningKeys = false, // a token the resolver finds no key for is refused, not tried against every key
        // Only the algorithms of the accepted keys: "none" and every other algorithm fail.
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

    // Each key is pinned to its algorithm: an HS256 token is never checked against an EC key nor an ES256 one against a
    // secret. A token with a kid is checked only against the key of that thumbprint; one without, only against the keys
    // that have none (HS256's, whose tokens never carried one).
    private IEnumerable<SecurityKey> ResolveSigningKeys(string token, SecurityToken securityToken, string kid,
        TokenValidationParameters parameters)
    {
        var algorithm = (securityToken as JsonWebToken)?.Alg;
        var keyId = string.IsNullOrEmpty(kid) ? null : kid;
        return [.. _acceptedKeys.Where(k => k.Algorithm == algorithm && k.Key.KeyId == keyId).Select(k => k.Key)];
    }

    // The framework's own check reads the system clock; this one reads TimeProvider, like every other time in the API.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
    }
}
