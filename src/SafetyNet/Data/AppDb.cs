using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Platform;

namespace SafetyNet.Data;

/// <summary>
/// The one model of SafetyNet. Each provider has a subclass so that each keeps its own generated
/// migration set; the model itself is identical.
/// </summary>
public abstract class AppDb(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<Setting> Settings => Set<Setting>();
    public DbSet<ConfigurationVersion> ConfigurationVersions => Set<ConfigurationVersion>();
    public DbSet<Incidents.Incident> Incidents => Set<Incidents.Incident>();
    public DbSet<Incidents.IncidentLogEntry> IncidentLog => Set<Incidents.IncidentLogEntry>();
    public DbSet<People.IncidentPerson> IncidentPeople => Set<People.IncidentPerson>();
    public DbSet<People.PersonIdentity> PersonIdentities => Set<People.PersonIdentity>();
    public DbSet<People.IdentityChange> IdentityChanges => Set<People.IdentityChange>();
    public DbSet<People.IdentityReview> IdentityReviews => Set<People.IdentityReview>();
    public DbSet<People.DeskRouting> DeskRoutings => Set<People.DeskRouting>();
    public DbSet<Assessments.ThriveAssessment> ThriveAssessments => Set<Assessments.ThriveAssessment>();
    public DbSet<Assessments.RiskAssessment> RiskAssessments => Set<Assessments.RiskAssessment>();
    public DbSet<Assessments.VulnerabilityAssessment> VulnerabilityAssessments => Set<Assessments.VulnerabilityAssessment>();
    public DbSet<Crimes.CrimeRecord> CrimeRecords => Set<Crimes.CrimeRecord>();
    public DbSet<Crimes.CrimeDecision> CrimeDecisions => Set<Crimes.CrimeDecision>();
    public DbSet<Demo.SyntheticTruth> SyntheticTruth => Set<Demo.SyntheticTruth>();
    public DbSet<Insight.OpenDataCrime> OpenDataCrimes => Set<Insight.OpenDataCrime>();
    public DbSet<Insight.OpenDataOutcome> OpenDataOutcomes => Set<Insight.OpenDataOutcome>();
    public DbSet<Desk.DeskReview> DeskReviews => Set<Desk.DeskReview>();
    public DbSet<Cases.AsbCase> AsbCases => Set<Cases.AsbCase>();
    public DbSet<Cases.CaseParty> CaseParties => Set<Cases.CaseParty>();
    public DbSet<Cases.CaseIncident> CaseIncidents => Set<Cases.CaseIncident>();
    public DbSet<Cases.CaseShare> CaseShares => Set<Cases.CaseShare>();
    public DbSet<Cases.CaseAction> CaseActions => Set<Cases.CaseAction>();
    public DbSet<Cases.CaseEntry> CaseEntries => Set<Cases.CaseEntry>();
    public DbSet<Cases.SharingAgreement> SharingAgreements => Set<Cases.SharingAgreement>();
    public DbSet<CommunityTrigger.TriggerApplication> TriggerApplications => Set<CommunityTrigger.TriggerApplication>();
    public DbSet<CommunityTrigger.TriggerRecommendation> TriggerRecommendations => Set<CommunityTrigger.TriggerRecommendation>();
    public DbSet<Cases.CasePower> CasePowers => Set<Cases.CasePower>();
    public DbSet<Cases.PowerBreach> PowerBreaches => Set<Cases.PowerBreach>();
    public DbSet<Cases.CaseDocument> CaseDocuments => Set<Cases.CaseDocument>();
    public DbSet<Meetings.MultiAgencyMeeting> MultiAgencyMeetings => Set<Meetings.MultiAgencyMeeting>();
    public DbSet<Meetings.MeetingItem> MeetingItems => Set<Meetings.MeetingItem>();
    public DbSet<ProblemSolving.Problem> Problems => Set<ProblemSolving.Problem>();
    public DbSet<Priorities.CommunityPriority> CommunityPriorities => Set<Priorities.CommunityPriority>();
    public DbSet<Messaging.OutboxMessage> OutboxMessages => Set<Messaging.OutboxMessage>();
    public DbSet<Victims.VictimContactContract> VictimContactContracts => Set<Victims.VictimContactContract>();
    public DbSet<Victims.VictimContactDue> VictimContactDues => Set<Victims.VictimContactDue>();
    public DbSet<Victims.VictimContact> VictimContacts => Set<Victims.VictimContact>();
    public DbSet<Referrals.Referral> Referrals => Set<Referrals.Referral>();
    public DbSet<Referrals.ReferralContact> ReferralContacts => Set<Referrals.ReferralContact>();
    public DbSet<Feedback.SurveyInvitation> SurveyInvitations => Set<Feedback.SurveyInvitation>();
    public DbSet<Feedback.SurveyResponse> SurveyResponses => Set<Feedback.SurveyResponse>();
    public DbSet<Feedback.ServiceRecoveryTask> ServiceRecoveryTasks => Set<Feedback.ServiceRecoveryTask>();
    public DbSet<Feedback.TeamAlert> TeamAlerts => Set<Feedback.TeamAlert>();

    public abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder conventions)
    {
        // SQLite cannot order or compare DateTimeOffset: every instant is stored as a UTC DateTime.
        conventions.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
        conventions.Properties<DateTimeOffset?>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDb).Assembly);
        Versioning.Configure(builder);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Versioning.Advance(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Versioning.Advance(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}

public sealed class SqliteAppDb(DbContextOptions<SqliteAppDb> options) : AppDb(options)
{
    public override bool IsPostgres => false;
}

public sealed class PostgresAppDb(DbContextOptions<PostgresAppDb> options) : AppDb(options)
{
    public override bool IsPostgres => true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Case search by any part of a party's name: a trigram index serves "name contains" without reading
        // every party. pg_trgm is a trusted extension, so the database owner may create it.
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Cases.CaseParty>().HasIndex(p => p.Name).HasMethod("gin").HasOperators("gin_trgm_ops");
        // The search box (decision 0089): words anywhere in a narrative or a place, a surname whatever its case, an address
        // lived at, and a date of birth alone, each from an index at a million incidents.
        builder.Entity<Incidents.Incident>().HasIndex(i => i.Narrative, "IX_Incidents_Narrative_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<Incidents.Incident>().HasIndex(i => i.LocationText, "IX_Incidents_LocationText_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<People.IncidentPerson>().HasIndex(p => p.LastName, "IX_IncidentPeople_LastName_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<People.IncidentPerson>().HasIndex(p => p.Address, "IX_IncidentPeople_Address_Trigram").HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.Entity<People.IncidentPerson>().HasIndex(p => p.DateOfBirth);
    }
}
