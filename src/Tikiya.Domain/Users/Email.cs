using System.Buffers;
using System.Globalization;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Tikiya.Domain.Common;

namespace Tikiya.Domain.Users;

/// <summary>
/// An email address as the user typed it, trimmed, with the form it is unique under (API.md: "trimmed; unique
/// case-insensitively; at most 254 characters; must look like an address").
/// </summary>
public sealed record Email
{
    public const int MaxLength = 254;

    private Email(string value)
    {
        Value = value;
        Normalized = value.Trim().ToLowerInvariant();
    }

    public string Value { get; }

    /// <summary>The lower-case form that the unique index is on, so "Ann@X.io" and "ann@x.io" are one account.</summary>
    public string Normalized { get; }

    public static Email Create(string? value) =>
        TryCreate(value, out var email) ? email : throw new DomainException("The email address is not valid.");

    public static bool TryCreate(string? value, [NotNullWhen(true)] out Email? email)
    {
        var trimmed = value?.Trim();
        email = trimmed is not null && LooksLikeAnAddress(trimmed) ? new Email(trimmed) : null;
        return email is not null;
    }

    /// <summary>
    /// An email read back from the database, trusted as stored: no rule runs, so tightening a rule of
    /// <see cref="TryCreate"/> never locks out an account an older version accepted (STYLE.md §7, "Validation is for
    /// input"). Only values read back from the database come here; input goes through <see cref="Create"/>.
    /// </summary>
    public static Email FromStorage(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Email(value);
    }

    /// <summary>
    /// An address typed to find an account that already exists (login, the mail requests, a code sent by email),
    /// trimmed but not held to today's rules: an
    /// account stored under older ones must still be found by the address it has. Never used to create one.
    /// </summary>
    public static Email ForLookup(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Email(value.Trim());
    }

    public override string ToString() => Value;

    // Characters a mail cannot carry in an unquoted address (RFC 5322 specials).
    private static readonly SearchValues<char> Specials = SearchValues.Create("()<>[]:;,\\\"");

    // Deliberately loose (RFC 5322 allows far more than clients should send): one '@' with a local part before it, a
    // dotted domain after it, no whitespace, control or invisible format characters (a zero-width space or a byte-order
    // mark would make a second account that looks like the first), well-formed Unicode (a lone surrogate cannot be
    // stored), and no specials or misplaced dots (a mail could not be addressed to it). The mailbox is proven by use.
    private static bool IsInvisibleOrControl(char c) =>
        char.IsWhiteSpace(c) || char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    private static bool LooksLikeAnAddress(string value)
    {
        if (value.Length is 0 or > MaxLength || value.Any(IsInvisibleOrControl) || !IsWellFormed(value))
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@'))
        {
            return false;
        }

        // A local part that a mail cannot carry unquoted (RFC 5322 dot-atom): its mails would never leave.
        var local = value[..at];
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || local.AsSpan().ContainsAny(Specials))
        {
            return false;
        }

        var domain = value[(at + 1)..];
        return !domain.AsSpan().ContainsAny(Specials) && domain.Length >= 3 && domain.Contains('.', StringComparison.Ordinal)
            && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..", StringComparison.Ordinal);
    }

    private static bool IsWellFormed(string value)
    {
        for (var index = 0; index < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            index += consumed;
        }

        return true;
    }
}
