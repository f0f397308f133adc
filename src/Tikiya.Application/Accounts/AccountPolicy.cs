namespace Tikiya.Application.Accounts;

/// <summary>
/// The settings of the account flows (API.md, "Email, codes and mail"): how long codes live, where mail links point,
/// and whether login needs a verified email.
/// </summary>
/// <param name="VerificationCodeLifetime">EMAIL_VERIFICATION_TTL_SECS (24 hours).</param>
/// <param name="ResetCodeLifetime">PASSWORD_RESET_TTL_SECS (1 hour), also the email-change code's.</param>
/// <param name="PublicAppUrl">PUBLIC_APP_URL: links in mails point at the client app, never at the API.</param>
/// <param name="RequireVerifiedEmail">AUTH_REQUIRE_VERIFIED_EMAIL.</param>
public sealed record AccountPolicy(TimeSpan VerificationCodeLifetime, TimeSpan ResetCodeLifetime, Uri PublicAppUrl,
    bool RequireVerifiedEmail)
{
    /// <summary>
    /// <paramref name="path"/> under PUBLIC_APP_URL (kept if it has a path of its own), with the token as its query.
    /// Opening it changes nothing: only the app's POST of the token does (API.md).
    /// </summary>
    public Uri AppLink(string path, string token)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new UriBuilder(PublicAppUrl);
        builder.Path = builder.Path.TrimEnd('/') + "/" + path;
        builder.Query = "token=" + Uri.EscapeDataString(token);
        return builder.Uri;
    }
}
