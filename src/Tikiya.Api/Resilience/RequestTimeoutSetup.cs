using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;
using Tikiya.Api.ErrorHandling;

namespace Tikiya.Api.Resilience;

/// <summary>
/// Every request gets HTTP_REQUEST_TIMEOUT_SECS: then its cancellation token fires, which every database call and wait
/// observes, and the client gets a 504 problem, counted by the hosting meter (http.server.request.duration, status 504).
/// </summary>
internal sealed class RequestTimeoutSetup(IOptions<HttpResilienceOptions> resilience) : IConfigureOptions<RequestTimeoutOptions>
{
    public void Configure(RequestTimeoutOptions options) => options.DefaultPolicy = new RequestTimeoutPolicy
    {
        Timeout = resilience.Value.RequestTimeout,
        TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        WriteTimeoutResponse = context => Refusal.WriteAsync(context, StatusCodes.Status504GatewayTimeout, ProblemCodes.Timeout,
            "Request timed out.",
            "The request took longer than the API allows and was stopped; nothing it was doing was saved. Try again.", null),
    };
}
