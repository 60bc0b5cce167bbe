using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReportLens.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TokenUsage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ThinkingTokens",
                table: "jobs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "ThinkingTokens",
                table: "ai_annotations",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ai_annotations_CreatedAt",
                table: "ai_annotations",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ai_annotations_CreatedAt",
                table: "ai_annotations");

            migrationBuilder.DropColumn(
                name: "ThinkingTokens",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "ThinkingTokens",
                table: "ai_annotations");
        }
    }
}
