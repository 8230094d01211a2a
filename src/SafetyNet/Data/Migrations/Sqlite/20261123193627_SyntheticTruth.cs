using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyntheticTruth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SyntheticTruth",
                columns: table => new
                {
                    IncidentPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Identity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyntheticTruth", x => x.IncidentPersonId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SyntheticTruth_Identity",
                table: "SyntheticTruth",
                column: "Identity");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SyntheticTruth");
        }
    }
}
