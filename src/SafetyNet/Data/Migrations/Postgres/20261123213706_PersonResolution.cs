using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LinkScore",
                table: "IncidentPeople",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkedBy",
                table: "IncidentPeople",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAt",
                table: "IncidentPeople",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeskRoutings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    IdentityId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RuleVersion = table.Column<int>(type: "integer", nullable: false),
                    RoutedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoutedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskRoutings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    FromIdentityId = table.Column<long>(type: "bigint", nullable: false),
                    ToIdentityId = table.Column<long>(type: "bigint", nullable: false),
                    EntryIds = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CandidatePersonId = table.Column<long>(type: "bigint", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
