using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CrimeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FallsWithin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LsoaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: false),
                    LsoaName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CrimeType = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    LastOutcome = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Context = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataCrimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RowKey = table.Column<string>(type: "character varying(160)", maxLength: 160, nullable: false),
                    CrimeId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    OutcomeType = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    LsoaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true)
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
