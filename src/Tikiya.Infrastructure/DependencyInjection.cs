using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Configuration;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;
using Tikiya.Infrastructure.Maintenance;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Security;
using Tikiya.Infrastructure.Throttling;

namespace Tikiya.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DatabaseOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.AddOptions<JwtOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddOptions<PasswordHashingOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
        services.AddOptions<LoginThrottleOptions>().BindEnvironment(configuration);
        services.AddOptions<MaintenanceOptions>().BindEnvironment(configuration);

        services.AddSingleton(sp => NpgsqlDataSourceFactory.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>()));
        services.AddDbContextPool<TikiyaDbContext>((sp, options) =>
            options.UseTikiyaDatabase(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<TikiyaDbContext>());

        services.AddSingleton<LibsodiumPasswordHasher>();
        services.AddSingleton<IsopohPasswordHasher>();
        services.AddSingleton<IPasswordHasher>(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<PasswordHashingOptions>>().Value;
            IPasswordHasher adapter = settings.Hasher == PasswordHashingOptions.Isopoh
                ? sp.GetRequiredService<IsopohPasswordHasher>()
                : sp.GetRequiredService<LibsodiumPasswordHasher>();
            return new DedicatedThreadPasswordHasher(adapter, settings.HashingThreads);
        });
        services.AddSingleton<TikiyaMetrics>();
        services.AddSingleton<PasswordHashingBulkhead>();
        services.AddSingleton<IPasswordHashingCapacity>(sp => sp.GetRequiredService<PasswordHashingBulkhead>());
        services.AddHostedService<PasswordHasherWarmUp>();
        services.AddSingleton<IEmailFingerprinter, HmacEmailFingerprinter>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LoginThrottleOptions>>().Value.ToPolicy());
        services.AddScoped<ILoginThrottleStore, LoginThrottleStore>();
        services.AddHostedService<PurgeBackgroundService>();
        return services;
    }
}
