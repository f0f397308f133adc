namespace Tikiya.Application.Users;

/// <summary>The <c>User</c> body of API.md (v1.1 adds <c>emailVerified</c> and <c>mfaEnabled</c>).</summary>
public sealed record UserResponse(Guid Id, string Email, bool EmailVerified, DateTimeOffset CreatedAt, bool MfaEnabled);
