using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Sessions;

namespace Tikiya.Infrastructure.Persistence.Configurations;

/// <summary>The refresh tokens issued before tokens named their session; read only (see <see cref="RefreshToken"/>).</summary>
internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> builder)
    {
        builder.ToTable("refresh_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasOne<Session>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.TokenHash).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique(); // a v1 token's refresh, logout and reuse check start here
        builder.HasIndex(t => t.ExpiresAt); // the purge job
        builder.Ignore(t => t.WasRotated);
        builder.Ignore(t => t.Generation);
    }
}
