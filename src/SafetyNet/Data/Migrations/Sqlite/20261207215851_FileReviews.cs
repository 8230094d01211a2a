using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FileReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FileReview",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameSize = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReview", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileReviewItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileReviewId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanPresentAndSpecific = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReviewsOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    LinesOfEnquiryFollowed = table.Column<bool>(type: "INTEGER", nullable: true),
                    VictimContactAndNeedsMet = table.Column<bool>(type: "INTEGER", nullable: true),
                    OutcomeAppropriate = table.Column<bool>(type: "INTEGER", nullable: true),
                    Effective = table.Column<bool>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReviewItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FileReviewItem_FileReview_FileReviewId",
                        column: x => x.FileReviewId,
                        principalTable: "FileReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FileReviewItem_FileReviewId_Position",
                table: "FileReviewItem",
                columns: new[] { "FileReviewId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FileReviewItem");

            migrationBuilder.DropTable(
                name: "FileReview");
        }
    }
}
