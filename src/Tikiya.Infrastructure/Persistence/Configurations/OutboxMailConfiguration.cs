using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tikiya.Domain.Mail;
using Tikiya.Domain.Users;

namespace Tikiya.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        // Deleting an account deletes its unsent mails (codes included); a notice about the deletion has no account.
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Recipient).HasMaxLength(Email.MaxLength).IsRequired();
        builder.Property(m => m.Template).HasMaxLength(100).IsRequired();
        builder.Property(m => m.Model)
            .HasColumnType("jsonb")
            .HasConversion(
                model => model == null ? null : JsonSerializer.Serialize(model, JsonSerializerOptions.Default),
                json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default),
                new ValueComparer<Dictionary<string, string>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    model => model == null ? 0 : model.Count,
                    model => model == null ? null : new Dictionary<string, string>(model, StringComparer.Ordinal)));
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);
        // The sender's question, "what is due?", reads only pending rows.
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL AND gave_up_at IS NULL");
        builder.HasIndex(m => m.UserId);
        builder.Ignore(m => m.IsPending);
    }
}
