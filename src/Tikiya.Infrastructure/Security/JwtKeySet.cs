using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The keys the JWT settings name (API.md v1.1, Keys): the one that signs, and every one a presented token may be
/// signed with, each pinned to its algorithm. With HS256, JWT_SECRET and JWT_SECRET_PREVIOUS; with ES256, the key of
/// JWT_SIGNING_KEY_FILE and those of JWT_VERIFICATION_KEY_FILES, each named by its RFC 7638 thumbprint (the tokens'
/// <c>kid</c>) and published, public part only, in the JWK Set.
/// </summary>
internal sealed class JwtKeySet
{
    private JwtKeySet(SigningCredentials signing, IReadOnlyList<SigningCredentials> accepted, IReadOnlyList<JsonWebKey> published)
    {
        Signing = signing;
        Accepted = accepted;
        Published = published;
    }

    public SigningCredentials Signing { get; }

    /// <summary>The signing key first, then the ones still accepted; no key twice.</summary>
    public IReadOnlyList<SigningCredentials> Accepted { get; }

    /// <summary>The public keys of <see cref="Accepted"/> as JWKs: none with HS256, whose keys are secret.</summary>
    public IReadOnlyList<JsonWebKey> Published { get; }

    /// <summary>What is wrong with the key settings, one line each naming its variable (JwtOptionsValidator's).</summary>
    public static IReadOnlyList<string> Problems(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var key in ReadEcKeys(options, problems))
        {
            key.Dispose();
        }

        return problems;
    }

    /// <summary>The keys of valid settings (the start has checked them with <see cref="Problems"/>).</summary>
    public static JwtKeySet Load(JwtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var ecKeys = ReadEcKeys(options, problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        if (options.Algorithm == JwtOptions.Es256)
        {
            var accepted = ecKeys.Select(ToSecurityKey).DistinctBy(k => k.KeyId)
                .Select(k => new SigningCredentials(k, SecurityAlgorithms.EcdsaSha256)).ToList();
            return new JwtKeySet(accepted[0], accepted, [.. accepted.Select(c => PublicJwk((ECDsaSecurityKey)c.Key))]);
        }

        // HS256 keys carry no kid, as before v1.1: the tokens signed so far have none either.
        var secrets = new[] { options.Secret, options.SecretPrevious }.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
        var hmac = secrets.Select(s => new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(s)), SecurityAlgorithms.HmacSha256))
            .ToList();
        return new JwtKeySet(hmac[0], hmac, []);
    }

    private static List<ECDsa> ReadEcKeys(JwtOptions options, List<string> problems)
    {
        var keys = new List<ECDsa>();
        if (options.Algorithm != JwtOptions.Hs256 && options.Algorithm != JwtOptions.Es256)
        {
            problems.Add($"JWT_ALGORITHM must be {JwtOptions.Hs256} or {JwtOptions.Es256}.");
            return keys;
        }

        if (options.Algorithm == JwtOptions.Hs256)
        {
            // Set without ES256, a key file would be ignored and the tokens still signed with JWT_SECRET.
            if (options.SigningKeyFile.Length > 0)
            {
                problems.Add("JWT_SIGNING_KEY_FILE is used only with JWT_ALGORITHM=ES256.");
            }

            if (options.VerificationKeyFiles.Length > 0)
            {
                problems.Add("JWT_VERIFICATION_KEY_FILES is used only with JWT_ALGORITHM=ES256.");
            }

            if (options.SecretPrevious.Length > 0 && Encoding.UTF8.GetByteCount(options.SecretPrevious) < JwtOptions.MinSecretBytes)
            {
                problems.Add($"JWT_SECRET_PREVIOUS must be at least {JwtOptions.MinSecretBytes} bytes (UTF-8).");
            }

            return keys;
        }

        // With ES256 the former secret verifies no token, but it still reads the TOTP secrets and recovery codes a
        // rotation of JWT_SECRET has not moved yet (docs/operations.md).
        if (options.SecretPrevious.Length > 0 && Encoding.UTF8.GetByteCount(options.SecretPrevious) < JwtOptions.MinSecretBytes)
        {
            problems.Add($"JWT_SECRET_PREVIOUS must be at least {JwtOptions.MinSecretBytes} bytes (UTF-8).");
        }

        if (options.SigningKeyFile.Length == 0)
        {
            problems.Add("JWT_SIGNING_KEY_FILE is required with JWT_ALGORITHM=ES256 (a PEM file, EC P-256 private key).");
        }
        else if (EcKeyFile.TryRead(options.SigningKeyFile, privateKeyRequired: true, out var signing, out var problem))
        {
            keys.Add(signing);
        }
        else
        {
            problems.Add($"JWT_SIGNING_KEY_FILE: {problem}.");
        }

        foreach (var path in options.VerificationKeyPaths())
        {
            if (EcKeyFile.TryRead(path, privateKeyRequired: false, out var verification, out var problem))
            {
                keys.Add(verification);
            }
            else
            {
                problems.Add($"JWT_VERIFICATION_KEY_FILES: {problem}.");
            }
        }

        return keys;
    }

    private static ECDsaSecurityKey ToSecurityKey(ECDsa ecdsa)
    {
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    private static JsonWebKey PublicJwk(ECDsaSecurityKey key)
    {
        // From the public parameters alone, so that a private key given as a file never reaches the JWK Set.
        using var publicPart = ECDsa.Create(key.ECDsa.ExportParameters(includePrivateParameters: false));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicPart) { KeyId = key.KeyId });
        jwk.Use = JsonWebKeyUseNames.Sig;
        jwk.Alg = SecurityAlgorithms.EcdsaSha256;
        return jwk;
    }
}
