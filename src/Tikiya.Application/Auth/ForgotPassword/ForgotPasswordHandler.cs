using Mediator;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Domain.Mail;

namespace Tikiya.Application.Auth.ForgotPassword;

internal sealed class ForgotPasswordHandler(MailRequestIntake intake) : ICommandHandler<ForgotPasswordCommand>
{
    public async ValueTask<Unit> Handle(ForgotPasswordCommand command, CancellationToken cancellationToken)
    {
        await intake.AcceptAsync(MailRequestKind.ForgotPassword, command.Email, cancellationToken);
        return Unit.Value;
    }
}
