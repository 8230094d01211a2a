using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnersOnScreens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "VictimContacts",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Made");

            migrationBuilder.AddColumn<DateTime>(
                name: "AnsweredAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AnsweredBy",
                table: "Referrals",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeclineReason",
                table: "Referrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DismissReason",
                table: "Referrals",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FeedbackDueAt",
                table: "Referrals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ToTeamId",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AsbMeetings",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "AsbPanel");

            migrationBuilder.AlterColumn<long>(
                name: "CaseId",
                table: "AsbMeetingItems",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<long>(
                name: "ReferralId",
                table: "AsbMeetingItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RepeatListing",
                table: "AsbMeetingItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "MaracActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaracActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaracActions_AsbMeetingItems_MeetingItemId",
                        column: x => x.MeetingItemId,
                        principalTable: "AsbMeetingItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferralContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralContacts_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToTeamId",
                table: "Referrals",
                column: "ToTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbMeetingItems_ReferralId",
                table: "AsbMeetingItems",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_MaracActions_MeetingItemId",
                table: "MaracActions",
                column: "MeetingItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralContacts_ReferralId",
                table: "ReferralContacts",
                column: "ReferralId");

            migrationBuilder.AddForeignKey(
                name: "FK_AsbMeetingItems_Referrals_ReferralId",
                table: "AsbMeetingItems",
                column: "ReferralId",
                principalTable: "Referrals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AsbMeetingItems_Referrals_ReferralId",
                table: "AsbMeetingItems");

            migrationBuilder.DropTable(
                name: "MaracActions");

            migrationBuilder.DropTable(
                name: "ReferralContacts");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ToTeamId",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_AsbMeetingItems_ReferralId",
                table: "AsbMeetingItems");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "VictimContacts");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "AnsweredBy",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "DeclineReason",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "DismissReason",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "FeedbackDueAt",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ToTeamId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AsbMeetings");

            migrationBuilder.DropColumn(
                name: "ReferralId",
                table: "AsbMeetingItems");

            migrationBuilder.DropColumn(
                name: "RepeatListing",
                table: "AsbMeetingItems");

            migrationBuilder.AlterColumn<long>(
                name: "CaseId",
                table: "AsbMeetingItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
