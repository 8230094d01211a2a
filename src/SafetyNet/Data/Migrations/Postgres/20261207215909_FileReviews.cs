using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Design = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    FrameSize = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReview", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileReviewItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileReviewId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    InvestigationId = table.Column<long>(type: "bigint", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "integer", nullable: false),
                    PlanPresentAndSpecific = table.Column<bool>(type: "boolean", nullable: true),
                    ReviewsOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    LinesOfEnquiryFollowed = table.Column<bool>(type: "boolean", nullable: true),
                    VictimContactAndNeedsMet = table.Column<bool>(type: "boolean", nullable: true),
                    OutcomeAppropriate = table.Column<bool>(type: "boolean", nullable: true),
                    Effective = table.Column<bool>(type: "boolean", nullable: true),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
