using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafetyNet.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Asb : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AsbCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RiskLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RulesVersion = table.Column<int>(type: "integer", nullable: false),
                    NextReviewDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    LeadAgencyId = table.Column<int>(type: "integer", nullable: false),
                    SpocUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SpocName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosureOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VictimSatisfaction = table.Column<int>(type: "integer", nullable: true),
                    TriggerFlaggedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AsbMeetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    HeldAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AgencyIds = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Attendees = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeskReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RoutedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RulesVersion = table.Column<int>(type: "integer", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RiskDecision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RiskLevel = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    RiskReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RiskAssessmentId = table.Column<long>(type: "bigint", nullable: true),
                    OfficerAttends = table.Column<bool>(type: "boolean", nullable: true),
                    AttendanceReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CaseDecision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    ReferredToAgencyId = table.Column<int>(type: "integer", nullable: true),
                    ReferralNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProblemType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    RadiusMetres = table.Column<int>(type: "integer", nullable: false),
                    ComparisonLatitude = table.Column<double>(type: "double precision", nullable: false),
                    ComparisonLongitude = table.Column<double>(type: "double precision", nullable: false),
                    ComparisonRadiusMetres = table.Column<int>(type: "integer", nullable: false),
                    Scanning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Analysis = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Victim = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Offender = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Tactics = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Response = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ResponseStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Learning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Published = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Categories = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    OwnerAgencyId = table.Column<int>(type: "integer", nullable: true),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseActions_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseDocuments_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PoliceOnly = table.Column<bool>(type: "boolean", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseEntries_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    IncidentId = table.Column<long>(type: "bigint", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseIncidents_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AsbCaseIncidents_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseParties",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    IdentityId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseParties_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AsbCaseParties_PersonIdentities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "PersonIdentities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AsbCasePowers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SubjectIdentityId = table.Column<long>(type: "bigint", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorisedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCasePowers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCasePowers_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseShares",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentSought = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "boolean", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCaseShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbCaseShares_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriggerApplications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OnBehalfOfVictim = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LeadAgencyId = table.Column<int>(type: "integer", nullable: false),
                    District = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    QualifyingComplaints = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ThresholdMet = table.Column<bool>(type: "boolean", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewMeetingAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriggerApplications_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AsbMeetingItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ActionId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbMeetingItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbMeetingItems_AsbCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "AsbCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AsbMeetingItems_AsbMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "AsbMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbPowerBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PowerId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbPowerBreaches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AsbPowerBreaches_AsbCasePowers_PowerId",
                        column: x => x.PowerId,
                        principalTable: "AsbCasePowers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TriggerRecommendations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerAgencyId = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TriggerRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TriggerRecommendations_TriggerApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "TriggerApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseActions_CaseId",
                table: "AsbCaseActions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseActions_OwnerAgencyId_Status_DueAt",
                table: "AsbCaseActions",
                columns: new[] { "OwnerAgencyId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseActions_OwnerUserId_Status_DueAt",
                table: "AsbCaseActions",
                columns: new[] { "OwnerUserId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseDocuments_CaseId",
                table: "AsbCaseDocuments",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseEntries_CaseId_At",
                table: "AsbCaseEntries",
                columns: new[] { "CaseId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseIncidents_CaseId_IncidentId",
                table: "AsbCaseIncidents",
                columns: new[] { "CaseId", "IncidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseIncidents_IncidentId",
                table: "AsbCaseIncidents",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseParties_CaseId_IdentityId_Role",
                table: "AsbCaseParties",
                columns: new[] { "CaseId", "IdentityId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseParties_IdentityId",
                table: "AsbCaseParties",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCasePowers_CaseId",
                table: "AsbCasePowers",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCasePowers_Kind_IssuedAt",
                table: "AsbCasePowers",
                columns: new[] { "Kind", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCases_LeadAgencyId",
                table: "AsbCases",
                column: "LeadAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCases_Reference",
                table: "AsbCases",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_AsbCases_Status_NextReviewDueAt",
                table: "AsbCases",
                columns: new[] { "Status", "NextReviewDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseShares_AgencyId_CaseId",
                table: "AsbCaseShares",
                columns: new[] { "AgencyId", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbCaseShares_CaseId",
                table: "AsbCaseShares",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbMeetingItems_CaseId",
                table: "AsbMeetingItems",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbMeetingItems_MeetingId",
                table: "AsbMeetingItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AsbMeetings_HeldAt",
                table: "AsbMeetings",
                column: "HeldAt");

            migrationBuilder.CreateIndex(
                name: "IX_AsbPowerBreaches_PowerId",
                table: "AsbPowerBreaches",
                column: "PowerId");

            migrationBuilder.CreateIndex(
                name: "IX_DeskReviews_IncidentId",
                table: "DeskReviews",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeskReviews_ReviewedAt_DueAt",
                table: "DeskReviews",
                columns: new[] { "ReviewedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_Published_ProblemType",
                table: "Problems",
                columns: new[] { "Published", "ProblemType" });

            migrationBuilder.CreateIndex(
                name: "IX_SharingAgreements_AgencyId",
                table: "SharingAgreements",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerApplications_CaseId",
                table: "TriggerApplications",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerApplications_ReceivedAt",
                table: "TriggerApplications",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TriggerRecommendations_ApplicationId",
                table: "TriggerRecommendations",
                column: "ApplicationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AsbCaseActions");

            migrationBuilder.DropTable(
                name: "AsbCaseDocuments");

            migrationBuilder.DropTable(
                name: "AsbCaseEntries");

            migrationBuilder.DropTable(
                name: "AsbCaseIncidents");

            migrationBuilder.DropTable(
                name: "AsbCaseParties");

            migrationBuilder.DropTable(
                name: "AsbCaseShares");

            migrationBuilder.DropTable(
                name: "AsbMeetingItems");

            migrationBuilder.DropTable(
                name: "AsbPowerBreaches");

            migrationBuilder.DropTable(
                name: "DeskReviews");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "SharingAgreements");

            migrationBuilder.DropTable(
                name: "TriggerRecommendations");

            migrationBuilder.DropTable(
                name: "AsbMeetings");

            migrationBuilder.DropTable(
                name: "AsbCasePowers");

            migrationBuilder.DropTable(
                name: "TriggerApplications");

            migrationBuilder.DropTable(
                name: "AsbCases");
        }
    }
}
