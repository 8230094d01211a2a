using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class VictimSupportOptOutAtIntake : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "VictimSupportOptOut",
                table: "IncidentPeople",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VictimSupportOptOut",
                table: "IncidentPeople");
        }
    }
}
