using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Victims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentVia = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ToAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Consent = table.Column<bool>(type: "INTEGER", nullable: true),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FeedbackAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FeedbackBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReferrerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecoveryTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecoveryTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    IncidentTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallHandler = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContactChannel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContactAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SendAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TemplateName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    TemplateVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvitationId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    OfficerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CallHandler = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ContactChannel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContactHour = table.Column<int>(type: "INTEGER", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    Satisfied = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TeamAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PoorAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VictimContactContracts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    VictimId = table.Column<long>(type: "INTEGER", nullable: false),
                    CrimeReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PreferredChannel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SafeToContact = table.Column<bool>(type: "INTEGER", nullable: false),
                    AgreedFrequencyDays = table.Column<int>(type: "INTEGER", nullable: true),
                    AgreedUpdatePoints = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NeedsAssessment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SpecialMeasures = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Enhanced = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnhancedReasons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EnhancedByHandReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Vps = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VpsOfferedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VpsTakenAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VpsDeclinedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VictimSupportOptOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    VictimSupportOptIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    Bereaved = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutOfCourtView = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OutOfCourtViewAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficerInCaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimContactContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VictimContactDues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Enhanced = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MetAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContactId = table.Column<long>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OfficerInCaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimContactDues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VictimContacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContractId = table.Column<long>(type: "INTEGER", nullable: false),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContactedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RightToReviewExplained = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VictimContacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_IncidentId",
                table: "Referrals",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_DueAt",
                table: "Referrals",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ToAgencyId",
                table: "Referrals",
                column: "ToAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecoveryTasks_Status_DueAt",
                table: "ServiceRecoveryTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_IncidentId_PersonId",
                table: "SurveyInvitations",
                columns: new[] { "IncidentId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_AnsweredAt",
                table: "SurveyResponses",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_InvitationId",
                table: "SurveyResponses",
                column: "InvitationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TeamAlerts_RaisedAt",
                table: "TeamAlerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_VictimContactContracts_CrimeRecordId_VictimId",
                table: "VictimContactContracts",
                columns: new[] { "CrimeRecordId", "VictimId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VictimContactContracts_IncidentId",
                table: "VictimContactContracts",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimContactDues_ContractId",
                table: "VictimContactDues",
                column: "ContractId");

            migrationBuilder.CreateIndex(
                name: "IX_VictimContactDues_MetAt_DueAt",
                table: "VictimContactDues",
                columns: new[] { "MetAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VictimContacts_ContractId",
                table: "VictimContacts",
                column: "ContractId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ServiceRecoveryTasks");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "TeamAlerts");

            migrationBuilder.DropTable(
                name: "VictimContactContracts");

            migrationBuilder.DropTable(
                name: "VictimContactDues");

            migrationBuilder.DropTable(
                name: "VictimContacts");
        }
    }
}
