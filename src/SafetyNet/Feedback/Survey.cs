using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Feedback;

public enum SurveyRoute
{
    Email,
    Sms,
    /// <summary>Taken by the crime service team by telephone, in the same form.</summary>
    Telephone,
}

public enum SurveyStatus
{
    Scheduled,
    Answered,
    Expired,
}

/// <summary>
/// One invitation to give feedback on one incident, opened by an unguessable single-use link. Only the
/// link's SHA-256 hash is kept, so the database cannot be used to answer for someone.
/// </summary>
public sealed class SurveyInvitation
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public long IncidentId { get; set; }
    public long? PersonId { get; set; }
    public required string IncidentTypeCode { get; set; }
    public int? TeamId { get; set; }
    public string? OfficerId { get; set; }
    public string? CallHandler { get; set; }
    public required string ContactChannel { get; set; }
    public SurveyRoute Route { get; set; }
    public required string Trigger { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The contact or closing the survey is about.</summary>
    public DateTimeOffset ContactAt { get; set; }
    public DateTimeOffset SendAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public SurveyStatus Status { get; set; }
    public required string TemplateName { get; set; }
    public int TemplateVersion { get; set; }
}

/// <summary>An answered survey, kept against the incident type, team, officer, call handler, channel and hour.</summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public long InvitationId { get; set; }
    public long IncidentId { get; set; }
    public required string IncidentTypeCode { get; set; }
    public int? TeamId { get; set; }
    public string? OfficerId { get; set; }
    public string? CallHandler { get; set; }
    public required string ContactChannel { get; set; }
    public SurveyRoute Route { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    /// <summary>The London hour of the contact the survey is about, for the staffing picture.</summary>
    public int ContactHour { get; set; }
    public int Overall { get; set; }
    public bool Satisfied { get; set; }
    public required string AnswersJson { get; set; }
    public string? Comment { get; set; }
    public string? TakenBy { get; set; }
}

public enum RecoveryStatus
{
    Open,
    Done,
}

/// <summary>A dissatisfied answer: a supervisor contacts the person and puts things right.</summary>
public sealed class ServiceRecoveryTask : IVersioned
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public long IncidentId { get; set; }
    public int? TeamId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public RecoveryStatus Status { get; set; }
    public string? Outcome { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
    public string? DoneBy { get; set; }
    public int Version { get; set; }
}

/// <summary>A run of poor answers for one team.</summary>
public sealed class TeamAlert
{
    public long Id { get; set; }
    public int? TeamId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public int PoorAnswers { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>What the supervisor did about the run of poor answers.</summary>
    public string? ActionTaken { get; set; }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<SurveyInvitation>, IEntityTypeConfiguration<SurveyResponse>,
    IEntityTypeConfiguration<ServiceRecoveryTask>, IEntityTypeConfiguration<TeamAlert>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> invitation)
    {
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.IncidentTypeCode).HasMaxLength(40);
        invitation.Property(i => i.OfficerId).HasMaxLength(64);
        invitation.Property(i => i.CallHandler).HasMaxLength(256);
        invitation.Property(i => i.ContactChannel).HasMaxLength(30);
        invitation.Property(i => i.Route).HasConversion<string>().HasMaxLength(12);
        invitation.Property(i => i.Status).HasConversion<string>().HasMaxLength(12);
        invitation.Property(i => i.Trigger).HasMaxLength(20);
        invitation.Property(i => i.TemplateName).HasMaxLength(60);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => new { i.IncidentId, i.PersonId });
    }

    public void Configure(EntityTypeBuilder<SurveyResponse> response)
    {
        response.Property(r => r.IncidentTypeCode).HasMaxLength(40);
        response.Property(r => r.OfficerId).HasMaxLength(64);
        response.Property(r => r.CallHandler).HasMaxLength(256);
        response.Property(r => r.ContactChannel).HasMaxLength(30);
        response.Property(r => r.Route).HasConversion<string>().HasMaxLength(12);
        response.Property(r => r.AnswersJson).HasMaxLength(2000);
        response.Property(r => r.Comment).HasMaxLength(2000);
        response.Property(r => r.TakenBy).HasMaxLength(256);
        // A second submission can never overwrite the first: one response per invitation.
        response.HasIndex(r => r.InvitationId).IsUnique();
        response.HasIndex(r => r.AnsweredAt);
    }

    public void Configure(EntityTypeBuilder<ServiceRecoveryTask> task)
    {
        task.ToTable("ServiceRecoveryTasks");
        task.Property(t => t.Status).HasConversion<string>().HasMaxLength(10);
        task.Property(t => t.Outcome).HasMaxLength(2000);
        task.Property(t => t.DoneBy).HasMaxLength(256);
        task.HasIndex(t => new { t.Status, t.DueAt });
    }

    public void Configure(EntityTypeBuilder<TeamAlert> alert)
    {
        alert.Property(a => a.Reason).HasMaxLength(300);
        alert.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        alert.Property(a => a.ActionTaken).HasMaxLength(2000);
        alert.HasIndex(a => a.RaisedAt);
    }
}

