using Microsoft.EntityFrameworkCore;
using Npgsql;
using Tikiya.Application.Common.Errors;
using Tikiya.Application.Common.Interfaces;
using Tikiya.Domain.Devices;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;
using Tikiya.Infrastructure.Persistence.Configurations;

namespace Tikiya.Infrastructure.Persistence;

public sealed class TikiyaDbContext(DbContextOptions<TikiyaDbContext> options) : DbContext(options), IApplicationDbContext
{
    public DbSet<User> Users => Set<User>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();

    public DbSet<DeviceToken> DeviceTokens => Set<DeviceToken>();

    public DbSet<EmailCode> EmailCodes => Set<EmailCode>();

    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();

    public DbSet<MailRequest> MailRequests => Set<MailRequest>();

    public DbSet<AddressRequestLimit> AddressRequestLimits => Set<AddressRequestLimit>();

    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();

    public DbSet<TotpAuthenticator> TotpAuthenticators => Set<TotpAuthenticator>();

    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();

    public DbSet<MfaChallenge> MfaChallenges => Set<MfaChallenge>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UserConfiguration.NormalizedEmailIndex,
        })
        {
            // Two registrations of one email raced past the handler's check: the unique index decides (API.md: one 201, one 409).
            throw new EmailAlreadyRegisteredException();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation,
            ConstraintName: AddressRequestLimitConfiguration.PrimaryKey or EmailCodeConfiguration.OnePerPurposeIndex,
        })
        {
            // Two first inserts of one keyed row raced (an address's limit, an account's code of one purpose): the
            // second lost, as it would have on the row's xmin once the row exists.
            throw new DbUpdateConcurrencyException(e.Message, e);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TikiyaDbContext).Assembly);
}
