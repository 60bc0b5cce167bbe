using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReportLens.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Hl7Intake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hl7_messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ControlId = table.Column<string>(type: "TEXT", maxLength: 199, nullable: false),
                    AccessionNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SendingApplication = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: true),
                    Ack = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hl7_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hl7_messages_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "report_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportContent = table.Column<string>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Modality = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BodyPart = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SupersededBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_report_versions_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hl7_messages_ControlId_AccessionNumber",
                table: "hl7_messages",
                columns: new[] { "ControlId", "AccessionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hl7_messages_ReportId",
                table: "hl7_messages",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_report_versions_ReportId_Version",
                table: "report_versions",
                columns: new[] { "ReportId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hl7_messages");

            migrationBuilder.DropTable(
                name: "report_versions");
        }
    }
}
