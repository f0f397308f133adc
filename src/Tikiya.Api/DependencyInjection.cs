using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Tikiya.Api.Authentication;
using Tikiya.Api.Configuration;
using Tikiya.Api.ErrorHandling;
using Tikiya.Api.Health;
using Tikiya.Infrastructure.Configuration;

namespace Tikiya.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().BindEnvironment(configuration);
        services.AddOptions<HttpResilienceOptions>().BindEnvironment(configuration);
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelSetup>();

        services.AddControllers(options =>
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true) // FluentValidation owns the rules
            .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = InvalidRequestBody.Respond);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDefaults.Apply);
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorization();

        services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("database", tags: [HealthResponses.ReadyTag], timeout: TimeSpan.FromSeconds(5));
        services.AddOpenApi();
        return services;
    }
}
