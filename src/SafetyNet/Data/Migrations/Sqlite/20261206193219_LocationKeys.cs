using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LocationKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LocationKey",
                table: "Incidents",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LocationKey_ReportedAt",
                table: "Incidents",
                columns: new[] { "LocationKey", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_LocationKey_ReportedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "LocationKey",
                table: "Incidents");
        }
    }
}
