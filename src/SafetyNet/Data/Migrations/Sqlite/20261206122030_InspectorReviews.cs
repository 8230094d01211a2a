using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectorReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ChiefInspectorReviewDueAt",
                table: "AsbCases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InspectorReviewDueAt",
                table: "AsbCases",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChiefInspectorReviewDueAt",
                table: "AsbCases");

            migrationBuilder.DropColumn(
                name: "InspectorReviewDueAt",
                table: "AsbCases");
        }
    }
}
