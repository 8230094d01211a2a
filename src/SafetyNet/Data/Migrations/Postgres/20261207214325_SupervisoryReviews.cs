using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupervisoryReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupervisoryReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestigationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RiskBefore = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RiskAfter = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ActionsChecked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    QualityNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NewActions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextReviewDue = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisoryReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_CompletedAt_DueAt",
                table: "SupervisoryReviews",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_InvestigationId_DueAt",
                table: "SupervisoryReviews",
                columns: new[] { "InvestigationId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupervisoryReviews");
        }
    }
}
