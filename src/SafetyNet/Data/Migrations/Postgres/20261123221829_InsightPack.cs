using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InsightPack : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrimeRecordingAudits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Design = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    FrameSize = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecordingAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Incidents = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandDays", x => new { x.Day, x.TypeCode, x.District });
                });

            migrationBuilder.CreateTable(
                name: "PackSnapshots",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackSnapshots", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "StrengthOnDuty",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Shift = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Planned = table.Column<int>(type: "integer", nullable: false),
                    OnDuty = table.Column<int>(type: "integer", nullable: false),
                    NeighbourhoodAbstracted = table.Column<int>(type: "integer", nullable: false),
                    AbstractionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrengthOnDuty", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecordingAuditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuditId = table.Column<long>(type: "bigint", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Stratum = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "integer", nullable: false),
                    ShouldHaveBeenRecorded = table.Column<bool>(type: "boolean", nullable: true),
                    CorrectlyRecorded = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MarkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecordingAuditItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeRecordingAuditItems_CrimeRecordingAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "CrimeRecordingAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_Level_CreatedAt",
                table: "RiskAssessments",
                columns: new[] { "Level", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_DueAt",
                table: "CrimeRecords",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecordingAuditItems_AuditId_Position",
                table: "CrimeRecordingAuditItems",
                columns: new[] { "AuditId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrengthOnDuty_Date_Shift_District",
                table: "StrengthOnDuty",
                columns: new[] { "Date", "Shift", "District" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrimeRecordingAuditItems");

            migrationBuilder.DropTable(
                name: "DemandDays");

            migrationBuilder.DropTable(
                name: "PackSnapshots");

            migrationBuilder.DropTable(
                name: "StrengthOnDuty");

            migrationBuilder.DropTable(
                name: "CrimeRecordingAudits");

            migrationBuilder.DropIndex(
                name: "IX_RiskAssessments_Level_CreatedAt",
                table: "RiskAssessments");

            migrationBuilder.DropIndex(
                name: "IX_CrimeRecords_DueAt",
                table: "CrimeRecords");
        }
    }
}
