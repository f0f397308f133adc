namespace Tikiya.Application.Common.Errors;

/// <summary>
/// A code or link token that is wrong, expired, already used, replaced by a newer one or spent by too many wrong
/// tries: one answer (400 <c>invalid_or_expired_code</c>) for all, so a client learns nothing about which.
/// </summary>
public sealed class InvalidOrExpiredCodeException()
    : Exception("The code is not valid, or it has expired or been used. Ask for a new one.");
