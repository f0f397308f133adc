using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Tikiya.Api.Authentication;

internal static class ClaimsPrincipalExtensions
{
    public static bool TryGetUserId([NotNullWhen(true)] this ClaimsPrincipal? principal, out Guid userId) =>
        Guid.TryParse(principal?.FindFirstValue(JwtRegisteredClaimNames.Sub), out userId);

    public static bool TryGetSessionId([NotNullWhen(true)] this ClaimsPrincipal? principal, out Guid sessionId) =>
        Guid.TryParse(principal?.FindFirstValue(JwtRegisteredClaimNames.Sid), out sessionId);

    /// <summary>The authenticated user; only called behind [Authorize], where the session check already read it.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        principal.TryGetUserId(out var userId) ? userId : throw new InvalidOperationException("No authenticated user.");
}
