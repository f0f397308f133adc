using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tikiya.Api.IntegrationTests.Keys;

/// <summary>
/// Access tokens with the claims of a real one (its user, its live session) and another signature: what an attacker,
/// or a misconfigured service, would present. Only the signing differs, so a 401 is the key's doing.
/// </summary>
internal static class ForgedTokens
{
    public static string Resign(string accessToken, SigningCredentials? signing, DateTimeOffset now)
    {
        var real = new JsonWebToken(accessToken);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = real.Issuer,
            Audience = real.Audiences.Single(),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.UtcDateTime.AddMinutes(15),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = real.Subject,
                ["sid"] = real.GetClaim("sid").Value,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = signing,
        });
    }

    public static SigningCredentials Hs256(string secret, string? keyId = null) =>
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)) { KeyId = keyId }, SecurityAlgorithms.HmacSha256);

    /// <summary>ES256 with the key of <paramref name="pemPath"/>, named <paramref name="keyId"/> (none: no kid).</summary>
    public static SigningCredentials Es256(string pemPath, string? keyId) =>
        new(new ECDsaSecurityKey(TestKeyFiles.Read(pemPath)) { KeyId = keyId }, SecurityAlgorithms.EcdsaSha256);

    /// <summary>The RFC 7638 thumbprint of the key of <paramref name="pemPath"/>, as Tikiya names it.</summary>
    public static string Thumbprint(string pemPath) =>
        Base64UrlEncoder.Encode(new ECDsaSecurityKey(TestKeyFiles.Read(pemPath)).ComputeJwkThumbprint());

    public static async Task AssertRejectedAsync(HttpResponseMessage response)
    {
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "not_authenticated");
        Assert.That(response.Headers.WwwAuthenticate.Select(h => h.Scheme), Does.Contain("Bearer"));
    }
}
