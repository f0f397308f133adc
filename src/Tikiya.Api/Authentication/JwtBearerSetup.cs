using Mediator;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Api.Authentication;

/// <summary>
/// Bearer authentication as API.md states it: HS256 only (so "none" and every other algorithm fail), the configured
/// issuer and audience, a lifetime checked against <see cref="TimeProvider"/> with a small skew, and then the session
/// named by <c>sid</c> must still be active, so a revoked session's access tokens stop working at once.
/// </summary>
internal sealed class JwtBearerSetup(IOptions<JwtOptions> jwt, TimeProvider time) : IConfigureNamedOptions<JwtBearerOptions>
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public void Configure(string? name, JwtBearerOptions options) => Configure(options);

    public void Configure(JwtBearerOptions options)
    {
        var settings = jwt.Value;
        options.MapInboundClaims = false; // keep "sub" and "sid" as they are in the token
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = settings.CreateSigningKey(),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            LifetimeValidator = IsWithinLifetime,
            NameClaimType = JwtRegisteredClaimNames.Sub,
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = RequireActiveSessionAsync };
    }

    // The framework's own check reads the system clock; this one reads TimeProvider, like every other time in the API.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } end && now < end + parameters.ClockSkew && (notBefore is not { } start || now >= start - parameters.ClockSkew);
    }

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
