namespace Tikiya.Application.Common.Errors;

/// <summary>
/// The id names no active session of the caller: unknown, ended, or another user's, which answer alike (API.md v1.1:
/// 404), so that no one learns whether someone else's session exists.
/// </summary>
public sealed class SessionNotFoundException() : Exception("No active session of yours has this id.");
