using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mail;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class AddressRequestLimitConfiguration : IEntityTypeConfiguration<AddressRequestLimit>
{
    public const string PrimaryKey = "pk_address_request_limits";

    public void Configure(EntityTypeBuilder<AddressRequestLimit> builder)
    {
        builder.ToTable("address_request_limits");
        builder.HasKey(l => l.Key).HasName(PrimaryKey);
        builder.Property(l => l.Key).HasMaxLength(80); // the kind, a colon and a keyed SHA-256 in hex
        builder.Property(l => l.Version).IsRowVersion();
        builder.HasIndex(l => l.LastRequestAt); // the purge
    }
}
