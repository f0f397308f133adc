using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class MailRequestConfiguration : IEntityTypeConfiguration<MailRequest>
{
    public void Configure(EntityTypeBuilder<MailRequest> builder)
    {
        builder.ToTable("mail_requests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<short>();
        builder.Property(r => r.Email).HasMaxLength(Email.MaxLength).IsRequired();
        builder.HasIndex(r => r.RequestedAt);
    }
}
