namespace Tikiya.Application.Common.Errors;

/// <summary>The access token was valid but names an account or session that no longer exists; answered 401.</summary>
public sealed class NotAuthenticatedException() : Exception("The access token no longer names an active account.");
