using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;

namespace SafetyNet.Cases;

/// <summary>The tools and powers of the Anti-social Behaviour, Crime and Policing Act 2014 and the earlier ones seen in old records (DOMAIN §7).</summary>
public enum PowerKind
{
    WarningLetter,
    AcceptableBehaviourContract,
    CommunityProtectionWarning,
    CommunityProtectionNotice,
    DispersalDirection,
    CivilInjunction,
    CriminalBehaviourOrder,
    ClosureNotice,
    ClosureOrder,
    PspoBreach,
    StalkingProtectionOrder,
}

/// <summary>One tool or power used on a case, against whom, when, until when, and its breaches.</summary>
public sealed class CasePower : IVersioned
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public PowerKind Kind { get; set; }
    public long? SubjectIdentityId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    /// <summary>For a dispersal direction: the inspector (or above) who authorised it.</summary>
    public string? AuthorisedBy { get; set; }
    public string? Details { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

public sealed class PowerBreach
{
    public long Id { get; set; }
    public long PowerId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A document held with a case: an upload such as a victim's diary sheets, or a letter produced from a template.</summary>
public sealed class CaseDocument
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    /// <summary>Upload or Letter.</summary>
    public required string Kind { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

internal sealed class CasePowerConfiguration : IEntityTypeConfiguration<CasePower>, IEntityTypeConfiguration<PowerBreach>, IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CasePower> p)
    {
        p.ToTable("AsbCasePowers");
        p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        p.Property(x => x.AuthorisedBy).HasMaxLength(200);
        p.Property(x => x.Details).HasMaxLength(2000);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.HasIndex(x => x.CaseId);
        p.HasIndex(x => new { x.Kind, x.IssuedAt });
        p.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PowerBreach> b)
    {
        b.ToTable("AsbPowerBreaches");
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => x.PowerId);
        b.HasOne<CasePower>().WithMany().HasForeignKey(x => x.PowerId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CaseDocument> d)
    {
        d.ToTable("AsbCaseDocuments");
        d.Property(x => x.FileName).HasMaxLength(255);
        d.Property(x => x.ContentType).HasMaxLength(100);
        d.Property(x => x.Kind).HasMaxLength(20);
        d.Property(x => x.Description).HasMaxLength(500);
        d.Property(x => x.CreatedBy).HasMaxLength(256);
        d.HasIndex(x => x.CaseId);
        d.HasOne<AsbCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Letter templates an administrator edits as configuration: placeholders in double braces.</summary>
public sealed record LetterTemplates(IReadOnlyList<LetterTemplate> Templates)
{
    public const string Key = "asb-letter-templates";

    public static readonly IReadOnlyList<string> Placeholders = ["{{reference}}", "{{date}}", "{{recipient}}", "{{victim}}", "{{lead_agency}}", "{{spoc}}", "{{title}}"];

    public static LetterTemplates Default => new(
    [
        new("warning-letter", "ASB warning letter",
            "{{date}}\n\nDear {{recipient}},\n\nCase {{reference}}\n\nWe have received reports of anti-social behaviour ({{title}}) that we believe involve you. " +
            "This behaviour must stop. If it continues, {{lead_agency}} may use the powers of the Anti-social Behaviour, Crime and Policing Act 2014, " +
            "which include a community protection notice or an application to court for a civil injunction.\n\n" +
            "If you wish to discuss this letter, contact {{spoc}}.\n\nYours sincerely,\n\n{{spoc}}\n{{lead_agency}}"),
        new("trigger-acknowledgement", "Acknowledgement of a Community Trigger application",
            "{{date}}\n\nDear {{recipient}},\n\nASB case review (Community Trigger), case {{reference}}\n\n" +
            "Thank you for your application for an ASB case review. We will decide within 10 working days whether the threshold is met and write to you with the decision. " +
            "If it is met, the agencies involved will review how your reports were handled and tell you what they will do.\n\n" +
            "Your contact is {{spoc}}.\n\nYours sincerely,\n\n{{spoc}}\n{{lead_agency}}"),
    ]);

    public LetterTemplate? Find(string? code) => Templates.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Templates is null || Templates.Count == 0)
        {
            errors["templates"] = ["Give at least one template"];
            return errors;
        }
        for (var i = 0; i < Templates.Count; i++)
        {
            var t = Templates[i];
            if (string.IsNullOrWhiteSpace(t.Code) || string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Body))
            {
                errors[$"templates[{i}]"] = ["Each template needs a code, a name and a body"];
            }
            else if (System.Text.RegularExpressions.Regex.Matches(t.Body, @"\{\{[a-z_]+\}\}").Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p)) is { } unknown)
            {
                errors[$"templates[{i}]"] = [$"{unknown} is not a placeholder: use {string.Join(", ", Placeholders)}"];
            }
        }
        if (Templates.Select(t => t.Code?.ToLowerInvariant()).Distinct().Count() != Templates.Count)
        {
            errors["templates"] = ["Template codes must be unique"];
        }
        return errors;
    }
}

public sealed record LetterTemplate(string Code, string Name, string Body);
