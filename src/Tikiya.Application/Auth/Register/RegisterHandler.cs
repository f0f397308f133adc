using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Users;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Register;

internal sealed partial class RegisterHandler(IApplicationDbContext db, IPasswordHasher hasher, AccountChangeTrail trail,
    TimeProvider time, ILogger<RegisterHandler> logger)
    : ICommandHandler<RegisterCommand, UserResponse>
{
    public async ValueTask<UserResponse> Handle(RegisterCommand command, CancellationToken cancellationToken)
    {
        var email = Email.Create(command.Email);
        // A cheap early answer that spares an Argon2 hash; the unique index still settles races (SaveChangesAsync).
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.Normalized, cancellationToken))
        {
            throw new EmailAlreadyRegisteredException();
        }

        var passwordHash = await hasher.HashAsync(command.Password, cancellationToken);
        var now = time.GetUtcNow();
        var user = User.Register(email, passwordHash, now);
        db.Users.Add(user);
        // API.md: register sends a verification mail; queued with the account, so neither exists without the other.
        await trail.LeaveCodeAsync(user, SecurityEventType.Registered, EmailCodePurpose.VerifyEmail, email, now,
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        LogRegistered(user.Id);
        return user.ToResponse(mfaEnabled: false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} registered")]
    private partial void LogRegistered(Guid userId);
}
