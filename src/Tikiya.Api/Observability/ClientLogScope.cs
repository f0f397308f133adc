using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Common;

namespace Tikiya.Api.Observability;

/// <summary>
/// Opens, around each request, a log scope with the client's address and user agent, so that every line logged while
/// it is served (a login, a refusal, a bad token) says who asked, in one place rather than in each message; the JSON
/// console log writes scopes as properties (appsettings.json: IncludeScopes). The address is the caller's (the
/// forwarded one behind a trusted proxy), so this runs after the forwarded headers. The user agent is cut as sessions
/// cut it, so a client cannot make lines long; neither is ever an email or a token.
/// </summary>
internal sealed class ClientLogScope(RequestDelegate next, ILogger<ClientLogScope> logger)
{
    private static readonly Func<ILogger, string?, string?, IDisposable?> Scope =
        LoggerMessage.DefineScope<string?, string?>("Client {ClientAddress} {UserAgent}");

    public async Task InvokeAsync(HttpContext context, ICaller caller)
    {
        using (Scope(logger, caller.IpAddress?.ToString(), UserAgentText.Truncate(caller.UserAgent)))
        {
            await next(context);
        }
    }
}
