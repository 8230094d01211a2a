using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DigitalForensics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExhibitMovement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExhibitMovement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForensicSubmission",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExhibitReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CustodyClockEndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChargeOrCourtDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SafeguardingRiskNow = table.Column<bool>(type: "INTEGER", nullable: false),
                    NamedSuspect = table.Column<bool>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PriorityReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TriageResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TriageNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TriagedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExaminationStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminationCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExaminationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForensicSubmission", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExhibitMovement_SubmissionId_At",
                table: "ExhibitMovement",
                columns: new[] { "SubmissionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ForensicSubmission_InvestigationId",
                table: "ForensicSubmission",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_ForensicSubmission_Status_Priority_SubmittedAt",
                table: "ForensicSubmission",
                columns: new[] { "Status", "Priority", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExhibitMovement");

            migrationBuilder.DropTable(
                name: "ForensicSubmission");
        }
    }
}
