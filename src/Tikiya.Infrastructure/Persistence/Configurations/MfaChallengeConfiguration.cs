using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Sessions;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class MfaChallengeConfiguration : IEntityTypeConfiguration<MfaChallenge>
{
    public void Configure(EntityTypeBuilder<MfaChallenge> builder)
    {
        builder.ToTable("mfa_challenges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.TokenHash).IsUnique(); // login/mfa starts here
        builder.HasIndex(c => new { c.UserId, c.CreatedAt }); // the per-user cap, disable, the cascade
        builder.HasIndex(c => c.ExpiresAt); // the purge
        builder.Property(c => c.TokenHash).IsRequired();
        builder.Property(c => c.PasswordStamp).IsRequired();
        builder.Property(c => c.DeviceName).HasMaxLength(Session.MaxDeviceNameLength);
    }
}
