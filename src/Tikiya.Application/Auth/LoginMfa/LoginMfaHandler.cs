using Mediator;
using Microsoft.Extensions.Logging;
using Tikiya.Application.Auth.Login;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Application.Mfa;
using Tikiya.Domain.Devices;

namespace Tikiya.Application.Auth.LoginMfa;

/// <summary>
/// A login's second step (API.md v1.1): the <c>mfaToken</c> of a first step whose password was right, and a TOTP or
/// recovery code. No Argon2 runs: an unknown or spent token is one indexed read and a 401, and a code is an HMAC or a
/// hashed lookup. Codes are counted in the same throttle row as the first step's password (the email's, or its known
/// device's), so a stolen password cannot try them all; a wrong one leaves the token usable. A right one spends the
/// token and opens the session in one transaction, with everything a login settles: the count reset, the device
/// token, the events. The session's <c>amr</c> is <c>["pwd","otp"]</c> for its whole life.
/// </summary>
internal sealed partial class LoginMfaHandler(MfaChallenges challenges, SecondFactorCheck check,
    SessionOpening sessions, LoginAccounts accounts, ILogger<LoginMfaHandler> logger)
    : ICommandHandler<LoginMfaCommand, TokensResponse>
{
    public async ValueTask<TokensResponse> Handle(LoginMfaCommand command, CancellationToken cancellationToken)
    {
        var challenge = await challenges.FindAsync(command.MfaToken, cancellationToken) ?? throw new InvalidMfaTokenException();
        var deviceKey = challenge.Challenge.DeviceTokenId is { } deviceId ? DeviceToken.ThrottleKeyOf(deviceId) : null;
        var (sessionId, tokens) = await check.ProveThenAsync(challenge.User, deviceKey, command.Code, SecondFactorUse.Login,
            async (_, now, ct) =>
            {
                if (now >= challenge.Challenge.ExpiresAt || !await challenges.SpendAsync(challenge.Challenge, ct))
                {
                    throw new InvalidMfaTokenException(); // expired, used meanwhile, or the password changed since
                }

                var session = await sessions.OpenAsync(challenge.User, now, challenge.Challenge.DeviceName, secondFactor: true,
                    ct);
                var deviceToken = await accounts.RenewDeviceAsync(challenge.User.Id, challenge.Challenge.DeviceTokenId, now,
                    ct);
                return (session.Id, session.Tokens with { DeviceToken = deviceToken });
            }, cancellationToken);
        LogSessionOpened(sessionId, challenge.User.Id);
        return tokens;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} opened for user {UserId} with their second factor")]
    private partial void LogSessionOpened(Guid sessionId, Guid userId);
}
