namespace Tikiya.Application.Common.Errors;

/// <summary>An enrolment asked for while the second factor is on: 409 <c>mfa_already_enabled</c> (disable it first).</summary>
public sealed class MfaAlreadyEnabledException() : Exception("Two-step sign-in is already on for this account.");
