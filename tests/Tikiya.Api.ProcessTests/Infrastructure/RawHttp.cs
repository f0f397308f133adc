using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tikiya.Api.ProcessTests.Infrastructure;

/// <summary>
/// An HTTP/1.1 request written byte for byte, for request targets HttpClient would not send as written (its Uri turns
/// <c>/%6detrics</c> into <c>/metrics</c> and <c>//metrics</c> into another host).
/// </summary>
public static class RawHttp
{
    /// <summary>GET <paramref name="target"/> on a plain connection to a loopback port.</summary>
    public static async Task<RawResponse> GetAsync(int port, string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return await GetAsync(tcp.GetStream(), target);
    }

    /// <summary>GET <paramref name="target"/> on an open connection, which the server then closes.</summary>
    public static async Task<RawResponse> GetAsync(Stream connection, string target)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        await connection.FlushAsync();
        using var reader = new StreamReader(connection, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync();
        var statusLine = text[..Math.Max(0, text.IndexOf("\r\n", StringComparison.Ordinal))];
        var parts = statusLine.Split(' ', 3);
        Assert.That(parts, Has.Length.GreaterThanOrEqualTo(2), $"not an HTTP answer: {text}");
        return new RawResponse((HttpStatusCode)int.Parse(parts[1], CultureInfo.InvariantCulture), text);
    }
}
