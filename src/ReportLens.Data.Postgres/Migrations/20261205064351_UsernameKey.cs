using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReportLens.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UsernameKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NormalizedUsername",
                table: "users",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            // Existing names get their key; names that already differ only in case (created before the key
            // existed) keep signing in by their exact name, and all but the oldest get a key suffixed with their id
            // so the unique index can be built. SQL UPPER folds what the provider folds (SQLite: ASCII only).
            migrationBuilder.Sql("""UPDATE users SET "NormalizedUsername" = UPPER(TRIM("Username"))""");
            migrationBuilder.Sql("""
                UPDATE users SET "NormalizedUsername" = SUBSTR("NormalizedUsername", 1, 88) || '#' || CAST("Id" AS TEXT)
                WHERE EXISTS (SELECT 1 FROM users o WHERE o."NormalizedUsername" = users."NormalizedUsername" AND o."Id" < users."Id")
                """);

            migrationBuilder.CreateIndex(
                name: "IX_users_NormalizedUsername",
                table: "users",
                column: "NormalizedUsername",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_NormalizedUsername",
                table: "users");

            migrationBuilder.DropColumn(
                name: "NormalizedUsername",
                table: "users");
        }
    }
}
