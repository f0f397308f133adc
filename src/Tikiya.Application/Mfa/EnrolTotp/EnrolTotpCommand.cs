using Mediator;

namespace Tikiya.Application.Mfa.EnrolTotp;

/// <summary>Body of <c>POST /api/v1/users/me/mfa/totp</c>: the password starts an enrolment (API.md v1.1).</summary>
public sealed record EnrolTotpCommand(string Password) : ICommand<TotpEnrolmentResponse>
{
    public override string ToString() => nameof(EnrolTotpCommand); // never print the password
}
