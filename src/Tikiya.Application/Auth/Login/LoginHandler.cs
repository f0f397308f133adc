using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Auth.Login;

internal sealed partial class LoginHandler(IApplicationDbContext db, IPasswordHasher hasher, IPasswordHashingCapacity hashing,
    ITokenIssuer tokens, IRefreshTokenCodec refreshTokens, ILoginThrottleStore throttles, ThrottlePolicy throttlePolicy, IEmailFingerprinter fingerprinter,
    AccountPolicy accounts, TimeProvider time, ILogger<LoginHandler> logger) : ICommandHandler<LoginCommand, TokensResponse>
{
    private const int LoggedFingerprintLength = 12;

    public async ValueTask<TokensResponse> Handle(LoginCommand command, CancellationToken cancellationToken)
    {
        var email = Email.ForLookup(command.Email); // the login of an account stored under older rules too
        var fingerprint = fingerprinter.Fingerprint(email);
        var emailForLog = fingerprint[..LoggedFingerprintLength]; // logs never show the address

        using var hashingSlot = await hashing.EnterAsync(cancellationToken);
        // Attempts for one email take turns from here to the commit, known email or not (API.md, Throttling).
        await using var attempt = await throttles.BeginAsync(fingerprint, cancellationToken);
        var now = time.GetUtcNowForStorage();
        if (attempt.Throttle.RetryAfter(now) is { } retryAfter)
        {
            LogLoginFailed(LoginFailure.Throttled, emailForLog);
            throw new LoginThrottledException(retryAfter);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email.Normalized, cancellationToken);
        // Verify even for an unknown email: both failures must take the same time (API.md).
        var passwordMatches = await hasher.VerifyAsync(command.Password, user?.PasswordHash, cancellationToken);
        if (user is null || !passwordMatches)
        {
            hashingSlot.Dispose();
            attempt.Throttle.RecordFailure(now, throttlePolicy);
            await attempt.CompleteAsync(cancellationToken);
            LogLoginFailed(user is null ? LoginFailure.UnknownUser : LoginFailure.WrongPassword, emailForLog);
            throw new InvalidCredentialsException(); // one exception for both: the answers must not differ
        }

        if (hasher.NeedsRehash(user.PasswordHash))
        {
            // The configured cost went up since this hash was made; the password is at hand only now.
            user.ChangePasswordHash(await hasher.HashAsync(command.Password, cancellationToken));
        }

        hashingSlot.Dispose(); // the rest is database work: free the slot for the next login
        attempt.Throttle.RecordSuccess();
        if (accounts.RequireVerifiedEmail && !user.EmailVerified)
        {
            // The right password, so this answer tells nothing a wrong one would hide (API.md: 403 after the check).
            await attempt.CompleteAsync(cancellationToken);
            LogLoginFailed(LoginFailure.EmailNotVerified, emailForLog);
            throw new EmailNotVerifiedException();
        }

        var sessionId = Session.NewId(now); // the first refresh token names its session
        var refresh = refreshTokens.Create(sessionId, Session.FirstGeneration);
        var session = Session.Open(sessionId, user.Id, refresh.Hash, now, tokens.RefreshTokenLifetime,
            command.Client.UserAgent, command.Client.IpAddress);
        db.Sessions.Add(session);
        await attempt.CompleteAsync(cancellationToken); // the session, the reset count and any new hash, together
        LogSessionOpened(session.Id, user.Id);
        return tokens.Issue(user.Id, session.Id, refresh.Token, now);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Login failed ({Reason}) for email {EmailFingerprint}")]
    private partial void LogLoginFailed(LoginFailure reason, string emailFingerprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened for user {UserId}")]
    private partial void LogSessionOpened(Guid sessionId, Guid userId);
}
