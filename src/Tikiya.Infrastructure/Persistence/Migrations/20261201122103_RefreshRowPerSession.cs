using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tikiya.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RefreshRowPerSession : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sessions already there keep their current token in refresh_tokens: generation 0 (Session.LegacyGeneration)
            // and no hash here. Each moves to this row at its next refresh, so the upgrade logs no one out; nothing is
            // copied now. The model no longer maps xmin, a system column: there is nothing to drop.
            migrationBuilder.AddColumn<long>(
                name: "refresh_generation",
                table: "sessions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<byte[]>(
                name: "refresh_token_hash",
                table: "sessions",
                type: "bytea",
                nullable: true);

            // The purge's query (Session.EndedAt).
            migrationBuilder.CreateIndex(
                name: "ix_sessions_expires_at",
                table: "sessions",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_sessions_revoked_at",
                table: "sessions",
                column: "revoked_at",
                filter: "revoked_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sessions_expires_at",
                table: "sessions");

            migrationBuilder.DropIndex(
                name: "ix_sessions_revoked_at",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "refresh_generation",
                table: "sessions");

            migrationBuilder.DropColumn(
                name: "refresh_token_hash",
                table: "sessions");
        }
    }
}
