using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CrimeGroup = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DomesticAbuse = table.Column<bool>(type: "INTEGER", nullable: false),
                    VulnerableVictim = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequiredPipLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    InvestigatorId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AllocatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AllocatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BelowLevelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OutcomeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    FinalisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Investigation", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InvestigationEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvestigationEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Investigator",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PipLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
