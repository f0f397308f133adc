using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Tikiya.Infrastructure.Persistence.Migrations;

/// <summary>
/// The first migration: refuses a database that already holds a <c>users</c> table we did not create (SchemaGuard.sql).
/// Its SQL is an embedded file so it reads, and is reviewed, as SQL.
/// </summary>
[DbContext(typeof(TikiyaDbContext))]
[Migration("20261128000000_SchemaGuard")]
public sealed class SchemaGuard : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(EmbeddedSql.Read("SchemaGuard.sql"));

    // Nothing to undo: the guard only reads.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}