public sealed record SurveyQuestion(string Id, string Text);

/// <summary>Questions for some incident types (<c>*</c> for any other), scored 1–5, with free text after.</summary>
public sealed record SurveyTemplate(string Name, IReadOnlyList<string> IncidentTypes, IReadOnlyList<SurveyQuestion> Questions, string OverallQuestionId);

/// <summary>The force's survey settings (DOMAIN §10), versioned configuration.</summary>
public sealed record SurveyRules(
    IReadOnlyList<SurveyTemplate> Templates, int DelayHours, int WithinHours, int LinkValidDays,
    IReadOnlyList<string> ExcludedUnlessSafe, int PoorRunCount, int PoorRunWindowHours, int RecoveryDueHours)
{
    public const string Key = "surveys";

    private static readonly SurveyQuestion[] Common =
    [
        new("ease", "How easy was it to contact us?"),
        new("treatment", "How well were you treated by the staff you dealt with?"),
        new("informed", "How well were you kept informed?"),
        new("overall", "Overall, how satisfied are you with the service you received?"),
    ];

    public static SurveyRules Default => new(
        [
            new("Crime", ["BURGLARY-RESIDENTIAL", "BURGLARY-BUSINESS", "ROBBERY", "ASSAULT", "ASSAULT-SERIOUS", "CRIMINAL-DAMAGE", "ARSON", "VEHICLE-CRIME",
                "SHOPLIFTING", "THEFT-PERSON", "BICYCLE-THEFT", "THEFT-OTHER", "OTHER-CRIME", "DOMESTIC-ABUSE", "SEXUAL-OFFENCE"],
                [Common[0], Common[1], new("action", "How satisfied are you with the action taken?"), Common[2], Common[3]], "overall"),
            new("Anti-social behaviour", ["ASB-PERSONAL", "ASB-NUISANCE", "ASB-ENVIRONMENTAL"],
                [Common[0], Common[1], new("action", "How satisfied are you with what was done about the behaviour?"), Common[3]], "overall"),
            new("Any other report", ["*"], Common, "overall"),
        ],
        DelayHours: 6, WithinHours: 24, LinkValidDays: 14, ExcludedUnlessSafe: ["DOMESTIC-ABUSE", "SEXUAL-OFFENCE"],
        PoorRunCount: 3, PoorRunWindowHours: 72, RecoveryDueHours: 48);

    public SurveyTemplate TemplateFor(string typeCode) =>
        Templates.FirstOrDefault(t => t.IncidentTypes.Contains(typeCode)) ?? Templates.First(t => t.IncidentTypes.Contains("*"));

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var problems = new Dictionary<string, string[]>();
        if (!Templates.Any(t => t.IncidentTypes.Contains("*")))
        {
            problems["templates"] = ["One template must cover any other type (\"*\")"];
        }
        if (Templates.Any(t => t.Questions.Count is < 1 or > 6 || t.Questions.All(q => q.Id != t.OverallQuestionId)))
        {
            problems["questions"] = ["Each template needs 1 to 6 questions, one of them the overall question"];
        }
        if (DelayHours < 0 || WithinHours < DelayHours || LinkValidDays < 1)
        {
            problems["timing"] = ["Send between the delay and the limit, and keep links valid for at least a day"];
        }
        return problems;
    }
}
