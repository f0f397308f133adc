using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // A code is looked up by its account and hash; the same code hashes differently on every account.
        builder.HasIndex(c => new { c.UserId, c.CodeHash }).IsUnique();
        builder.Property(c => c.CodeHash).IsRequired();
    }
}
