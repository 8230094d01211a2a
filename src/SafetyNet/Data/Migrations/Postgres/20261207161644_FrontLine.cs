using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedBy",
                table: "Incidents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MayBeCrimeReason",
                table: "Incidents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultCode",
                table: "Incidents",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficerInCaseId",
                table: "CrimeRecords",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LinkedIncidentId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    ConfigVersion = table.Column<int>(type: "integer", nullable: false),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AnswersJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Vulnerable = table.Column<bool>(type: "boolean", nullable: false),
                    Enhanced = table.Column<bool>(type: "boolean", nullable: false),
                    Elderly = table.Column<bool>(type: "boolean", nullable: false),
                    DeskReasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EnhancedReasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityAssessments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LocationText_Trigram",
                table: "Incidents",
                column: "LocationText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Narrative_Trigram",
                table: "Incidents",
                column: "Narrative")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OfficerInCaseId_ClosedAt",
                table: "Incidents",
                columns: new[] { "OfficerInCaseId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OwningTeamId_ClosedAt",
                table: "Incidents",
                columns: new[] { "OwningTeamId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_Address_Trigram",
                table: "IncidentPeople",
                column: "Address")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_DateOfBirth",
                table: "IncidentPeople",
                column: "DateOfBirth");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_LastName_Trigram",
                table: "IncidentPeople",
                column: "LastName")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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
                name: "IX_Incidents_LocationText_Trigram",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Narrative_Trigram",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_OfficerInCaseId_ClosedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_OwningTeamId_ClosedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_Address_Trigram",
                table: "IncidentPeople");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_DateOfBirth",
                table: "IncidentPeople");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_LastName_Trigram",
                table: "IncidentPeople");

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
