namespace Tikiya.Application.Users;

/// <summary>The <c>User</c> body of API.md.</summary>
public sealed record UserResponse(Guid Id, string Email, DateTimeOffset CreatedAt);
