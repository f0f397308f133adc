using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

internal sealed partial class LoginHandler(IApplicationDbContext db, IPasswordHasher hasher, ITokenIssuer tokens,
    ILoginThrottleStore throttle, TimeProvider time, ILogger<LoginHandler> logger) : ICommandHandler<LoginCommand, TokensResponse>
{
    public async ValueTask<TokensResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = Email.Create(command.Email);
        var fingerprint = EmailFingerprint.Of(email);
        var emailForLog = EmailFingerprint.ForLog(fingerprint); // logs never show the address in clear
        var now = time.GetUtcNowForStorage();

        // Counted before the password is checked, for known and unknown emails alike (API.md, Throttling).
        if (await throttle.BeginAttemptAsync(fingerprint, now, cancellationToken) is { } retryAfter)
        {
            LogLoginFailed(LoginFailure.Throttled, emailForLog);
            throw new LoginThrottledException(retryAfter);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.Normalized, cancellationToken);
        // Verify even for an unknown email: both failures must take the same time (API.md).
        var passwordMatches = await hasher.VerifyAsync(command.Password, user?.PasswordHash, cancellationToken);
        if (user is null || !passwordMatches)
        {
            LogLoginFailed(user is null ? LoginFailure.UnknownUser : LoginFailure.WrongPassword, emailForLog);
            throw new InvalidCredentialsException(); // one exception for both: the answers must not differ
        }

        await throttle.ResetAsync(fingerprint, cancellationToken);
        if (hasher.NeedsRehash(user.PasswordHash))
        {
            // The configured cost went up since this hash was made; the password is at hand only now.
            user.ChangePasswordHash(await hasher.HashAsync(command.Password, cancellationToken));
        }

        var refresh = tokens.NewRefreshToken();
        var session = Session.Open(user.Id, refresh.Hash, now, tokens.RefreshTokenLifetime,
            command.Client.UserAgent, command.Client.IpAddress);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        LogSessionOpened(session.Id, user.Id);
        return tokens.Issue(user.Id, session.Id, refresh.Token, now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Login failed ({Reason}) for email {EmailFingerprint}")]
    private partial void LogLoginFailed(LoginFailure reason, string emailFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened for user {UserId}")]
    private partial void LogSessionOpened(Guid sessionId, Guid userId);
}
