using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafetyNet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AsbCases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RulesVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewDueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InspectorReviewDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChiefInspectorReviewDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    LeadAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    SpocUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SpocName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosureOutcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VictimSatisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    TriggerFlaggedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AsbMeetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    HeldAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AgencyIds = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AsbMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityPriorities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SetWith = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SetOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityPriorities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConfigurationVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConfigurationVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeRecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OffenceSubgroup = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    CrimeReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TransferredTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecordingAudits",
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
                    table.PrimaryKey("PK_CrimeRecordingAudits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrimeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    VictimId = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CrimeReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OffenceSubgroup = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    PoliceUkCategory = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemandDays",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Incidents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemandDays", x => new { x.Day, x.TypeCode, x.District });
                });

            migrationBuilder.CreateTable(
                name: "DeskReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoutedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RulesVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RiskDecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RiskLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RiskReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RiskAssessmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    OfficerAttends = table.Column<bool>(type: "INTEGER", nullable: true),
                    AttendanceReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CaseDecision = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferredToAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferralNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeskRoutings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    RoutedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RoutedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeskRoutings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FromIdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    ToIdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryIds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IdentityReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CandidatePersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReportedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OccurredTo = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    LocationText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LocationKey = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Uprn = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Rural = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceSystem = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OffenderNearby = table.Column<bool>(type: "INTEGER", nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    MayBeCrime = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    GradeCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    GradeConfigVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    GradedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    GradedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RegradeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AttendanceDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArrivedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoAttendanceOverrideBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NoAttendanceOverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ThriveDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ThriveCompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfficerInCaseId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwningTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataCrimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CrimeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FallsWithin = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    LsoaName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CrimeType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Context = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataCrimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataOutcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    CrimeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OutcomeType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LsoaCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataOutcomes", x => x.Id);
                });

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
                name: "PackSnapshots",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PackSnapshots", x => x.Scope);
                });

            migrationBuilder.CreateTable(
                name: "PersonIdentities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MergedIntoId = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProblemType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    ComparisonLatitude = table.Column<double>(type: "REAL", nullable: false),
                    ComparisonLongitude = table.Column<double>(type: "REAL", nullable: false),
                    ComparisonRadiusMetres = table.Column<int>(type: "INTEGER", nullable: false),
                    Scanning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Analysis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Victim = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Offender = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Place = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tactics = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResponseStartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Learning = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.Id);
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
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    InstrumentCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstrumentVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedLevel = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsReassessment = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupersedesId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReferralFlag = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferralName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
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
                name: "Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StrengthOnDuty",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Shift = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Planned = table.Column<int>(type: "INTEGER", nullable: false),
                    OnDuty = table.Column<int>(type: "INTEGER", nullable: false),
                    NeighbourhoodAbstracted = table.Column<int>(type: "INTEGER", nullable: false),
                    AbstractionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrengthOnDuty", x => x.Id);
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
                name: "SyntheticTruth",
                columns: table => new
                {
                    IncidentPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    Identity = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SyntheticTruth", x => x.IncidentPersonId);
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
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ActionTaken = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThriveAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Threat = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Harm = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Investigation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Vulnerability = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Engagement = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VulnerablePerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafeguardingAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScenePreservationAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    CrimePreventionAdvice = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThriveAssessments", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OwnerAgencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PoliceOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                name: "AsbCasePowers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubjectIdentityId = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AuthorisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ConsentSought = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentGiven = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SharedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OnBehalfOfVictim = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeadAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    QualifyingComplaints = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ThresholdMet = table.Column<bool>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReviewMeetingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewOutcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: false),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityPriorityActions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PriorityId = table.Column<long>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TakenBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "CrimeRecordingAuditItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AuditId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Stratum = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StratumSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ShouldHaveBeenRecorded = table.Column<bool>(type: "INTEGER", nullable: true),
                    CorrectlyRecorded = table.Column<bool>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MarkedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MarkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrimeRecordingAuditItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrimeRecordingAuditItems_CrimeRecordingAudits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "CrimeRecordingAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbCaseIncidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    IdentityId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 310, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                name: "IncidentPeople",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    MiddleName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    VictimSupportOptOut = table.Column<bool>(type: "INTEGER", nullable: false),
                    MatchKey = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    IdentityId = table.Column<long>(type: "INTEGER", nullable: true),
                    LinkedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LinkScore = table.Column<double>(type: "REAL", nullable: true),
                    LinkReasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPeople_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentPeople_PersonIdentities_IdentityId",
                        column: x => x.IdentityId,
                        principalTable: "PersonIdentities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccountSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RefreshTokenId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TeamMemberships",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TeamMemberships", x => new { x.UserId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_TeamMemberships_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AsbPowerBreaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PowerId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_AccountSessions_UserId",
                table: "AccountSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Agencies_Code",
                table: "Agencies",
                column: "Code",
                unique: true);

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
                name: "IX_AsbCases_OpenedAt",
                table: "AsbCases",
                column: "OpenedAt");

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
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_OccurredAt",
                table: "AuditEvents",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_RecordType_RecordId",
                table: "AuditEvents",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Sequence",
                table: "AuditEvents",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorities_District_Status_ReviewOn",
                table: "CommunityPriorities",
                columns: new[] { "District", "Status", "ReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityPriorityActions_PriorityId",
                table: "CommunityPriorityActions",
                column: "PriorityId");

            migrationBuilder.CreateIndex(
                name: "IX_ConfigurationVersions_Key_Version",
                table: "ConfigurationVersions",
                columns: new[] { "Key", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeDecisions_CrimeRecordId",
                table: "CrimeDecisions",
                column: "CrimeRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecordingAuditItems_AuditId_Position",
                table: "CrimeRecordingAuditItems",
                columns: new[] { "AuditId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_CrimeReference",
                table: "CrimeRecords",
                column: "CrimeReference");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_DueAt",
                table: "CrimeRecords",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_IncidentId",
                table: "CrimeRecords",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CrimeRecords_Status_DueAt",
                table: "CrimeRecords",
                columns: new[] { "Status", "DueAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_IdentityId",
                table: "IncidentPeople",
                column: "IdentityId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_IncidentId",
                table: "IncidentPeople",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_LastName",
                table: "IncidentPeople",
                column: "LastName");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_MatchKey",
                table: "IncidentPeople",
                column: "MatchKey");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_ResolvedAt",
                table: "IncidentPeople",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AttendanceDueAt",
                table: "Incidents",
                column: "AttendanceDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LocationKey_ReportedAt",
                table: "Incidents",
                columns: new[] { "LocationKey", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LocationText",
                table: "Incidents",
                column: "LocationText");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Reference",
                table: "Incidents",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ReportedAt",
                table: "Incidents",
                column: "ReportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_SourceSystem_SourceReference",
                table: "Incidents",
                columns: new[] { "SourceSystem", "SourceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ThriveDueAt",
                table: "Incidents",
                column: "ThriveDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_TypeCode_ReportedAt",
                table: "Incidents",
                columns: new[] { "TypeCode", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_CrimeId",
                table: "OpenDataCrimes",
                column: "CrimeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_CrimeType_Month",
                table: "OpenDataCrimes",
                columns: new[] { "CrimeType", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_District_Month",
                table: "OpenDataCrimes",
                columns: new[] { "District", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataCrimes_RowKey",
                table: "OpenDataCrimes",
                column: "RowKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataOutcomes_CrimeId",
                table: "OpenDataOutcomes",
                column: "CrimeId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataOutcomes_RowKey",
                table: "OpenDataOutcomes",
                column: "RowKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonIdentities_MergedIntoId",
                table: "PersonIdentities",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Problems_Published_ProblemType",
                table: "Problems",
                columns: new[] { "Published", "ProblemType" });

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
                name: "IX_RiskAssessments_IncidentId",
                table: "RiskAssessments",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_Level_CreatedAt",
                table: "RiskAssessments",
                columns: new[] { "Level", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecoveryTasks_Status_DueAt",
                table: "ServiceRecoveryTasks",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SharingAgreements_AgencyId",
                table: "SharingAgreements",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_StrengthOnDuty_Date_Shift_District",
                table: "StrengthOnDuty",
                columns: new[] { "Date", "Shift", "District" },
                unique: true);

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
                name: "IX_SyntheticTruth_Identity",
                table: "SyntheticTruth",
                column: "Identity");

            migrationBuilder.CreateIndex(
                name: "IX_TeamAlerts_RaisedAt",
                table: "TeamAlerts",
                column: "RaisedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TeamMemberships_TeamId",
                table: "TeamMemberships",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_AgencyId",
                table: "Teams",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Code",
                table: "Teams",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThriveAssessments_IncidentId",
                table: "ThriveAssessments",
                column: "IncidentId");

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
                name: "AccountSessions");

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
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "CommunityPriorityActions");

            migrationBuilder.DropTable(
                name: "ConfigurationVersions");

            migrationBuilder.DropTable(
                name: "CrimeDecisions");

            migrationBuilder.DropTable(
                name: "CrimeRecordingAuditItems");

            migrationBuilder.DropTable(
                name: "CrimeRecords");

            migrationBuilder.DropTable(
                name: "DemandDays");

            migrationBuilder.DropTable(
                name: "DeskReviews");

            migrationBuilder.DropTable(
                name: "DeskRoutings");

            migrationBuilder.DropTable(
                name: "IdentityChanges");

            migrationBuilder.DropTable(
                name: "IdentityReviews");

            migrationBuilder.DropTable(
                name: "IncidentPeople");

            migrationBuilder.DropTable(
                name: "OpenDataCrimes");

            migrationBuilder.DropTable(
                name: "OpenDataOutcomes");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PackSnapshots");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "RiskAssessments");

            migrationBuilder.DropTable(
                name: "ServiceRecoveryTasks");

            migrationBuilder.DropTable(
                name: "Settings");

            migrationBuilder.DropTable(
                name: "SharingAgreements");

            migrationBuilder.DropTable(
                name: "StrengthOnDuty");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "SyntheticTruth");

            migrationBuilder.DropTable(
                name: "TeamAlerts");

            migrationBuilder.DropTable(
                name: "TeamMemberships");

            migrationBuilder.DropTable(
                name: "ThriveAssessments");

            migrationBuilder.DropTable(
                name: "TriggerRecommendations");

            migrationBuilder.DropTable(
                name: "VictimContactContracts");

            migrationBuilder.DropTable(
                name: "VictimContactDues");

            migrationBuilder.DropTable(
                name: "VictimContacts");

            migrationBuilder.DropTable(
                name: "AsbMeetings");

            migrationBuilder.DropTable(
                name: "AsbCasePowers");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "CommunityPriorities");

            migrationBuilder.DropTable(
                name: "CrimeRecordingAudits");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "PersonIdentities");

            migrationBuilder.DropTable(
                name: "Teams");

            migrationBuilder.DropTable(
                name: "TriggerApplications");

            migrationBuilder.DropTable(
                name: "Agencies");

            migrationBuilder.DropTable(
                name: "AsbCases");
        }
    }
}
