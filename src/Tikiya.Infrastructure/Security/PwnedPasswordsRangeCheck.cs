using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Infrastructure.Security;

/// <summary>
/// The k-anonymity range API of Pwned Passwords (Have I Been Pwned): only the first 5 hex characters of the password's
/// SHA-1 leave the process, and the answer lists the suffixes of that range as <c>SUFFIX:COUNT</c> lines. It asks for
/// padding (<c>Add-Padding: true</c>), whose made-up lines have a count of 0, so that the size of the answer tells an
/// onlooker nothing either. Fails open (<see cref="IBreachedPasswordCheck"/>) within <c>PASSWORD_BREACH_CHECK_TIMEOUT_MS</c>,
/// the client's whole-exchange timeout (set where it is registered).
/// </summary>
internal sealed partial class PwnedPasswordsRangeCheck(HttpClient http, IOptions<PasswordBreachCheckOptions> options,
    ILogger<PwnedPasswordsRangeCheck> logger) : IBreachedPasswordCheck
{
    private const int PrefixLength = 5;

    public async ValueTask<bool> IsBreachedAsync(string password, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled)
        {
            return false;
        }

        var hash = Sha1Hex(password);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, settings.RangeUri(hash[..PrefixLength]));
            request.Headers.Add("Add-Padding", "true");
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                LogNotAnswered($"HTTP {(int)response.StatusCode}");
                return false;
            }

            return Lists(await response.Content.ReadAsStringAsync(cancellationToken), hash.AsSpan(PrefixLength));
        }
        // Any failure of the service (no answer, a timeout, a body it cannot decode, an answer past the size cap) allows
        // the password: fail-open, never a 500. The request's own end is not the service's failure.
        catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
        {
            LogNotAnswered(failure is OperationCanceledException ? "timeout" : failure.GetType().Name);
            return false;
        }
    }

    /// <summary>Whether the range lists the suffix with a count above 0 (padding lines have 0).</summary>
    internal static bool Lists(string range, ReadOnlySpan<char> suffix)
    {
        foreach (var line in range.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(line[(colon + 1)..].Trim(), out var count) && count > 0;
            }
        }

        return false;
    }

    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "The range API is keyed by SHA-1; it locates the password, it protects nothing.")]
    internal static string Sha1Hex(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));

    // Nothing derived from the password: not the range's prefix, so not the URL either.
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The breached-password check did not answer ({Reason}); the password was checked against the shipped list only")]
    private partial void LogNotAnswered(string reason);
}
