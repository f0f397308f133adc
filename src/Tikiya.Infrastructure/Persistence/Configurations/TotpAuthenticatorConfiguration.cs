using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mfa;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class TotpAuthenticatorConfiguration : IEntityTypeConfiguration<TotpAuthenticator>
{
    public void Configure(EntityTypeBuilder<TotpAuthenticator> builder)
    {
        builder.ToTable("totp_authenticators");
        builder.HasKey(a => a.UserId); // one per account
        builder.HasOne<User>().WithOne().HasForeignKey<TotpAuthenticator>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(a => a.SecretCiphertext).IsRequired();
        builder.Property(a => a.KeyId).IsRequired();
        builder.HasIndex(a => a.CreatedAt).HasFilter("confirmed_at IS NULL"); // the purge of enrolments never confirmed
        builder.Ignore(a => a.IsConfirmed);
    }
}
