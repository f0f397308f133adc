namespace Tikiya.Application.Common.Errors;

/// <summary>An account already uses this email, in any letter case; answered 409.</summary>
public sealed class EmailAlreadyRegisteredException()
    : Exception("An account with this email address already exists.");
