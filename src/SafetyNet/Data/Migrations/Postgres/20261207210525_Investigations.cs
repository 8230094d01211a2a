using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Investigations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Investigation",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CrimeRecordId = table.Column<long>(type: "bigint", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    CrimeGroup = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Risk = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DomesticAbuse = table.Column<bool>(type: "boolean", nullable: false),
                    VulnerableVictim = table.Column<bool>(type: "boolean", nullable: false),
                    Sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    RequiredPipLevel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: true),
                    InvestigatorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AllocatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AllocatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    BelowLevelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OutcomeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    FinalisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinalisedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InvestigationEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvestigationId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Investigator",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PipLevel = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigator", x => x.UserId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_CrimeRecordId",
                table: "Investigation",
                column: "CrimeRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_InvestigatorId_Status",
                table: "Investigation",
                columns: new[] { "InvestigatorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_Status_OpenedAt",
                table: "Investigation",
                columns: new[] { "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_TeamId_Status",
                table: "Investigation",
                columns: new[] { "TeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationEvent_InvestigationId_At",
                table: "InvestigationEvent",
                columns: new[] { "InvestigationId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Investigation");

            migrationBuilder.DropTable(
                name: "InvestigationEvent");

            migrationBuilder.DropTable(
                name: "Investigator");
        }
    }
}
