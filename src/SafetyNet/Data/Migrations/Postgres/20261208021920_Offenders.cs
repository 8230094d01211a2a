using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Offenders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OffenderRecord",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdentityId = table.Column<long>(type: "bigint", nullable: false),
                    PncId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HomeAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    HomeLatitude = table.Column<double>(type: "double precision", nullable: true),
                    HomeLongitude = table.Column<double>(type: "double precision", nullable: true),
                    HomeDistrict = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderRecord", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderRecord_PersonIdentities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "PersonIdentities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CustodySpell",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Establishment = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CustodySpell", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CustodySpell_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntelligenceEntry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceEvaluation = table.Column<int>(type: "integer", nullable: false),
                    Assessment = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    HandlingCode = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    HandlingConditions = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntelligenceEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntelligenceEntry_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffenderArrest",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    ArrestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OffenceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderArrest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderArrest_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffenderCharge",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    ChargedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OffenceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderCharge", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderCharge_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffenderCondition",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReminderDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderCondition", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderCondition_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffenderSanction",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SanctionedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OffenceCode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Disposal = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenderSanction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffenderSanction_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WarningMarker",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningMarker", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningMarker_OffenderRecord_OffenderId",
                        column: x => x.OffenderId,
                        principalTable: "OffenderRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConditionBreach",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConditionId = table.Column<long>(type: "bigint", nullable: false),
                    OffenderId = table.Column<long>(type: "bigint", nullable: false),
                    BreachedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConditionBreach", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConditionBreach_OffenderCondition_ConditionId",
                        column: x => x.ConditionId,
                        principalTable: "OffenderCondition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConditionBreach_ConditionId",
                table: "ConditionBreach",
                column: "ConditionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConditionBreach_OffenderId_BreachedAt",
                table: "ConditionBreach",
                columns: new[] { "OffenderId", "BreachedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodySpell_OffenderId_StartedOn",
                table: "CustodySpell",
                columns: new[] { "OffenderId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CustodySpell_ReleasedOn",
                table: "CustodySpell",
                column: "ReleasedOn");

            migrationBuilder.CreateIndex(
                name: "IX_IntelligenceEntry_OffenderId_RecordedAt",
                table: "IntelligenceEntry",
                columns: new[] { "OffenderId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderArrest_ArrestedAt_Latitude_Longitude",
                table: "OffenderArrest",
                columns: new[] { "ArrestedAt", "Latitude", "Longitude" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderArrest_OffenderId_ArrestedAt",
                table: "OffenderArrest",
                columns: new[] { "OffenderId", "ArrestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderCharge_OffenderId_ChargedOn",
                table: "OffenderCharge",
                columns: new[] { "OffenderId", "ChargedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderCondition_OffenderId_ExpiresOn",
                table: "OffenderCondition",
                columns: new[] { "OffenderId", "ExpiresOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderCondition_ReminderDueAt",
                table: "OffenderCondition",
                column: "ReminderDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_OffenderRecord_HomeDistrict",
                table: "OffenderRecord",
                column: "HomeDistrict");

            migrationBuilder.CreateIndex(
                name: "IX_OffenderRecord_HomeLatitude_HomeLongitude",
                table: "OffenderRecord",
                columns: new[] { "HomeLatitude", "HomeLongitude" });

            migrationBuilder.CreateIndex(
                name: "IX_OffenderRecord_IdentityId",
                table: "OffenderRecord",
                column: "IdentityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffenderSanction_OffenderId_SanctionedOn",
                table: "OffenderSanction",
                columns: new[] { "OffenderId", "SanctionedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningMarker_OffenderId_Kind",
                table: "WarningMarker",
                columns: new[] { "OffenderId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConditionBreach");

            migrationBuilder.DropTable(
                name: "CustodySpell");

            migrationBuilder.DropTable(
                name: "IntelligenceEntry");

            migrationBuilder.DropTable(
                name: "OffenderArrest");

            migrationBuilder.DropTable(
                name: "OffenderCharge");

            migrationBuilder.DropTable(
                name: "OffenderSanction");

            migrationBuilder.DropTable(
                name: "WarningMarker");

            migrationBuilder.DropTable(
                name: "OffenderCondition");

            migrationBuilder.DropTable(
                name: "OffenderRecord");
        }
    }
}
