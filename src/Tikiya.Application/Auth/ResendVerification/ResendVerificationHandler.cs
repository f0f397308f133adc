using Mediator;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Domain.Mail;

namespace Tikiya.Application.Auth.ResendVerification;

internal sealed class ResendVerificationHandler(MailRequestIntake intake) : ICommandHandler<ResendVerificationCommand>
{
    public async ValueTask<Unit> Handle(ResendVerificationCommand command, CancellationToken cancellationToken)
    {
        await intake.AcceptAsync(MailRequestKind.ResendVerification, command.Email, cancellationToken);
        return Unit.Value;
    }
}
