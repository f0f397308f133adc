using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Npgsql;

namespace Tikiya.Infrastructure.Persistence;

/// <summary>
/// Reads <c>DATABASE_URL</c>: a <c>postgres://</c> or <c>postgresql://</c> URL (user and password percent-decoded, port 5432
/// by default, libpq query parameters such as <c>sslmode</c>) or an Npgsql key=value connection string.
/// Error messages never repeat the value: it holds a password.
/// </summary>
internal static class DatabaseConnectionString
{
    private const int DefaultPort = 5432;

    // libpq's URL parameters and the Npgsql keywords they stand for; any other parameter must be an Npgsql keyword.
    private static readonly Dictionary<string, string> LibpqParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["sslrootcert"] = "Root Certificate",
        ["sslcert"] = "SSL Certificate",
        ["sslkey"] = "SSL Key",
        ["sslpassword"] = "SSL Password",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["target_session_attrs"] = "Target Session Attributes",
        ["channel_binding"] = "Channel Binding",
        ["gssencmode"] = "GSS Encryption Mode",
        ["options"] = "Options",
        ["host"] = "Host",
        ["port"] = "Port",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
    };

    public static bool TryParse(string value, [NotNullWhen(true)] out NpgsqlConnectionStringBuilder? builder,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        builder = null;
        try
        {
            builder = IsUrl(trimmed) ? FromUrl(trimmed) : new NpgsqlConnectionStringBuilder(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            error = e is UrlException ? e.Message : "it is neither a postgres:// URL nor an Npgsql connection string.";
            return false;
        }

        error = string.IsNullOrWhiteSpace(builder.Host) ? "it names no host." : null;
        return error is null;
    }

    public static NpgsqlConnectionStringBuilder Parse(string value) =>
        TryParse(value, out var builder, out var error) ? builder : throw new ArgumentException(error, nameof(value));

    private static bool IsUrl(string value) =>
        value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    private static NpgsqlConnectionStringBuilder FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new UrlException("it is not a well-formed URL (postgres://user:password@host:5432/database).");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.DnsSafeHost,
            Port = uri.Port > 0 ? uri.Port : DefaultPort,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var (key, parameterValue) in QueryParameters(uri.Query))
        {
            SetParameter(builder, key, parameterValue);
        }

        return builder;
    }

    private static IEnumerable<(string Key, string Value)> QueryParameters(string query) =>
        query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            // Percent-decoding only, as libpq does: a '+' stays a '+' (in a password, say), not a space.
            .Select(parts => (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : ""));

    private static void SetParameter(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        if (key.Equals("sslmode", StringComparison.OrdinalIgnoreCase))
        {
            // libpq spells the modes verify-ca and verify-full; Npgsql's enum is VerifyCA and VerifyFull.
            builder.SslMode = Enum.TryParse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode)
                ? mode
                : throw new UrlException("sslmode must be disable, allow, prefer, require, verify-ca or verify-full.");
            return;
        }

        var keyword = LibpqParameters.GetValueOrDefault(key, key);
        try
        {
            builder[keyword] = value;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            throw new UrlException(string.Create(CultureInfo.InvariantCulture,
                $"the query parameter '{key}' is not a PostgreSQL or Npgsql parameter, or its value is not valid."));
        }
    }

    /// <summary>A parse failure whose message is safe to print: it names what is wrong, never the value.</summary>
    private sealed class UrlException(string message) : ArgumentException(message);
}
