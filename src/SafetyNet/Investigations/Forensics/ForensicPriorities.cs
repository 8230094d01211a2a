using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations.Forensics;

/// <summary>What the priority rule looks at: the submission's facts and the investigation's risk.</summary>
public sealed record ForensicCaseFacts(
    bool SafeguardingRiskNow, DateTimeOffset? CustodyClockEndsAt, InvestigationRisk Risk, DateOnly? ChargeOrCourtDate, bool NamedSuspect);

/// <summary>A scored submission: its priority, why, and the turnaround its priority is given.</summary>
public sealed record ForensicScore(ForensicPriority Priority, IReadOnlyList<string> Reasons, int TargetDays);

/// <summary>
/// The force's transparent rule for the digital forensics queue (risk-based case acceptance, then prioritisation): each
/// priority names the facts that put a submission in it, tried from P1 down; the first that applies wins and every fact
/// that put it there is given as a reason. Each priority has a target turnaround in days.
/// </summary>
public sealed record ForensicPriorities(
    bool SafeguardingRiskNowIsP1, bool CustodyClockIsP1, IReadOnlyList<InvestigationRisk> P2Risks, int P2CourtDateWithinDays, bool NamedSuspectIsP3,
    int P1TargetDays, int P2TargetDays, int P3TargetDays, int P4TargetDays)
{
    public const string Key = "forensic-priorities";

    /// <summary>
    /// The seed: P1 a child or vulnerable person at risk now, or a custody clock running; P2 high-risk investigations and
    /// court dates within 28 days; P3 other crimes with a named suspect; P4 the rest. Targets: P1 within a day, since a
    /// detention clock runs for 24 to 96 hours; P2 within 14 days, so a court date 28 days off leaves time for disclosure;
    /// P3 within 30 days, a charging file's usual pace; P4 within 90 days.
    /// </summary>
    public static ForensicPriorities Default => new(true, true, [InvestigationRisk.High], 28, true, 1, 14, 30, 90);

    public int TargetDaysFor(ForensicPriority priority) => priority switch
    {
        ForensicPriority.P1 => P1TargetDays,
        ForensicPriority.P2 => P2TargetDays,
        ForensicPriority.P3 => P3TargetDays,
        _ => P4TargetDays,
    };

    /// <summary>Scores a submission at <paramref name="now"/>: a pure function of the facts and this rule.</summary>
    public ForensicScore Score(ForensicCaseFacts facts, DateTimeOffset now)
    {
        var p1 = new List<string>();
        if (SafeguardingRiskNowIsP1 && facts.SafeguardingRiskNow)
        {
            p1.Add("A child or vulnerable person is at risk now");
        }
        if (CustodyClockIsP1 && facts.CustodyClockEndsAt is { } ends && ends > now)
        {
            p1.Add($"A custody clock is running: it ends {ForceClock.Format(ends)}");
        }
        if (p1.Count > 0)
        {
            return new(ForensicPriority.P1, p1, P1TargetDays);
        }
        var p2 = new List<string>();
        if (P2Risks.Contains(facts.Risk))
        {
            p2.Add($"The investigation is {facts.Risk.ToString().ToLowerInvariant()} risk");
        }
        if (facts.ChargeOrCourtDate is { } date)
        {
            var days = date.DayNumber - ForceClock.DayOf(now).DayNumber;
            if (days >= 0 && days <= P2CourtDateWithinDays)
            {
                p2.Add($"The charge or court date, {ForceClock.FormatDay(date)}, is within {P2CourtDateWithinDays} days");
            }
        }
        if (p2.Count > 0)
        {
            return new(ForensicPriority.P2, p2, P2TargetDays);
        }
        if (NamedSuspectIsP3 && facts.NamedSuspect)
        {
            return new(ForensicPriority.P3, ["A suspect is named"], P3TargetDays);
        }
        return new(ForensicPriority.P4, ["No child or vulnerable person at risk now, no custody clock, not high risk, no near court date and no named suspect"], P4TargetDays);
    }

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (P2Risks is null)
        {
            errors["p2Risks"] = ["Give the investigation risks that make a submission P2 (an empty list for none)"];
        }
        if (P2CourtDateWithinDays is < 0 or > 365)
        {
            errors["p2CourtDateWithinDays"] = ["Give 0 to 365 days"];
        }
        if (P1TargetDays < 1 || P2TargetDays < P1TargetDays || P3TargetDays < P2TargetDays || P4TargetDays < P3TargetDays || P4TargetDays > 365)
        {
            errors["p1TargetDays"] = ["Give target turnarounds of 1 to 365 days, none shorter than the priority above it"];
        }
        return errors;
    }
}

internal sealed class ForensicPrioritiesSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(ForensicPriorities.Key, ForensicPriorities.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
