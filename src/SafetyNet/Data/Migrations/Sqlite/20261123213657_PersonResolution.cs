using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonResolution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkReasons",
                table: "IncidentPeople",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LinkScore",
                table: "IncidentPeople",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedBy",
                table: "IncidentPeople",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "IncidentPeople",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeskRoutings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoutedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskRoutings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromIdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToIdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidatePersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityReviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_ResolvedAt",
                table: "IncidentPeople",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeskRoutings_IdentityId",
                table: "DeskRoutings",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskRoutings_IncidentId_PersonId_Reason",
                table: "DeskRoutings",
                columns: new[] { "IncidentId", "PersonId", "Reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeskRoutings_RoutedAt",
                table: "DeskRoutings",
                column: "RoutedAt");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityChanges_FromIdentityId",
                table: "IdentityChanges",
                column: "FromIdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityChanges_ToIdentityId",
                table: "IdentityChanges",
                column: "ToIdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReviews_CandidatePersonId",
                table: "IdentityReviews",
                column: "CandidatePersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReviews_PersonId",
                table: "IdentityReviews",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityReviews_Status_Score",
                table: "IdentityReviews",
                columns: new[] { "Status", "Score" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeskRoutings");

            migrationBuilder.DropTable(
                name: "IdentityChanges");

            migrationBuilder.DropTable(
                name: "IdentityReviews");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_ResolvedAt",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "LinkReasons",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "LinkScore",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "LinkedBy",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "IncidentPeople");
        }
    }
}
