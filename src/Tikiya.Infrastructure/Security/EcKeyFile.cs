using System.Security.Cryptography;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// An EC P-256 key read from a PEM file (JWT_SIGNING_KEY_FILE, JWT_VERIFICATION_KEY_FILES). A problem is said with the
/// file's path only: neither the key nor the framework's message about it (which may quote the file) reaches a log.
/// </summary>
internal static class EcKeyFile
{
    public static bool TryRead(string path, bool privateKeyRequired, out ECDsa key, out string problem)
    {
        key = null!;
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{path} does not exist";
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problem = $"{path} cannot be read";
            return false;
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            problem = $"{path} holds no PEM EC key";
            return false;
        }

        problem = ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value
            ? $"{path} holds an EC key on another curve than P-256"
            : privateKeyRequired && !HasPrivateKey(ecdsa)
                ? $"{path} holds a public key, and signing needs the private key"
                : "";
        if (problem.Length > 0)
        {
            ecdsa.Dispose();
            return false;
        }

        key = ecdsa;
        return true;
    }

    private static bool HasPrivateKey(ECDsa ecdsa)
    {
        try
        {
            return ecdsa.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false; // a public key has no private parameters to export
        }
    }
}
