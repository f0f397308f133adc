using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// nginx on loopback serving deploy/nginx/tikiya-api.conf as shipped, with only what a site must change: its ports,
/// its certificate (self-signed here) and the upstream's servers; and, for a test of a limit, the lines it names
/// (a limit small enough to reach).
/// </summary>
public sealed class RunningNginx : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private readonly string _certificateThumbprint;

    private RunningNginx(Process process, string directory, int httpsPort, string certificateThumbprint)
    {
        _process = process;
        _directory = directory;
        HttpsPort = httpsPort;
        _certificateThumbprint = certificateThumbprint;
    }

    public int HttpsPort { get; }

    /// <param name="apiPorts">The upstream's servers.</param>
    /// <param name="changes">Text of the shipped file, each replaced by its value; each must be found.</param>
    public static async Task<RunningNginx> StartAsync(IEnumerable<int> apiPorts, IReadOnlyDictionary<string, string>? changes = null)
    {
        var directory = Directory.CreateTempSubdirectory("tikiya-nginx-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111); // nginx's workers run as another user
        Process process;
        int httpsPort;
        string thumbprint;
        try
        {
            var certificate = await ProcessRunner.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-keyout", Path.Combine(directory, "key.pem"), "-out", Path.Combine(directory, "cert.pem")]);
            Assert.That(certificate.ExitCode, Is.Zero, certificate.StandardError);

            httpsPort = FreePort.Next();
            var upstream = string.Join("\n", apiPorts.Select(port =>
                string.Create(CultureInfo.InvariantCulture, $"    server 127.0.0.1:{port} max_fails=3 fail_timeout=5s;")));
            var site = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "tikiya-api.conf")))
                .Replace("    server 127.0.0.1:8080 max_fails=3 fail_timeout=5s;", upstream, StringComparison.Ordinal)
                .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;", StringComparison.Ordinal)
                .Replace("listen 80;", $"listen 127.0.0.1:{FreePort.Next()};", StringComparison.Ordinal)
                .Replace("listen [::]:443 ssl http2;", "", StringComparison.Ordinal)
                .Replace("listen [::]:80;", "", StringComparison.Ordinal)
                .Replace("/etc/ssl/tikiya/fullchain.pem", Path.Combine(directory, "cert.pem"), StringComparison.Ordinal)
                .Replace("/etc/ssl/tikiya/privkey.pem", Path.Combine(directory, "key.pem"), StringComparison.Ordinal);
            Assert.That(site, Does.Contain(upstream).And.Contain($"127.0.0.1:{httpsPort}"), "the shipped file changed shape");
            foreach (var (shipped, changed) in changes ?? new Dictionary<string, string>())
            {
                Assert.That(site, Does.Contain(shipped), "the shipped file changed shape");
                site = site.Replace(shipped, changed, StringComparison.Ordinal);
            }

            await File.WriteAllTextAsync(Path.Combine(directory, "site.conf"), site);
            await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log;
                events {}
                http {
                    include /etc/nginx/mime.types;
                    access_log off;
                    client_body_temp_path {{directory}}/body;
                    proxy_temp_path {{directory}}/proxy;
                    include {{directory}}/site.conf;
                }
                """);

            using var certificateFile = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(directory, "cert.pem")));
            thumbprint = certificateFile.GetCertHashString(HashAlgorithmName.SHA256);
            process = Process.Start(new ProcessStartInfo("nginx")
            {
                ArgumentList = { "-c", Path.Combine(directory, "nginx.conf"), "-p", directory, "-g", "daemon off;" },
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("nginx did not start (apt-get install nginx).");
        }
        catch
        {
            Directory.Delete(directory, recursive: true); // a failed start leaves nothing behind
            throw;
        }

        var nginx = new RunningNginx(process, directory, httpsPort, thumbprint);
        try
        {
            await nginx.WaitUntilListeningAsync();
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the proxy that trusts its self-signed certificate (only it) and connects from <paramref name="from"/>.</summary>
    public HttpClient CreateClient(System.Net.IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => IsNginxs(certificate) },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                if (from is not null)
                {
                    socket.Bind(new System.Net.IPEndPoint(from, 0));
                }

                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{HttpsPort}") };
    }

    /// <summary>
    /// A TLS connection to the proxy with only <paramref name="protocols"/> offered (the system's choice by default),
    /// for requests written byte for byte and for the handshake itself.
    /// </summary>
    public async Task<SslStream> ConnectTlsAsync(SslProtocols protocols = SslProtocols.None)
    {
        var tcp = new TcpClient();
        try
        {
            await tcp.ConnectAsync(IPAddress.Loopback, HttpsPort);
            var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = protocols,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => IsNginxs(certificate),
            });
            return tls;
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ChildProcess.KillAsync(_process);
        Directory.Delete(_directory, recursive: true);
    }

    private bool IsNginxs(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var presented = new X509Certificate2(certificate);
        return presented.GetCertHashString(HashAlgorithmName.SHA256) == _certificateThumbprint;
    }

    private async Task WaitUntilListeningAsync()
    {
        using var client = CreateClient();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited: {await _process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                await client.GetAsync("/health/live");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("nginx never listened.");
    }
}
