using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ToTeamId",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToTeamId",
                table: "Referrals",
                column: "ToTeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_ToTeamId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ToTeamId",
                table: "Referrals");
        }
    }
}
