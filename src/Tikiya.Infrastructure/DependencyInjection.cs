using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Tikiya.Application.Accounts;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Infrastructure.Mail;
using Tikiya.Infrastructure.Configuration;
using Tikiya.Infrastructure.Options;
using Tikiya.Infrastructure.Persistence;
using Tikiya.Infrastructure.Maintenance;
using Tikiya.Infrastructure.Observability;
using Tikiya.Infrastructure.Security;
using Tikiya.Infrastructure.Sessions;
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
        services.AddOptions<LoginThrottleOptions>().BindEnvironment(configuration);
        services.AddOptions<MaintenanceOptions>().BindEnvironment(configuration);
        services.AddOptions<MailOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<AccountOptions>().BindEnvironment(configuration);
        services.AddOptions<SessionOptions>().BindEnvironment(configuration);
        services.AddOptions<MfaOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>();

        services.AddSingleton(sp => NpgsqlDataSourceFactory.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>()));
        // One pool for both: the scope's context (requests) and the ones background work creates for itself.
        services.AddPooledDbContextFactory<TikiyaDbContext>((sp, options) => options
            .UseTikiyaDatabase(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<OutboxSaveInterceptor>(), sp.GetRequiredService<OutboxCommitInterceptor>()));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<TikiyaDbContext>());
        services.AddKeyedScoped<IApplicationDbContext>(IApplicationDbContext.BackgroundWork,
            (sp, _) => BackgroundWorkDbContext.Create(sp));

        services.AddSingleton<LibsodiumPasswordHasher>();
        services.AddSingleton<IsopohPasswordHasher>();
        services.AddSingleton<ManagedArgon2PasswordHasher>();
        services.AddSingleton(sp =>
        {
            var settings = sp.GetRequiredService<IOptions<PasswordHashingOptions>>().Value;
            Argon2PasswordHasher adapter = settings.Hasher switch
            {
                PasswordHashingOptions.Isopoh => sp.GetRequiredService<IsopohPasswordHasher>(),
                PasswordHashingOptions.Managed => sp.GetRequiredService<ManagedArgon2PasswordHasher>(),
                _ => sp.GetRequiredService<LibsodiumPasswordHasher>(),
            };
            return PasswordHasher.Create(adapter, settings.HashingThreads, TimeSpan.FromMilliseconds(settings.WaitMs),
                sp.GetRequiredService<TikiyaMetrics>());
        });
        services.AddSingleton<IPasswordHasher>(sp => sp.GetRequiredService<PasswordHasher>());
        services.AddSingleton<TikiyaMetrics>();
        services.AddHostedService<PasswordHasherWarmUp>();
        services.AddSingleton<IEmailFingerprinter, HmacEmailFingerprinter>();
        services.AddSingleton<ICommonPasswordList, CommonPasswordList>();
        services.AddPasswordBreachCheck(configuration);
        services.AddSingleton<JwtContract>();
        services.AddSingleton<ITokenIssuer, JwtTokenIssuer>();
        services.AddSingleton<IRefreshTokenCodec, RefreshTokenCodec>();
        services.AddSingleton<IDeviceTokenCodec, DeviceTokenCodec>();
        services.AddSingleton<ITotpSecrets, TotpSecrets>();
        services.AddSingleton<IRecoveryCodes, RecoveryCodes>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<LoginThrottleOptions>>().Value.ToPolicy());
        services.AddScoped<ILoginThrottleRows, LoginThrottleRows>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SessionOptions>>().Value.ToPolicy());
        services.AddScoped<ISessionRotation, SessionRotation>();
        services.AddScoped<ILogoutEverywhere, LogoutEverywhere>();
        services.AddScoped<IActiveSessionReads, ActiveSessionReads>();
        services.AddHostedService<PurgeBackgroundService>();
        services.AddAccountMail();
        return services;
    }

    private static void AddPasswordBreachCheck(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PasswordBreachCheckOptions>().BindEnvironment(configuration);
        services.AddSingleton<IValidateOptions<PasswordBreachCheckOptions>, PasswordBreachCheckOptionsValidator>();
        services.AddHttpClient<IBreachedPasswordCheck, PwnedPasswordsRangeCheck>((sp, http) =>
            {
                http.Timeout = TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<PasswordBreachCheckOptions>>().Value.TimeoutMs);
                http.MaxResponseContentBufferSize = 1024 * 1024; // a padded range is ~40 KB: a larger answer is no range
            })
            // The configured URL and nothing else: a redirect could send the hash prefix to any host.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers(); // the factory's loggers write each request's URL, which holds the hash prefix
    }

    /// <summary>The account flows' settings, their secrets, and the outbox with its sender.</summary>
    private static void AddAccountMail(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var accounts = sp.GetRequiredService<IOptions<AccountOptions>>().Value;
            return new AccountPolicy(TimeSpan.FromSeconds(accounts.VerificationTtlSecs), TimeSpan.FromSeconds(accounts.ResetTtlSecs),
                sp.GetRequiredService<IOptions<MailOptions>>().Value.PublicAppUri(), accounts.RequireVerifiedEmail);
        });
        services.AddSingleton<IOneTimeCodes, OneTimeCodes>();
        services.AddScoped<IPendingMailRequests, PendingMailRequests>();
        services.AddSingleton<MailMetrics>();
        services.AddSingleton<MailOutboxSignal>();
        services.AddSingleton<OutboxSaveInterceptor>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<MailTemplateRenderer>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return mail.SmtpUrl.Length > 0 && SmtpEndpoint.TryParse(mail.SmtpUrl, out var endpoint, out _)
                ? new SmtpMailTransport(endpoint)
                : new PickupDirectoryMailTransport(mail.PickupDirectory);
        });
        services.AddSingleton<MailOutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<MailOutboxSender>());
    }
}
