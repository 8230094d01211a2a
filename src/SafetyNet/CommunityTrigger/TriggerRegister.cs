using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.CommunityTrigger;

/// <summary>
/// The Community Trigger register as the caller may see it: the applications, the cases SafetyNet flagged, each
/// application with its recommendations, and a year's figures.
/// </summary>
public sealed class TriggerRegister(AppDb db, CaseAccess access, TriggerThreshold threshold, ForceConfiguration configuration, TimeProvider time)
{
    /// <summary>Force caseworkers see every application; a partner sees those its agency leads.</summary>
    public IQueryable<TriggerApplication> Visible(IQueryable<TriggerApplication> applications) =>
        access.IsForceCaseworker ? applications
        : access.IsPartnerCaseworker ? applications.Where(a => a.LeadAgencyId == access.AgencyId)
        : applications.Where(_ => false);

    public async Task<List<FlaggedCase>> FlaggedCasesAsync(CancellationToken ct)
    {
        var cases = await access.Visible(db.AsbCases).AsNoTracking().Where(c => c.TriggerFlaggedAt != null && c.Status == AsbCaseStatus.Open)
            .OrderByDescending(c => c.TriggerFlaggedAt).ThenBy(c => c.Id).Take(500).ToListAsync(ct);
        var flagged = new List<FlaggedCase>();
        foreach (var c in cases)
        {
            flagged.Add((await ExplainAsync(c, ct))!);
        }
        return flagged;
    }

