using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Tikiya.Domain.Devices;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The database as handlers see it: EF Core sets, no repositories (STYLE.md §1, ADR-001 of jasontaylordev/CleanArchitecture).
/// </summary>
public interface IApplicationDbContext
{
    /// <summary>
    /// The key of the context for background work (<c>[FromKeyedServices(BackgroundWork)]</c>): its own, not the
    /// scope's, with a command timeout for maintenance instead of the request timeout.
    /// </summary>
    const string BackgroundWork = "background-work";

    DbSet<User> Users { get; }

    DbSet<Session> Sessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<LoginThrottle> LoginThrottles { get; }

    DbSet<DeviceToken> DeviceTokens { get; }

    DbSet<EmailCode> EmailCodes { get; }

    DbSet<OutboxMail> OutboxMails { get; }

    DbSet<MailRequest> MailRequests { get; }

    DbSet<AddressRequestLimit> AddressRequestLimits { get; }

    DbSet<SecurityEvent> SecurityEvents { get; }

    DbSet<TotpAuthenticator> TotpAuthenticators { get; }

    DbSet<RecoveryCode> RecoveryCodes { get; }

    DbSet<MfaChallenge> MfaChallenges { get; }

    /// <summary>For a handler that opens its own transaction, when a save and a bulk UPDATE must commit together.</summary>
    DatabaseFacade Database { get; }

    /// <summary>For a unit of work that failed after tracking changes: cleared, a later save in the scope writes none of them.</summary>
    ChangeTracker ChangeTracker { get; }

    /// <summary>
    /// Saves; a taken email surfaces as <see cref="Errors.EmailAlreadyRegisteredException"/>, and a row another request
    /// wrote first (an xmin check, or the first insert of a keyed row) as <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
