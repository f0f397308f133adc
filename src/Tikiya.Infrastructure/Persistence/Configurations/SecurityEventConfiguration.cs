using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.SecurityEvents;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        // The type as the API names it, in text, so an operator's plain SQL reads and filters it (docs/operations.md);
        // the CHECK keeps any other word out.
        var names = string.Join(", ", SecurityEventTypeNames.All.Select(name => $"'{name}'"));
        builder.ToTable("security_events", table => table.HasCheckConstraint("ck_security_events_type", $"type IN ({names})"));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        // Events end with the account (API.md v1.1: a deletion removes everything attached to it).
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Type)
            .HasConversion(type => SecurityEventTypeNames.Of(type), name => SecurityEventTypeNames.Parse(name))
            .IsRequired();
        builder.Property(e => e.IpAddress).HasColumnType("inet");
        builder.Property(e => e.UserAgent).HasMaxLength(Session.MaxUserAgentLength);
        // An account's events, newest first (the list, the per-account pruning, an operator's query; the cascade).
        builder.HasIndex(e => new { e.UserId, e.OccurredAt }).IsDescending(false, true);
        builder.HasIndex(e => e.OccurredAt); // the purge of those older than 90 days
    }
}
