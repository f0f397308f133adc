using Mediator;

namespace Tikiya.Application.Auth.ForgotPassword;

/// <summary>Body of <c>POST /api/v1/auth/forgot-password</c>; answered 202 whatever the address (API.md).</summary>
public sealed record ForgotPasswordCommand(string Email) : ICommand;
