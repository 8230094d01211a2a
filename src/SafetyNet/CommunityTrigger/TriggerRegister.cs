using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.CommunityTrigger;

/// <summary>
/// The Community Trigger register as the caller may see it: the applications, the cases SafetyNet flagged, each
/// application with its recommendations, and a year's figures.
/// </summary>
public sealed class TriggerRegister(AppDb db, CaseAccess access, TimeProvider time)
{
    /// <summary>Force caseworkers see every application; a partner sees those its agency leads.</summary>
    public IQueryable<TriggerApplication> Visible(IQueryable<TriggerApplication> applications) =>
        access.IsForceCaseworker ? applications
        : access.IsPartnerCaseworker ? applications.Where(a => a.LeadAgencyId == access.AgencyId)
        : applications.Where(_ => false);

    public async Task<List<FlaggedCase>> FlaggedCasesAsync(CancellationToken ct)
    {
        var cases = access.Visible(db.AsbCases).AsNoTracking().Where(c => c.TriggerFlaggedAt != null && c.Status == AsbCaseStatus.Open);
        return await cases.OrderByDescending(c => c.TriggerFlaggedAt).ThenBy(c => c.Id).Take(500)
            .Select(c => new FlaggedCase(c.Id, c.Reference, c.Title, c.TriggerFlaggedAt!.Value,
                db.Agencies.Where(a => a.Id == c.LeadAgencyId).Select(a => a.Name).First(), db.TriggerApplications.Any(t => t.CaseId == c.Id)))
            .ToListAsync(ct);
    }

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
            await recommendations.CountAsync(ct),
            await recommendations.CountAsync(r => r.CompletedAt != null, ct),
            await access.Visible(db.AsbCases).CountAsync(c => c.TriggerFlaggedAt >= start && c.TriggerFlaggedAt < end, ct));
    }
}
