using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Api.Resilience;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Infrastructure.Security;

namespace Tikiya.Api.Authentication;

/// <summary>
/// Bearer authentication as API.md states it: a token must satisfy <see cref="JwtContract"/> (the one the issuer signs
/// to), and then the session named by <c>sid</c> must still be active, so a revoked session's access tokens stop
/// working at once.
/// </summary>
internal sealed class JwtBearerSetup(JwtContract contract, RefusalLog refusals) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        options.MapInboundClaims = false; // keep "sub" and "sid" as they are in the token
        options.TokenValidationParameters = contract.CreateValidationParameters();
        options.Events = new JwtBearerEvents { OnTokenValidated = RequireActiveSessionAsync, OnChallenge = LogBadToken };
    }

    /// <summary>
    /// A challenge after a failure is the 401 of a token that was presented and refused (one without a token has no
    /// failure; a database error is rethrown and answered 503, never challenged).
    /// </summary>
    private Task LogBadToken(JwtBearerChallengeContext context)
    {
        if (context.AuthenticateFailure is { } failure)
        {
            refusals.Record(context.HttpContext, RefusalKind.BadToken, StatusCodes.Status401Unauthorized, Reason(failure));
        }

        return Task.CompletedTask;
    }

    private static string Reason(Exception failure) => failure switch
    {
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => "expired", // the latter: JwtContract's own check
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "bad_signature",
        AuthenticationFailureException => "session_ended", // our own context.Fail: the session check refused it
        _ => "invalid",
    };

    private static async Task RequireActiveSessionAsync(TokenValidatedContext context)
    {
        if (!context.Principal.TryGetUserId(out var userId) || !context.Principal.TryGetSessionId(out var sessionId))
        {
            context.Fail("The access token names no user or session.");
            return;
        }

        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<SessionCheckedByHandlerAttribute>() is not null)
        {
            return; // the handler's own query checks it, with what it reads
        }

        var sender = context.HttpContext.RequestServices.GetRequiredService<ISender>();
        if (!await sender.Send(new IsSessionActiveQuery(sessionId, userId), context.HttpContext.RequestAborted))
        {
            context.Fail("The session of this access token has ended.");
        }
    }
}
