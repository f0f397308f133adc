using System.Security.Cryptography;

namespace Tikiya.Testing;

/// <summary>
/// PEM key files made for a test in a folder of their own (JWT_SIGNING_KEY_FILE, JWT_VERIFICATION_KEY_FILES), each key
/// new: a test never depends on a key someone else holds. Disposing it deletes the folder.
/// </summary>
public sealed class TestKeyFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tikiya-keys-");
    private int _files;

    /// <summary>A path in the folder with no file at it.</summary>
    public string MissingPath => Path.Combine(_directory.FullName, "missing.pem");

    /// <summary>A path that exists but cannot be read as a file: the folder itself.</summary>
    public string UnreadablePath => _directory.FullName;

    /// <summary>A new private key in PKCS#8 PEM ("PRIVATE KEY"), on P-256 unless another curve is given.</summary>
    public string PrivateKey(ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        return Write(key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A new P-256 private key in SEC 1 PEM ("EC PRIVATE KEY"), as <c>openssl ecparam -genkey</c> writes it.</summary>
    public string Sec1PrivateKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Write(key.ExportECPrivateKeyPem());
    }

    /// <summary>The public key ("PUBLIC KEY") of the private key file at <paramref name="privateKeyPath"/>.</summary>
    public string PublicKeyOf(string privateKeyPath)
    {
        using var key = Read(privateKeyPath);
        return Write(key.ExportSubjectPublicKeyInfoPem());
    }

    public static ECDsa Read(string path)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }

    public string Write(string contents)
    {
        var path = Path.Combine(_directory.FullName, $"key-{Interlocked.Increment(ref _files)}.pem");
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
