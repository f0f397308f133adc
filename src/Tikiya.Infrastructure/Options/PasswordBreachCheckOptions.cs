using System.ComponentModel.DataAnnotations;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Infrastructure.Options;

/// <summary>
/// The optional check of a new password against a Pwned Passwords range API (Have I Been Pwned's, or a mirror of it),
/// beside the shipped list. Checked by <see cref="PasswordBreachCheckOptionsValidator"/>.
/// </summary>
public sealed class PasswordBreachCheckOptions
{
    // Secret for the credentials a mirror's URL may carry; the start-up log shows the rest.
    [Setting("PASSWORD_BREACH_CHECK_URL", "Base URL of a Pwned Passwords range API (https://api.pwnedpasswords.com); empty: only the shipped list is checked",
        Secret = true, ShownBy = nameof(UrlWithoutCredentials))]
    public string Url { get; set; } = "";

    [Setting("PASSWORD_BREACH_CHECK_TIMEOUT_MS", "How long the range API may take before the password is allowed without it (milliseconds)")]
    [Range(100, 10_000, ErrorMessage = "PASSWORD_BREACH_CHECK_TIMEOUT_MS must be between 100 and 10000.")]
    public int TimeoutMs { get; set; } = 1_500;

    public bool IsEnabled => Url.Length > 0;

    public string UrlWithoutCredentials()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri))
        {
            return Url.Length == 0 ? "" : "(not valid)";
        }

        return uri.UserInfo.Length == 0 ? uri.ToString() : new UriBuilder(uri) { UserName = "***", Password = "" }.Uri.ToString();
    }

    /// <summary>The URL of the range of a SHA-1 prefix: <c>{url}/range/{prefix}</c>, whether the URL ends with a slash or not.</summary>
    public Uri RangeUri(string prefix) => new($"{Url.TrimEnd('/')}/range/{prefix}", UriKind.Absolute);
}
