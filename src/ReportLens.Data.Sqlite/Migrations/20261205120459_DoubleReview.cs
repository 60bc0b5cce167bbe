using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReportLens.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DoubleReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "review_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AnnotationId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedBy = table.Column<int>(type: "INTEGER", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordJson = table.Column<string>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_assignments_ai_annotations_AnnotationId",
                        column: x => x.AnnotationId,
                        principalTable: "ai_annotations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_review_assignments_AnnotationId_ReviewerId",
                table: "review_assignments",
                columns: new[] { "AnnotationId", "ReviewerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_assignments_ReviewerId",
                table: "review_assignments",
                column: "ReviewerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "review_assignments");
        }
    }
}
