using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using MimeKit;

namespace Tikiya.Testing.Mail;

/// <summary>
/// Reads an app's mail the way its reader does: the text/plain part, the code that stands on a line of its own in it,
/// and the link to follow. Each throws an <see cref="AssertionException"/> saying what the mail held instead.
/// </summary>
public static partial class SentMail
{
    public static string Text(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.TextBody ?? throw new AssertionException($"The mail \"{message.Subject}\" has no text/plain part.");
    }

    public static bool HasHtmlPart(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.HtmlBody is not null;
    }

    public static string Html(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.HtmlBody ?? throw new AssertionException($"The mail \"{message.Subject}\" has no text/html part.");
    }

    /// <summary>The 6-digit code on a line of its own in the text part; two different ones are an error, not a choice.</summary>
    public static string Code(MimeMessage message)
    {
        var text = Text(message);
        string[] codes = [.. CodeLine().Matches(text).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal)];
        return codes.Length == 1
            ? codes[0]
            : throw new AssertionException(
                $"Expected one 6-digit code on a line of its own in \"{message.Subject}\", found {codes.Length}: {text}");
    }

    /// <summary>The http(s) links of the text part, in order.</summary>
    public static IReadOnlyList<Uri> Links(MimeMessage message) =>
        [.. Link().Matches(Text(message)).Select(match => new Uri(match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')')))];

    /// <summary>The token= query value of the first link, decoded as the page that receives it reads it.</summary>
    public static string LinkToken(MimeMessage message)
    {
        var links = Links(message);
        var link = links.Count > 0
            ? links[0]
            : throw new AssertionException($"The mail \"{message.Subject}\" has no link: {Text(message)}");
        // QueryHelpers decodes as ASP.NET Core and URLSearchParams do (%XX, and '+' as a space).
        return QueryHelpers.ParseQuery(link.Query).TryGetValue("token", out var token) && token.Count == 1
            ? token[0]!
            : throw new AssertionException($"The first link of \"{message.Subject}\" has no single token=: {link}");
    }

    // [0-9], not \d, which also matches other scripts' digits; \r? for the CRLF lines of a mail.
    [GeneratedRegex(@"^[ \t]*([0-9]{6})[ \t]*\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
