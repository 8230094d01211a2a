using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseSearchByPartyName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "AsbCaseParties",
                type: "TEXT",
                maxLength: 310,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCases_OpenedAt",
                table: "AsbCases",
                column: "OpenedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AsbCases_OpenedAt",
                table: "AsbCases");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "AsbCaseParties");
        }
    }
}
