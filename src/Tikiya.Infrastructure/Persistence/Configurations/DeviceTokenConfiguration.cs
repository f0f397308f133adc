using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Devices;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class DeviceTokenConfiguration : IEntityTypeConfiguration<DeviceToken>
{
    public void Configure(EntityTypeBuilder<DeviceToken> builder)
    {
        builder.ToTable("device_tokens");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade); // ends with the account
        builder.HasIndex(d => d.TokenHash).IsUnique(); // a login presenting one starts here
        builder.HasIndex(d => new { d.UserId, d.LastUsedAt }); // logout-all, the cap's least recently used, the cascade
        builder.HasIndex(d => d.ExpiresAt); // the purge
        builder.Property(d => d.TokenHash).IsRequired();
    }
}
