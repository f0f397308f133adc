using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.ToTable("sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId); // logout-all, and the foreign key's cascade
        // The purge (Session.EndedAt: revoked, or expired): PostgreSQL ORs the two indexes; only revoked rows are in the second.
        builder.HasIndex(s => s.ExpiresAt);
        builder.HasIndex(s => s.RevokedAt).HasFilter("revoked_at IS NOT NULL");
        builder.Property(s => s.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        builder.Property(s => s.IpAddress).HasColumnType("inet");
        builder.Property(s => s.DeviceName).HasMaxLength(Session.MaxDeviceNameLength);
        // A session that an instance of the release before this one opens during a rolling upgrade names no
        // generation: it is a legacy one (its token is a refresh_tokens row), as the sessions that were there before.
        builder.Property(s => s.RefreshGeneration).HasDefaultValue(Session.LegacyGeneration);
    }
}
