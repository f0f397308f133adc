using Microsoft.EntityFrameworkCore;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Throttling;
using Tikiya.Domain.Users;

namespace Tikiya.Application.Common.Interfaces;

/// <summary>
/// The database as handlers see it: EF Core sets, no repositories (STYLE.md §1, ADR-001 of jasontaylordev/CleanArchitecture).
/// </summary>
public interface IApplicationDbContext
{
    DbSet<User> Users { get; }

    DbSet<Session> Sessions { get; }

    DbSet<RefreshToken> RefreshTokens { get; }

    DbSet<LoginThrottle> LoginThrottles { get; }

    /// <summary>Saves; a taken email surfaces as <see cref="Errors.EmailAlreadyRegisteredException"/>.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
