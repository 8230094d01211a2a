using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InvestigationQueueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisoryReviews_CompletedAt_DueAt",
                table: "SupervisoryReviews");

            migrationBuilder.DropIndex(
                name: "IX_Investigation_InvestigatorId_Status",
                table: "Investigation");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_DueAt_Id",
                table: "SupervisoryReviews",
                columns: new[] { "DueAt", "Id" },
                filter: "\"CompletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_InvestigatorId_Status_OpenedAt",
                table: "Investigation",
                columns: new[] { "InvestigatorId", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_Status_Risk_OpenedAt",
                table: "Investigation",
                columns: new[] { "Status", "Risk", "OpenedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SupervisoryReviews_DueAt_Id",
                table: "SupervisoryReviews");

            migrationBuilder.DropIndex(
                name: "IX_Investigation_InvestigatorId_Status_OpenedAt",
                table: "Investigation");

            migrationBuilder.DropIndex(
                name: "IX_Investigation_Status_Risk_OpenedAt",
                table: "Investigation");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_CompletedAt_DueAt",
                table: "SupervisoryReviews",
                columns: new[] { "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_InvestigatorId_Status",
                table: "Investigation",
                columns: new[] { "InvestigatorId", "Status" });
        }
    }
}
