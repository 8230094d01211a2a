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
                name: "ExhibitMovement",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExhibitMovement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileReview",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false),
                    FrameSize = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReview", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ForensicSubmission",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    DeviceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ExhibitReference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CustodyClockEndsAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChargeOrCourtDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SafeguardingRiskNow = table.Column<bool>(type: "INTEGER", nullable: false),
                    NamedSuspect = table.Column<bool>(type: "INTEGER", nullable: false),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PriorityReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TriageResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    TriageNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    TriagedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TriagedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExaminationStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminationCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ExaminedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ExaminationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForensicSubmission", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Hypothesis",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Hypothesis", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "LineOfEnquiry",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Objective = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LineOfEnquiry", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanAction",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LineOfEnquiryId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAction", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanDecision",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OptionsConsidered = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanDecision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanState",
                columns: table => new
                {
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    DevicesSeized = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanState", x => x.InvestigationId);
                });

            migrationBuilder.CreateTable(
                name: "StrategyNote",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyNote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupervisoryReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RiskBefore = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    RiskAfter = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    ActionsChecked = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    QualityNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewActions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextReviewDue = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisoryReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FileReviewItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileReviewId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvestigationId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanPresentAndSpecific = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReviewsOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    LinesOfEnquiryFollowed = table.Column<bool>(type: "INTEGER", nullable: true),
                    VictimContactAndNeedsMet = table.Column<bool>(type: "INTEGER", nullable: true),
                    OutcomeAppropriate = table.Column<bool>(type: "INTEGER", nullable: true),
                    Effective = table.Column<bool>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileReviewItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FileReviewItem_FileReview_FileReviewId",
                        column: x => x.FileReviewId,
                        principalTable: "FileReview",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExhibitMovement_SubmissionId_At",
                table: "ExhibitMovement",
                columns: new[] { "SubmissionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FileReviewItem_FileReviewId_Position",
                table: "FileReviewItem",
                columns: new[] { "FileReviewId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ForensicSubmission_InvestigationId",
                table: "ForensicSubmission",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_ForensicSubmission_Status_Priority_SubmittedAt",
                table: "ForensicSubmission",
                columns: new[] { "Status", "Priority", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Hypothesis_InvestigationId",
                table: "Hypothesis",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_CrimeRecordId",
                table: "Investigation",
                column: "CrimeRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_InvestigatorId_Status_OpenedAt",
                table: "Investigation",
                columns: new[] { "InvestigatorId", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_Status_OpenedAt",
                table: "Investigation",
                columns: new[] { "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_Status_Risk_OpenedAt",
                table: "Investigation",
                columns: new[] { "Status", "Risk", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Investigation_TeamId_Status",
                table: "Investigation",
                columns: new[] { "TeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InvestigationEvent_InvestigationId_At",
                table: "InvestigationEvent",
                columns: new[] { "InvestigationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_LineOfEnquiry_InvestigationId",
                table: "LineOfEnquiry",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAction_InvestigationId",
                table: "PlanAction",
                column: "InvestigationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAction_OwnerUserId_CompletedAt_DueAt",
                table: "PlanAction",
                columns: new[] { "OwnerUserId", "CompletedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanDecision_InvestigationId_At",
                table: "PlanDecision",
                columns: new[] { "InvestigationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyNote_InvestigationId_Section",
                table: "StrategyNote",
                columns: new[] { "InvestigationId", "Section" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_DueAt_Id",
                table: "SupervisoryReviews",
                columns: new[] { "DueAt", "Id" },
                filter: "\"CompletedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisoryReviews_InvestigationId_DueAt",
                table: "SupervisoryReviews",
                columns: new[] { "InvestigationId", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExhibitMovement");

            migrationBuilder.DropTable(
                name: "FileReviewItem");

            migrationBuilder.DropTable(
                name: "ForensicSubmission");

            migrationBuilder.DropTable(
                name: "Hypothesis");

            migrationBuilder.DropTable(
                name: "Investigation");

            migrationBuilder.DropTable(
                name: "InvestigationEvent");

            migrationBuilder.DropTable(
                name: "Investigator");

            migrationBuilder.DropTable(
                name: "LineOfEnquiry");

            migrationBuilder.DropTable(
                name: "PlanAction");

            migrationBuilder.DropTable(
                name: "PlanDecision");

            migrationBuilder.DropTable(
                name: "PlanState");

            migrationBuilder.DropTable(
                name: "StrategyNote");

            migrationBuilder.DropTable(
                name: "SupervisoryReviews");

            migrationBuilder.DropTable(
                name: "FileReview");
        }
    }
}
