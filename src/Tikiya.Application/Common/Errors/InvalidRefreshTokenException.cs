namespace Tikiya.Application.Common.Errors;

/// <summary>Unknown, expired, revoked or already used refresh token: 401, and the client must log in again.</summary>
public sealed class InvalidRefreshTokenException()
    : Exception("The refresh token is not valid, has expired or has been revoked. Log in again.");
