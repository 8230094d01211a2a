using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FirstContact : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConfigurationVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfigurationVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OffenceSubgroup = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CrimeReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TransferredTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    VictimId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CrimeReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OffenceSubgroup = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    PoliceUkCategory = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OccurredTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    LocationText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Uprn = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Rural = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OffenderNearby = table.Column<bool>(type: "INTEGER", nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayBeCrime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    GradeConfigVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    GradedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GradedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RegradeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AttendanceDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoAttendanceOverrideBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NoAttendanceOverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ThriveDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThriveCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficerInCaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwningTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    InstrumentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsReassessment = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralFlag = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThriveAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Threat = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Harm = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vulnerability = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Engagement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafeguardingAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScenePreservationAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrimePreventionAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThriveAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    MatchKey = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPeople_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationVersions_Key_Version",
                table: "ConfigurationVersions",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeDecisions_CrimeRecordId",
                table: "CrimeDecisions",
                column: "CrimeRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_CrimeReference",
                table: "CrimeRecords",
                column: "CrimeReference");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_IncidentId",
                table: "CrimeRecords",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_Status_DueAt",
                table: "CrimeRecords",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_IncidentId",
                table: "IncidentPeople",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_LastName",
                table: "IncidentPeople",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_MatchKey",
                table: "IncidentPeople",
                column: "MatchKey");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AttendanceDueAt",
                table: "Incidents",
                column: "AttendanceDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LocationText",
                table: "Incidents",
                column: "LocationText");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Reference",
                table: "Incidents",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReportedAt",
                table: "Incidents",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SourceSystem_SourceReference",
                table: "Incidents",
                columns: new[] { "SourceSystem", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ThriveDueAt",
                table: "Incidents",
                column: "ThriveDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_TypeCode_ReportedAt",
                table: "Incidents",
                columns: new[] { "TypeCode", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_IncidentId",
                table: "RiskAssessments",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ThriveAssessments_IncidentId",
                table: "ThriveAssessments",
                column: "IncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConfigurationVersions");

            migrationBuilder.DropTable(
                name: "CrimeDecisions");

            migrationBuilder.DropTable(
                name: "CrimeRecords");

            migrationBuilder.DropTable(
                name: "IncidentPeople");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "ThriveAssessments");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
