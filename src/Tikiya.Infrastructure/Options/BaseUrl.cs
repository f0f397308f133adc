namespace Tikiya.Infrastructure.Options;

/// <summary>The rule of a setting that is a base URL, which the code appends paths to (PUBLIC_APP_URL, PASSWORD_BREACH_CHECK_URL).</summary>
internal static class BaseUrl
{
    /// <summary>An absolute http(s) URL without a query or fragment, which an appended path would land after.</summary>
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
        && url.Query.Length == 0 && url.Fragment.Length == 0;
}
