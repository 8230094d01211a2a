using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OpenData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenDataCrimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CrimeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FallsWithin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    LsoaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CrimeType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataCrimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    CrimeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OutcomeType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataOutcomes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_CrimeId",
                table: "OpenDataCrimes",
                column: "CrimeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_CrimeType_Month",
                table: "OpenDataCrimes",
                columns: new[] { "CrimeType", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_District_Month",
                table: "OpenDataCrimes",
                columns: new[] { "District", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_RowKey",
                table: "OpenDataCrimes",
                column: "RowKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataOutcomes_CrimeId",
                table: "OpenDataOutcomes",
                column: "CrimeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataOutcomes_RowKey",
                table: "OpenDataOutcomes",
                column: "RowKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenDataCrimes");

            migrationBuilder.DropTable(
                name: "OpenDataOutcomes");
        }
    }
}
