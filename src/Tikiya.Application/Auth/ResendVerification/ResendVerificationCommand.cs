using Mediator;

namespace Tikiya.Application.Auth.ResendVerification;

/// <summary>Body of <c>POST /api/v1/auth/resend-verification</c>; answered 202 whatever the address (API.md).</summary>
public sealed record ResendVerificationCommand(string Email) : ICommand;
