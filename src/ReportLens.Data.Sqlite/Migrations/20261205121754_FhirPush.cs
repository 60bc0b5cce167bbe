using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReportLens.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FhirPush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "CaseId",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "ReportId",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_ReportId",
                table: "webhook_deliveries",
                column: "ReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_webhook_deliveries_reports_ReportId",
                table: "webhook_deliveries",
                column: "ReportId",
                principalTable: "reports",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_webhook_deliveries_reports_ReportId",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_ReportId",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "ReportId",
                table: "webhook_deliveries");

            migrationBuilder.AlterColumn<long>(
                name: "CaseId",
                table: "webhook_deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
