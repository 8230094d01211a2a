using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubmissionId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    From = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    To = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExhibitMovement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForensicSubmission",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestigationId = table.Column<long>(type: "bigint", nullable: false),
                    DeviceType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ExhibitReference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CustodyClockEndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChargeOrCourtDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SafeguardingRiskNow = table.Column<bool>(type: "boolean", nullable: false),
                    NamedSuspect = table.Column<bool>(type: "boolean", nullable: false),
                    Priority = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PriorityReasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    TargetDays = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TriageResult = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TriageNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TriagedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ExaminationStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExaminationCompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ExaminedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ExaminationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
