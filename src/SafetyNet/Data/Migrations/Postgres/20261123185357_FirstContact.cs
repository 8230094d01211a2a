using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfigurationVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CrimeRecordId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OffenceSubgroup = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CrimeReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TransferredTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    VictimId = table.Column<long>(type: "bigint", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CrimeReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    OffenceSubgroup = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    PoliceUkCategory = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OccurredFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OccurredTo = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TypeCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    LocationText = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Uprn = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    LsoaCode = table.Column<string>(type: "character varying(9)", maxLength: 9, nullable: true),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Rural = table.Column<bool>(type: "boolean", nullable: false),
                    SourceSystem = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SourceReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OffenderNearby = table.Column<bool>(type: "boolean", nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "boolean", nullable: false),
                    MayBeCrime = table.Column<bool>(type: "boolean", nullable: false),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    GradeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    GradeConfigVersion = table.Column<int>(type: "integer", nullable: true),
                    GradedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    GradedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RegradeReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AttendanceDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NoAttendanceOverrideBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NoAttendanceOverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ThriveDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ThriveCompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OfficerInCaseId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OwningTeamId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    InstrumentCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    AnswersJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    ComputedLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OverrideReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsReassessment = table.Column<bool>(type: "boolean", nullable: false),
                    SupersedesId = table.Column<long>(type: "bigint", nullable: true),
                    ReferralFlag = table.Column<bool>(type: "boolean", nullable: false),
                    ReferralName = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThriveAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Threat = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Harm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Risk = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Vulnerability = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Engagement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "boolean", nullable: false),
                    SafeguardingAdvice = table.Column<bool>(type: "boolean", nullable: false),
                    ScenePreservationAdvice = table.Column<bool>(type: "boolean", nullable: false),
                    CrimePreventionAdvice = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThriveAssessments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MiddleName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    Sex = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    MatchKey = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
