using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Tikiya.Application.Accounts;
using Tikiya.Application.Accounts.MailRequests;
using Tikiya.Application.Auth;
using Tikiya.Application.Auth.Login;
using Tikiya.Application.Auth.Refresh;
using Tikiya.Application.Auth.Register;
using Tikiya.Application.Auth.Sessions;
using Tikiya.Application.Common;
using Tikiya.Application.Common.Behaviours;
using Tikiya.Application.Mfa;
using Tikiya.Application.Users.ChangeEmail;
using Tikiya.Application.Users.EndSession;

namespace Tikiya.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped; // the default is Singleton; handlers take the DbContext
            options.PipelineBehaviors = [typeof(LoggingBehaviour<,>), typeof(ValidationBehaviour<,>)]; // first = outermost
        });
        services.AddValidatorsFromAssemblyContaining<RegisterValidator>(includeInternalTypes: true);
        services.AddSingleton<TimeProvider>(new MicrosecondTimeProvider(TimeProvider.System));
        services.AddScoped<AccountMails>();
        services.AddScoped<AccountChangeTrail>();
        services.AddScoped<EmailCodeCheck>();
        services.AddScoped<CodeProofs>();
        services.AddScoped<PasswordConfirmation>();
        services.AddScoped<PasswordChange>();
        services.AddScoped<MailRequestIntake>();
        services.AddScoped<ThrottleRows>();
        services.AddScoped<AccountThrottle>();
        services.AddSingleton<SessionTokens>(); // over two singleton ports, and holds nothing of a request
        services.AddScoped<SessionOpening>();
        services.AddScoped<RefreshRotation>();
        services.AddScoped<SecurityEventRecorder>();
        services.AddScoped<LoginAccounts>();
        services.AddScoped<RequestLimits>();
        services.AddScoped<PasswordScreening>();
        services.AddScoped<EmailChangeRequest>();
        services.AddScoped<CallerSessions>();
        services.AddScoped<MfaChallenges>();
        services.AddScoped<SecondFactor>();
        services.AddScoped<SecondFactorCheck>();
        services.AddScoped<RecoveryCodeSet>();
        return services;
    }
}
