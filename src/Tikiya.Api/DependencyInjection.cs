using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Tikiya.Api.Authentication;
using Tikiya.Api.Configuration;
using Tikiya.Api.ErrorHandling;
using Tikiya.Api.Health;
using Tikiya.Api.Observability;
using Tikiya.Api.OpenApi;
using Tikiya.Api.Resilience;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Configuration;
using Tikiya.Infrastructure.Options;

namespace Tikiya.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().BindEnvironment(configuration);
        services.AddOptions<HttpResilienceOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<HttpResilienceOptions>, HttpResilienceOptionsValidator>();
        // No query outlives its request. An invalid request timeout is left to its own validation line, so that it
        // does not hide the database's.
        services.AddOptions<DatabaseOptions>().Configure<IOptions<HttpResilienceOptions>>((database, http) =>
        {
            if (http.TryGetValid(out var resilience))
            {
                database.CommandTimeoutSecs = resilience.RequestTimeoutSecs;
            }
        });
        services.AddOptions<RateLimitOptions>().BindEnvironment(configuration);
        services.AddOptions<ProxyOptions>().BindEnvironment(configuration);
        services.AddOptions<ApiDocsOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidator>();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelSetup>();
        services.AddSingleton<IConfigureOptions<HostOptions>, HostShutdownSetup>();

        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersSetup>();
        services.AddSingleton<RefusalLog>();
        services.AddRateLimiter();
        services.AddSingleton<IConfigureOptions<RateLimiterOptions>, RateLimiterSetup>();
        services.AddRequestTimeouts();
        services.AddSingleton<IConfigureOptions<RequestTimeoutOptions>, RequestTimeoutSetup>();

        services.AddControllers(options =>
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true) // FluentValidation owns the rules
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidRequestBody.Respond);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonFallbackWriter>(); // after the framework's: the last resort
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        // No default scheme (AppContextSwitches.props): only [Authorize] endpoints read the bearer token.
        services.AddAuthentication().AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICaller, HttpContextCaller>();
        services.AddAuthorizationBuilder().SetDefaultPolicy(
            new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser().Build());

        services.AddSingleton<CachedReadyHealthCheck>(); // one cache per instance, around a database check per scope
        services.AddHealthChecks()
            .AddCheck<CachedReadyHealthCheck>("database", tags: [HealthResponses.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddTikiyaOpenApi();
        services.AddTikiyaMetrics();
        return services;
    }
}
