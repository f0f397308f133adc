using System.Diagnostics.CodeAnalysis;
using System.Net;
using MailKit.Security;

namespace Tikiya.Infrastructure.Mail;

/// <summary>
/// SMTP_URL in the form of Ory Kratos' courier: <c>smtp://</c> with STARTTLS required (port 587 by default),
/// <c>smtps://</c> with implicit TLS (465); <c>?disable_starttls=true</c> sends in clear and
/// <c>?skip_ssl_verify=true</c> trusts any certificate (local relays and tests only). User and password are
/// percent-decoded.
/// </summary>
internal sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, bool SkipCertificateCheck,
    NetworkCredential? Credentials)
{
    public static bool TryParse(string url, [NotNullWhen(true)] out SmtpEndpoint? endpoint, [NotNullWhen(false)] out string? error)
    {
        endpoint = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps"))
        {
            error = "expected smtp://user:password@host:port/ or smtps://…";
            return false;
        }

        if (uri.Host.Length == 0)
        {
            error = "it names no host.";
            return false;
        }

        var disableStartTls = false;
        var skipVerify = false;
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, Uri.UnescapeDataString(v)) : (pair, "");
            if (!bool.TryParse(value, out var flag) || key is not ("disable_starttls" or "skip_ssl_verify"))
            {
                error = "its only parameters are disable_starttls=true|false and skip_ssl_verify=true|false.";
                return false;
            }

            (disableStartTls, skipVerify) = key == "disable_starttls" ? (flag, skipVerify) : (disableStartTls, flag);
        }

        var implicitTls = uri.Scheme == "smtps";
        if (implicitTls && disableStartTls)
        {
            error = "disable_starttls does not apply to smtps://, which is TLS from the start.";
            return false;
        }

        var security = implicitTls ? SecureSocketOptions.SslOnConnect
            : disableStartTls ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? 465 : 587) : uri.Port;
        NetworkCredential? credentials = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }

        endpoint = new SmtpEndpoint(uri.IdnHost, port, security, skipVerify, credentials);
        error = null;
        return true;
    }

    /// <summary>The URL without its password: what the start-up log shows.</summary>
    public override string ToString()
    {
        var user = Credentials is null ? "" : $"{Uri.EscapeDataString(Credentials.UserName)}:***@";
        var scheme = Security == SecureSocketOptions.SslOnConnect ? "smtps" : "smtp";
        var query = (Security == SecureSocketOptions.None ? "disable_starttls=true" : "")
            + (SkipCertificateCheck ? (Security == SecureSocketOptions.None ? "&" : "") + "skip_ssl_verify=true" : "");
        return $"{scheme}://{user}{Host}:{Port}/" + (query.Length > 0 ? "?" + query : "");
    }
}
