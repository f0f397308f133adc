using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tikiya.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LoginAttemptsInFlight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "attempts_in_flight",
                table: "login_throttles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reserved_at",
                table: "login_throttles",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "attempts_in_flight",
                table: "login_throttles");

            migrationBuilder.DropColumn(
                name: "last_reserved_at",
                table: "login_throttles");
        }
    }
}