    /// <summary>
    /// A case the caller may see against the threshold: when it was flagged, and the complaints counted and why (as they
    /// stood when it was flagged, or as they stand now). Null when the caller may not see the case.
    /// </summary>
    public async Task<TriggerStanding?> StandingAsync(long caseId, CancellationToken ct)
    {
        var c = await access.Visible(db.AsbCases).AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var view = c is null ? null : await access.ViewAsync(c.Id, ct);
        if (c is null || view is null)
        {
            return null;
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var complaints = await ShownAsync(c.Id, view, await threshold.QualifyingComplaintsAsync(c.Id, c.TriggerFlaggedAt ?? time.GetUtcNow(), rules.Value, ct), ct);
        return new TriggerStanding(c.Id, c.Reference, c.TriggerFlaggedAt, RuleText(rules.Value), complaints);
    }

    private async Task<FlaggedCase?> ExplainAsync(AsbCase c, CancellationToken ct)
    {
        var view = await access.ViewAsync(c.Id, ct);
        if (view is null || c.TriggerFlaggedAt is not { } flaggedAt)
        {
            return null;
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var complaints = await ShownAsync(c.Id, view, await threshold.QualifyingComplaintsAsync(c.Id, flaggedAt, rules.Value, ct), ct);
        var lead = await db.Agencies.Where(a => a.Id == c.LeadAgencyId).Select(a => a.Name).FirstAsync(ct);
        return new FlaggedCase(c.Id, c.Reference, c.Title, flaggedAt, lead, await db.TriggerApplications.AnyAsync(t => t.CaseId == c.Id, ct),
            RuleText(rules.Value), complaints);
    }

    /// <summary>
    /// The complaints a reader may be shown. They are incidents: a partner whose agreement leaves out incidents sees that
    /// the case met the threshold, not on what; one whose agreement gives them sees those linked to the case and not
    /// sensitive, as the case shows them.
    /// </summary>
    private async Task<IReadOnlyList<CountedComplaint>> ShownAsync(long caseId, CaseView view, IReadOnlyList<CountedComplaint> complaints, CancellationToken ct)
    {
        if (view.IsForce)
        {
            return complaints;
        }
        if (!view.Can(DataCategories.Incidents))
        {
            return [];
        }
        var ids = complaints.Select(c => c.IncidentId).ToList();
        var shown = await db.CaseIncidents.Where(l => l.CaseId == caseId && ids.Contains(l.IncidentId))
            .Join(db.Incidents.Where(i => !i.Sensitive), l => l.IncidentId, i => i.Id, (l, _) => l.IncidentId).ToListAsync(ct);
        return complaints.Where(c => shown.Contains(c.IncidentId)).ToList();
    }

    /// <summary>The local threshold in words, as the register and the case show it.</summary>
    public static string RuleText(AsbRules r) =>
        $"{r.TriggerComplaints} complaints about the same problem in {r.TriggerWindowMonths} months, each made within {r.TriggerComplaintWithinMonths} "
        + $"{(r.TriggerComplaintWithinMonths == 1 ? "month" : "months")} of the behaviour: from the same victim or household at the same address "
        + $"(or within {r.TriggerDistanceMetres} metres), or naming the same perpetrator";

    public async Task<TriggerApplicationResponse> ToResponseAsync(TriggerApplication a, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(x => x.Id, x => new AgencyRef(x.Id, x.Name), ct);
        var now = time.GetUtcNow();
        var recommendations = await db.TriggerRecommendations.AsNoTracking().Where(r => r.ApplicationId == a.Id).OrderBy(r => r.Id).ToListAsync(ct);
        return new TriggerApplicationResponse(a.Id, a.Reference, a.CaseId, a.ApplicantName, a.OnBehalfOfVictim, a.ReceivedAt, agencies[a.LeadAgencyId], a.District,
            a.Summary, a.QualifyingComplaints, a.Status.ToString(), a.ThresholdMet, a.DecisionReason, a.DecidedAt, a.DecidedBy, a.ReviewMeetingAt, a.ReviewOutcome,
            recommendations.Select(r => new RecommendationResponse(r.Id, r.Text, agencies[r.OwnerAgencyId], r.DueAt, r.CompletedAt is null && now > r.DueAt, r.CompletedAt, r.Outcome, r.Version)).ToList(),
            a.Version);
    }

    /// <summary>The financial year (by the year it starts, in April) the force is in today.</summary>
    public int CurrentFinancialYear => ForceClock.ToLocal(time.GetUtcNow()) is var today && today.Month >= 4 ? today.Year : today.Year - 1;

    /// <summary>The figures in the words the council publishes them in, in order.</summary>
    public static IReadOnlyList<(string Name, int Count)> Rows(TriggerFigures f) =>
    [
        ("Applications received", f.Applications),
        ("Applications that met the threshold", f.ThresholdMet),
        ("Applications that did not meet the threshold", f.ThresholdNotMet),
        ("Applications awaiting a decision", f.AwaitingDecision),
        ("Case reviews held", f.ReviewsHeld),
        ("Case reviews that resulted in recommendations", f.ReviewsWithRecommendations),
        ("Recommendations made", f.RecommendationsMade),
        ("Recommendations completed", f.RecommendationsCompleted),
        ("Cases SafetyNet flagged as meeting the threshold", f.FlaggedBySafetyNet),
    ];

    /// <summary>The figures for one financial year (1 April to 31 March), counting only what the caller may see.</summary>
    public async Task<TriggerFigures> FiguresAsync(int financialYear, CancellationToken ct)
    {
        var from = new DateOnly(financialYear, 4, 1);
        var to = new DateOnly(financialYear + 1, 3, 31);
        var start = ForceClock.StartOf(from);
        var end = ForceClock.StartOf(to.AddDays(1));
        var applications = Visible(db.TriggerApplications).AsNoTracking().Where(a => a.ReceivedAt >= start && a.ReceivedAt < end);
        var ids = applications.Select(a => a.Id);
        var recommendations = db.TriggerRecommendations.AsNoTracking().Where(r => ids.Contains(r.ApplicationId));
        return new TriggerFigures(from, to,
            await applications.CountAsync(ct),
            await applications.CountAsync(a => a.ThresholdMet == true, ct),
            await applications.CountAsync(a => a.ThresholdMet == false, ct),
            await applications.CountAsync(a => a.ThresholdMet == null, ct),
            await applications.CountAsync(a => a.Status == TriggerStatus.Reviewed, ct),
            await applications.CountAsync(a => db.TriggerRecommendations.Any(r => r.ApplicationId == a.Id), ct),
            await recommendations.CountAsync(ct),
            await recommendations.CountAsync(r => r.CompletedAt != null, ct),
            await access.Visible(db.AsbCases).CountAsync(c => c.TriggerFlaggedAt >= start && c.TriggerFlaggedAt < end, ct));
    }
}
