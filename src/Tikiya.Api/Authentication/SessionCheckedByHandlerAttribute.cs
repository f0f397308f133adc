namespace Tikiya.Api.Authentication;

/// <summary>
/// On an [Authorize] endpoint whose handler checks the caller's session in the query that reads what it answers (so
/// the request pays one round trip, not two), the bearer handler leaves the session check to it. Its tests must show
/// that an ended session gets 401 there too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SessionCheckedByHandlerAttribute : Attribute;
