using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Identities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "IdentityId",
                table: "IncidentPeople",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PersonIdentities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DisplayName = table.Column<string>(type: "character varying(310)", maxLength: 310, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MergedIntoId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonIdentities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonIdentities_PersonIdentities_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "PersonIdentities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_IdentityId",
                table: "IncidentPeople",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentities_MergedIntoId",
                table: "PersonIdentities",
                column: "MergedIntoId");

            migrationBuilder.AddForeignKey(
                name: "FK_IncidentPeople_PersonIdentities_IdentityId",
                table: "IncidentPeople",
                column: "IdentityId",
                principalTable: "PersonIdentities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IncidentPeople_PersonIdentities_IdentityId",
                table: "IncidentPeople");

            migrationBuilder.DropTable(
                name: "PersonIdentities");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_IdentityId",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "IdentityId",
                table: "IncidentPeople");
        }
    }
}
