using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_LocationText_Trigram",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Narrative_Trigram",
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
        }
    }
}
