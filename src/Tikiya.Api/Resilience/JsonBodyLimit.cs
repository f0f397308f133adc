using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Tikiya.Api.Configuration;

namespace Tikiya.Api.Resilience;

/// <summary>
/// The controllers' bodies are small JSON documents: each action gets HTTP_MAX_JSON_BODY_BYTES as its request size
/// limit, which routing sets on the request (IRequestSizeLimitMetadata) before the body is read, so Kestrel stops a
/// larger one, chunked or not, with the 413 problem of the global limit (payload_too_large).
/// </summary>
internal static class JsonBodyLimit
{
    public static ControllerActionEndpointConventionBuilder WithJsonBodyLimit(this ControllerActionEndpointConventionBuilder controllers,
        IServiceProvider services)
    {
        var limit = services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value.MaxJsonBodyBytes;
        return controllers.WithMetadata(new RequestSizeLimitAttribute(limit));
    }
}
