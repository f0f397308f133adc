using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public const string NormalizedEmailIndex = "ux_users_normalized_email";

    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users"); // explicit despite snake_case naming: the schema guard depends on it
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).HasColumnType("uuid").ValueGeneratedNever();
        builder.Property(u => u.Email)
            .HasConversion(email => email.Value, value => Email.FromStorage(value)) // reading trusts what was stored
            .HasMaxLength(Email.MaxLength)
            .IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(Email.MaxLength).IsRequired();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique().HasDatabaseName(NormalizedEmailIndex);
        builder.Property(u => u.PasswordHash).IsRequired();
        builder.Property(u => u.CreatedAt).IsRequired();
        builder.Ignore(u => u.EmailVerified);
    }
}
