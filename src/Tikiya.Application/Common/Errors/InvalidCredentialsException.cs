namespace Tikiya.Application.Common.Errors;

/// <summary>
/// Unknown email or wrong password: one type, one answer (401), so a client cannot tell which (API.md).
/// </summary>
public sealed class InvalidCredentialsException() : Exception("The email or the password is not correct.");
