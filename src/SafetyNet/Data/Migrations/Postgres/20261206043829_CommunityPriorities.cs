using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CommunityPriorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityPriorities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Area = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SetWith = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SetOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityPriorityActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PriorityId = table.Column<long>(type: "bigint", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TakenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPriorityActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityPriorityActions_CommunityPriorities_PriorityId",
                        column: x => x.PriorityId,
                        principalTable: "CommunityPriorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorities_District_Status_ReviewOn",
                table: "CommunityPriorities",
                columns: new[] { "District", "Status", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorityActions_PriorityId",
                table: "CommunityPriorityActions",
                column: "PriorityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityPriorityActions");

            migrationBuilder.DropTable(
                name: "CommunityPriorities");
        }
    }
}
