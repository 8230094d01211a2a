using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FrontLine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Incomplete",
                table: "RiskAssessments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "Incidents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MayBeCrimeReason",
                table: "Incidents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultCode",
                table: "Incidents",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficerInCaseId",
                table: "CrimeRecords",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LinkedIncidentId = table.Column<long>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfigVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Vulnerable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enhanced = table.Column<bool>(type: "INTEGER", nullable: false),
                    Elderly = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeskReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EnhancedReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityAssessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OfficerInCaseId_ClosedAt",
                table: "Incidents",
                columns: new[] { "OfficerInCaseId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OwningTeamId_ClosedAt",
                table: "Incidents",
                columns: new[] { "OwningTeamId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_OfficerInCaseId",
                table: "CrimeRecords",
                column: "OfficerInCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentLog_IncidentId",
                table: "IncidentLog",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentLog_LinkedIncidentId",
                table: "IncidentLog",
                column: "LinkedIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityAssessments_IncidentId",
                table: "VulnerabilityAssessments",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityAssessments_PersonId",
                table: "VulnerabilityAssessments",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentLog");

            migrationBuilder.DropTable(
                name: "VulnerabilityAssessments");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_OfficerInCaseId_ClosedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_OwningTeamId_ClosedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_CrimeRecords_OfficerInCaseId",
                table: "CrimeRecords");

            migrationBuilder.DropColumn(
                name: "Incomplete",
                table: "RiskAssessments");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ClosedBy",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "MayBeCrimeReason",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "ResultCode",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "OfficerInCaseId",
                table: "CrimeRecords");
        }
    }
}
