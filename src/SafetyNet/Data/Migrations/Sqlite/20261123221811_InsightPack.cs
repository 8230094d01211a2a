using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameSize = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecordingAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Incidents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandDays", x => new { x.Day, x.TypeCode, x.District });
                });

            migrationBuilder.CreateTable(
                name: "PackSnapshots",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackSnapshots", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "StrengthOnDuty",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Shift = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Planned = table.Column<int>(type: "INTEGER", nullable: false),
                    OnDuty = table.Column<int>(type: "INTEGER", nullable: false),
                    NeighbourhoodAbstracted = table.Column<int>(type: "INTEGER", nullable: false),
                    AbstractionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrengthOnDuty", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecordingAuditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuditId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ShouldHaveBeenRecorded = table.Column<bool>(type: "INTEGER", nullable: true),
                    CorrectlyRecorded = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
