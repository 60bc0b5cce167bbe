using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ReportLens.Data.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ControlId = table.Column<string>(type: "character varying(199)", maxLength: 199, nullable: false),
                    AccessionNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SendingApplication = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReportId = table.Column<int>(type: "integer", nullable: true),
                    Ack = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ReportContent = table.Column<string>(type: "text", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Modality = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    BodyPart = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ExamDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SupersededBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
