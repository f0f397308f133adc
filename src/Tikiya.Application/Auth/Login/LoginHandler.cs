using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Auth.Devices;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

/// <summary>
/// API.md's login in three steps, so that no connection or lock is held while Argon2 runs: reserve the attempt in the
/// email's throttle, or in its known device's (429 when throttled), verify the password with nothing held, then settle
/// under the account's lock in one save: the session, the count reset, the device token, a stronger hash. With the
/// second factor on, the settlement opens an MFA challenge instead, which <c>login/mfa</c> finishes (LoginMfaHandler).
/// </summary>
internal sealed partial class LoginHandler(IApplicationDbContext db, AccountThrottle throttle, IPasswordHasher hasher,
    LoginAccounts accounts, SessionOpening sessions, ILogger<LoginHandler> logger)
    : ICommandHandler<LoginCommand, TokensResponse>
{
    public async ValueTask<TokensResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = Email.ForLookup(command.Email); // the login of an account stored under older rules too
        // The account first, with its device when the login presents a valid token of it: that decides the row the
        // attempt reserves in. Without a token, or with one of no use, it is the email's (the v1 rule).
        var account = await accounts.FindAsync(email, command.DeviceToken, cancellationToken);
        // Throttled: 429, logged by the API's refusal log, rate-limited (a flood of them must not fill the disk).
        await using var attempt = await throttle.ReserveAsync(email, account.Device?.ThrottleKey, cancellationToken);
        var (user, strongerHash) = await VerifyAsync(account.User, command.Password, attempt, cancellationToken);
        return await SettleAsync(user, account.Device, attempt, strongerHash, command.DeviceName, cancellationToken);
    }

    /// <summary>The account whose password this is, and a stronger hash of it when one is due.</summary>
    private async Task<(User User, string? StrongerHash)> VerifyAsync(User? user, string password, LoginAttempt attempt,
        CancellationToken cancellationToken)
    {
        // Verify even for an unknown email: both failures must take the same time (API.md).
        var verification = await hasher.VerifyAsync(password, user?.PasswordHash, cancellationToken);
        if (user is null || verification == PasswordVerification.Failed)
        {
            await attempt.FailAsync(user?.Id); // an account's failure is its login_failed event too
            LogLoginFailed(user is null ? LoginFailure.UnknownUser : LoginFailure.WrongPassword, attempt.EmailForLog);
            throw new InvalidCredentialsException(); // one exception for both: the answers must not differ
        }

        // The configured cost went up since this hash was made; the password is at hand only now.
        return (user, verification == PasswordVerification.SucceededRehashNeeded
            ? await hasher.HashAsync(password, cancellationToken)
            : null);
    }

    private async Task<TokensResponse> SettleAsync(User user, KnownDevice? device, LoginAttempt attempt, string? strongerHash,
        string? deviceName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await throttle.LockAsync(attempt.Email, cancellationToken);
        // Under the account's lock: a reset, a password change or a deletion that committed while the password was
        // checked is seen here (the password checked is no longer the account's); one still to come ends this session.
        if (await accounts.SecondFactorIfUnchangedAsync(user, cancellationToken) is not { } secondFactor)
        {
            LogLoginFailed(LoginFailure.AccountChanged, attempt.EmailForLog);
            throw new InvalidCredentialsException();
        }

        if (strongerHash is not null)
        {
            user.ChangePasswordHash(strongerHash);
        }

        if (!accounts.MayOpenSession(user))
        {
            // The right password, so this answer tells nothing a wrong one would hide (API.md: 403 after the check).
            await attempt.SucceedAsync(count, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogLoginFailed(LoginFailure.EmailNotVerified, attempt.EmailForLog);
            throw new EmailNotVerifiedException();
        }

        if (secondFactor)
        {
            // API.md v1.1: the count starts again only once login/mfa succeeds. The password was right, so it is no
            // failure either; the codes are counted at the second step.
            await attempt.PassAsync(cancellationToken);
            var mfaToken = await accounts.OpenMfaChallengeAsync(user, device, deviceName, attempt.At, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the challenge and any stronger hash
            await transaction.CommitAsync(cancellationToken);
            LogMfaRequired(user.Id);
            throw new MfaRequiredException(mfaToken);
        }

        await attempt.SucceedAsync(count, cancellationToken);
        var session = await sessions.OpenAsync(user, attempt.At, deviceName, secondFactor: false, cancellationToken);
        var deviceToken = await accounts.RememberDeviceAsync(user.Id, device, attempt.At, cancellationToken);
        // The session, the count reset, the device token and any stronger hash, together.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSessionOpened(session.Id, user.Id);
        return session.Tokens with { DeviceToken = deviceToken };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Login failed ({Reason}) for email {EmailFingerprint}")]
    private partial void LogLoginFailed(LoginFailure reason, string emailFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password right for user {UserId}; their second factor is asked for")]
    private partial void LogMfaRequired(Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened for user {UserId}")]
    private partial void LogSessionOpened(Guid sessionId, Guid userId);
}
