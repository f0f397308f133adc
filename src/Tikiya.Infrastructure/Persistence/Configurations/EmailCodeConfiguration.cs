using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.EmailCodes;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class EmailCodeConfiguration : IEntityTypeConfiguration<EmailCode>
{
    public const string OnePerPurposeIndex = "ix_email_codes_user_id_purpose";

    public void Configure(EntityTypeBuilder<EmailCode> builder)
    {
        builder.ToTable("email_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        // One code per account and purpose: a newer mail replaces the row's code instead of adding one (API.md).
        builder.HasIndex(c => new { c.UserId, c.Purpose }).IsUnique().HasDatabaseName(OnePerPurposeIndex);
        builder.HasIndex(c => c.LinkTokenHash).IsUnique(); // verify-email and reset-password by link start here
        builder.HasIndex(c => c.ExpiresAt); // the purge
        builder.Property(c => c.Purpose).HasConversion<short>();
        builder.Property(c => c.Address).HasMaxLength(Email.MaxLength).IsRequired();
        builder.Property(c => c.CodeHash).IsRequired();
        builder.Property(c => c.Version).IsRowVersion();
    }
}
