using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Opens the investigation of a crime when it is recorded, so it waits in the allocation queue from that moment; a
/// reclassification moves an open investigation into the group of its new offence (and so its level and cadence).
/// </summary>
public sealed class InvestigationOnCrimeRecorded(InvestigationOpening opening) : IReaction<CrimeRecorded>
{
    public Task OnAsync(CrimeRecorded happened, CancellationToken cancellationToken) => opening.OpenAsync(happened.Record, cancellationToken);
}

public sealed class InvestigationOpening(AppDb db, ForceConfiguration configuration, Reactions reactions, CurrentUser user, TimeProvider time)
{
    public const string DomesticAbuseType = "DOMESTIC-ABUSE";

    public async Task<Investigation?> OpenAsync(CrimeRecord crime, CancellationToken ct)
    {
        if (crime.Status != CrimeRecordingStatus.Recorded)
        {
            return null;
        }
        var rules = await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == crime.IncidentId)
            .Select(i => new { i.TypeCode, i.Sensitive, i.VulnerablePerson }).FirstAsync(ct);
        var risk = await RiskAsync(crime.IncidentId, ct);
        var group = rules.Value.GroupOf(crime.OffenceSubgroup, incident.TypeCode == DomesticAbuseType);
        var now = time.GetUtcNow();
        var existing = await db.Set<Investigation>().FirstOrDefaultAsync(i => i.CrimeRecordId == crime.Id, ct);
        if (existing is not null)
        {
            if (existing.Status != InvestigationStatus.Finalised && existing.CrimeGroup != group.Code)
            {
                existing.CrimeGroup = group.Code;
                existing.RequiredPipLevel = rules.Value.PipLevelFor(existing);
                existing.RuleVersion = rules.Version;
                Log(existing.Id, "Reclassified", $"Crime group is now {group.Name} (PIP{existing.RequiredPipLevel})", now);
            }
            return existing;
        }
        var investigation = Build(crime, incident.TypeCode, incident.Sensitive, incident.VulnerablePerson, risk, rules, now);
        db.Add(investigation);
        await db.SaveChangesAsync(ct);
        Log(investigation.Id, "Opened", $"{group.Name}: waiting for allocation to a PIP{investigation.RequiredPipLevel} investigator", investigation.OpenedAt);
        await reactions.PublishAsync(new InvestigationOpened(investigation, rules.Value), ct);
        return investigation;
    }

    /// <summary>
    /// The investigation a recorded crime opens: its group, risk and flags, and the PIP level they need, under the rule
    /// version given. The one place that says so, for a crime recorded now and for crimes written in bulk.
    /// </summary>
    public static Investigation Build(
        CrimeRecord crime, string incidentType, bool sensitive, bool vulnerable, InvestigationRisk risk, Versioned<InvestigationRules> rules, DateTimeOffset now)
    {
        var domestic = incidentType == DomesticAbuseType;
        var investigation = new Investigation
        {
            CrimeRecordId = crime.Id, IncidentId = crime.IncidentId, CrimeGroup = rules.Value.GroupOf(crime.OffenceSubgroup, domestic).Code, Risk = risk,
            DomesticAbuse = domestic, VulnerableVictim = vulnerable, Sensitive = sensitive, Status = InvestigationStatus.AwaitingAllocation,
            OpenedAt = crime.DecidedAt ?? now, RuleVersion = rules.Version,
        };
        investigation.RequiredPipLevel = rules.Value.PipLevelFor(investigation);
        return investigation;
    }

    /// <summary>The highest of the levels of an incident's risk assessments.</summary>
    public static InvestigationRisk RiskOf(IEnumerable<string> levels)
    {
        var all = levels.ToList();
        return all.Contains("High") ? InvestigationRisk.High : all.Contains("Medium") ? InvestigationRisk.Medium : InvestigationRisk.Standard;
    }

    /// <summary>The highest level of the incident's current risk assessments: a high DASH makes a high-risk investigation.</summary>
    private async Task<InvestigationRisk> RiskAsync(long incidentId, CancellationToken ct)
    {
        var levels = await db.RiskAssessments.AsNoTracking()
            .Where(r => r.IncidentId == incidentId && !r.Incomplete && !db.RiskAssessments.Any(s => s.SupersedesId == r.Id))
            .Select(r => r.Level).ToListAsync(ct);
        return RiskOf(levels);
    }

    private void Log(long investigationId, string kind, string text, DateTimeOffset at) =>
        db.Add(new InvestigationEvent { InvestigationId = investigationId, Kind = kind, Text = text, At = at, By = user.Name });
}
