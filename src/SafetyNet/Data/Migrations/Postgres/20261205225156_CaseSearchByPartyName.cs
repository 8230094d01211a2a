using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseSearchByPartyName : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<string>(
                name: "Name",
                table: "AsbCaseParties",
                type: "character varying(310)",
                maxLength: 310,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCases_OpenedAt",
                table: "AsbCases",
                column: "OpenedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseParties_Name",
                table: "AsbCaseParties",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AsbCases_OpenedAt",
                table: "AsbCases");

            migrationBuilder.DropIndex(
                name: "IX_AsbCaseParties_Name",
                table: "AsbCaseParties");

            migrationBuilder.DropColumn(
                name: "Name",
                table: "AsbCaseParties");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
