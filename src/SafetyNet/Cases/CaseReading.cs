using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>
/// Reading ASB cases: search and export, one case, its chronology and the incidents that may belong to it. Every read
/// is audited; what a partner sees is cut to the sharing agreement, and police-only entries and a domestic abuse
/// victim's whereabouts never reach them. A case is not itself sensitive, so it is read without a purpose: the
/// sensitive incidents it lists (to the police only) are rows without their place, and each read names the incidents
/// it listed.
/// </summary>
public sealed class CaseReading(
    AppDb db, CaseAccess access, ForceConfiguration configuration, CurrentUser user, AuditTrail audit, RecordReads reads, TimeProvider time,
    Identities identities)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The incidents a read listed, for its audit event.</summary>
    private static string Listed(IEnumerable<long> incidentIds) => $"incidents={string.Join(',', incidentIds.Distinct().Select(Id))}";

    /// <summary>A case is read without a purpose (its sensitive incidents carry no place) and audited naming what it listed.</summary>
    private Task AuditAsync(string action, long caseId, string? details, CancellationToken ct) =>
        reads.DecideAsync(false, action, "case", caseId, null, details, ct);

    public async Task<PagedList<CaseSummary>> SearchAsync(string? q, string? status, string? risk, string? district, bool reviewOverdue, Paging paging, CancellationToken ct)
    {
        var found = await FindAsync(q, status, risk, district, reviewOverdue, paging, ct);
        await audit.WriteAsync("case.search", "case", null, details: $"q={q} status={status} risk={risk} district={district} page={paging.Page}", cancellationToken: ct);
        return found;
    }

    /// <summary>
    /// Every case a search finds, up to <paramref name="maxRows"/>, for a file the caller takes away: one audit event
    /// for the whole export, naming its recipient (the caller), however many pages it reads.
    /// </summary>
    public async Task<List<CaseSummary>> ExportAsync(string? q, string? status, string? risk, string? district, bool reviewOverdue, int maxRows, CancellationToken ct)
    {
        var rows = new List<CaseSummary>();
        for (var page = 1; rows.Count < maxRows; page++)
        {
            var batch = await FindAsync(q, status, risk, district, reviewOverdue, new Paging(page, Paging.MaxPageSize), ct);
            rows.AddRange(batch.Items.Take(maxRows - rows.Count));
            if (batch.Items.Count < Paging.MaxPageSize)
            {
                break;
            }
        }
        await audit.WriteAsync("case.export", "case", null,
            details: $"q={q} status={status} risk={risk} district={district} rows={rows.Count} recipient={user.Name}", cancellationToken: ct);
        return rows;
    }

    private async Task<PagedList<CaseSummary>> FindAsync(string? q, string? status, string? risk, string? district, bool reviewOverdue, Paging paging, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = access.Visible(db.AsbCases).AsNoTracking();
        if (Enum.TryParse<AsbCaseStatus>(status, true, out var s))
        {
            query = query.Where(c => c.Status == s);
        }
        if (AsbRules.NormaliseLevel(risk) is { } level)
        {
            query = query.Where(c => c.RiskLevel == level);
        }
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(c => c.District == district);
        }
        if (reviewOverdue)
        {
            query = query.Where(c => c.Status == AsbCaseStatus.Open
                && (c.NextReviewDueAt < now || c.InspectorReviewDueAt < now || c.ChiefInspectorReviewDueAt < now));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var canSeeParties = access.IsForceCaseworker || (await access.PartnerCategoriesAsync(ct)).Contains(DataCategories.Parties);
            if (canSeeParties)
            {
                var byParty = db.CaseParties.Where(p => p.Name.Contains(text)).Select(p => p.CaseId);
                query = query.Where(c => c.Reference == text || c.Title.Contains(text) || byParty.Contains(c.Id));
            }
            else
            {
                query = query.Where(c => c.Reference == text || c.Title.Contains(text));
            }
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new { c, Lead = db.Agencies.Where(a => a.Id == c.LeadAgencyId).Select(a => a.Name).FirstOrDefault() }).ToListAsync(ct);
        var seeRisk = access.IsForceCaseworker || (await access.PartnerCategoriesAsync(ct)).Contains(DataCategories.Risk);
        return new PagedList<CaseSummary>(rows.Select(r => new CaseSummary(r.c.Id, r.c.Reference, r.c.Title, r.c.Category, r.c.Status.ToString(),
            seeRisk || r.c.LeadAgencyId == user.AgencyId ? r.c.RiskLevel : null,
            seeRisk || r.c.LeadAgencyId == user.AgencyId ? FirstReviewDue(r.c) : null,
            r.c.Status == AsbCaseStatus.Open && FirstReviewDue(r.c) < now && (seeRisk || r.c.LeadAgencyId == user.AgencyId),
            r.c.District, r.Lead ?? "", r.c.OpenedAt, r.c.TriggerFlaggedAt is not null, r.c.Version)).ToList(), paging.Page, paging.PageSize, total);
    }

    /// <summary>The earliest review of any rank still to come (or missed).</summary>
    private static DateTimeOffset FirstReviewDue(AsbCase c) =>
        new[] { c.InspectorReviewDueAt, c.ChiefInspectorReviewDueAt }.Aggregate(c.NextReviewDueAt, (first, d) => d is { } due && due < first ? due : first);

    private static List<ReviewDue> ReviewsOf(AsbCase c, ReviewCadence cadence, DateTimeOffset now)
    {
        var reviews = new List<ReviewDue> { new(nameof(ReviewRank.Sergeant), cadence.SergeantDays, c.NextReviewDueAt, c.NextReviewDueAt < now) };
        if (cadence.InspectorDays is { } i && c.InspectorReviewDueAt is { } inspector)
        {
            reviews.Add(new(nameof(ReviewRank.Inspector), i, inspector, inspector < now));
        }
        if (cadence.ChiefInspectorDays is { } ci && c.ChiefInspectorReviewDueAt is { } chief)
        {
            reviews.Add(new(nameof(ReviewRank.ChiefInspector), ci, chief, chief < now));
        }
        return reviews;
    }

    public async Task<CaseResponse?> ReadAsync(long id, CancellationToken ct, bool auditRead = true)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return null;
        }
        var c = await db.AsbCases.AsNoTracking().SingleAsync(x => x.Id == id, ct);
        var now = time.GetUtcNow();
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var withheld = DataCategories.All.Where(cat => !view.Can(cat)).ToList();

        List<CasePartyResponse>? parties = null;
        if (view.Can(DataCategories.Parties))
        {
            var rows = await (from p in db.CaseParties.AsNoTracking()
                              join i in db.PersonIdentities.AsNoTracking() on p.IdentityId equals i.Id
                              where p.CaseId == id
                              orderby p.Role, p.Id
                              select new { p.Id, p.IdentityId, p.Role, i.DisplayName, i.DateOfBirth }).ToListAsync(ct);
            var identityIds = rows.Select(r => r.IdentityId).ToList();
            var addresses = view.Can(DataCategories.Addresses)
                ? (await db.IncidentPeople.AsNoTracking().Where(e => e.IdentityId != null && identityIds.Contains(e.IdentityId.Value) && e.Address != null)
                    .Select(e => new { Identity = e.IdentityId!.Value, e.Id, e.Address }).ToListAsync(ct))
                    .GroupBy(e => e.Identity).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Address)
                : [];
            // A domestic abuse victim's whereabouts never reach a partner, whatever the agreement says.
            var protectedIdentities = view.IsForce ? [] : (await (from e in db.IncidentPeople
                                                                    join inc in db.Incidents on e.IncidentId equals inc.Id
                                                                    where e.IdentityId != null && identityIds.Contains(e.IdentityId.Value)
                                                                          && e.Role == PersonRole.Victim && inc.TypeCode == "DOMESTIC-ABUSE"
                                                                    select e.IdentityId!.Value).Distinct().ToListAsync(ct)).ToHashSet();
            parties = rows.Select(r =>
            {
                var hidden = protectedIdentities.Contains(r.IdentityId);
                return new CasePartyResponse(r.Id, r.IdentityId, r.Role.ToString(), r.DisplayName, r.DateOfBirth,
                    hidden ? null : addresses.GetValueOrDefault(r.IdentityId), hidden);
            }).ToList();
        }

        List<CaseIncidentResponse>? incidents = null;
        if (view.Can(DataCategories.Incidents))
        {
            var query = from l in db.CaseIncidents.AsNoTracking()
                        join i in db.Incidents.AsNoTracking() on l.IncidentId equals i.Id
                        where l.CaseId == id
                        select i;
            if (!view.IsForce)
            {
                // Sensitive incidents (domestic abuse, sexual offences, stalking) stay with the police.
                query = query.Where(i => !i.Sensitive);
            }
            incidents = (await query.OrderBy(i => i.ReportedAt).ThenBy(i => i.Id).Select(i => new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText, i.Sensitive }).ToListAsync(ct))
                .Select(i => new CaseIncidentResponse(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
                    i.Sensitive ? null : i.LocationText, i.Sensitive)).ToList();
        }

        List<CaseShareResponse>? shares = null;
        if (view.IsForce || c.LeadAgencyId == user.AgencyId)
        {
            shares = (await db.CaseShares.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Id).ToListAsync(ct))
                .Select(s => new CaseShareResponse(s.Id, agencies[s.AgencyId], s.LawfulBasis.ToString(), s.ConsentSought, s.ConsentGiven, s.Note, s.SharedAt, s.SharedBy, s.WithdrawnAt))
                .ToList();
        }

        List<CaseActionResponse>? actions = null;
        if (view.Can(DataCategories.Actions))
        {
            actions = (await db.CaseActions.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync(ct))
                .Select(a => CaseActions.ToResponse(a, agencies, now)).ToList();
        }
        var rules = view.Can(DataCategories.Risk) ? (await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct)).Value : null;
        if (auditRead)
        {
            var partnerView = view.IsForce ? null : $"partner view: {string.Join(',', view.Categories)}";
            var listed = incidents is { Count: > 0 } ? Listed(incidents.Select(i => i.IncidentId)) : null;
            string[] details = [.. new[] { partnerView, listed }.OfType<string>()];
            await AuditAsync("case.read", id, details.Length == 0 ? null : string.Join(' ', details), ct);
        }
        return new CaseResponse(c.Id, c.Reference, c.Title, c.Category, c.Status.ToString(),
            view.Can(DataCategories.Risk) ? c.RiskLevel : null, view.Can(DataCategories.Risk) && c.Status == AsbCaseStatus.Open ? c.NextReviewDueAt : null,
            rules?.CadenceFor(c.RiskLevel), c.District, agencies[c.LeadAgencyId], c.SpocName, c.OpenedAt, c.OpenedBy, c.ClosedAt, c.ClosureOutcome,
            c.VictimSatisfaction, c.TriggerFlaggedAt, parties, incidents, shares, actions, withheld, c.Version,
            rules is not null && c.Status == AsbCaseStatus.Open ? ReviewsOf(c, rules.CadenceFor(c.RiskLevel), now) : null);
    }

    public async Task<IReadOnlyList<ChronologyItem>?> ChronologyAsync(long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null)
        {
            return null;
        }
        if (!view.Can(DataCategories.Chronology))
        {
            return [];
        }
        var entries = db.CaseEntries.AsNoTracking().Where(e => e.CaseId == id);
        if (!view.IsForce)
        {
            entries = entries.Where(e => !e.PoliceOnly);
        }
        var items = (await entries.ToListAsync(ct)).Select(e => new ChronologyItem(e.At, e.Kind, e.Text, e.By)).ToList();
        string? listed = null;
        if (view.Can(DataCategories.Incidents))
        {
            var incidents = await (from l in db.CaseIncidents.AsNoTracking()
                                   join i in db.Incidents.AsNoTracking() on l.IncidentId equals i.Id
                                   where l.CaseId == id && (view.IsForce || !i.Sensitive)
                                   select new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText, i.Sensitive }).ToListAsync(ct);
            // A sensitive incident's place may be the victim's address: it is told without it.
            items.AddRange(incidents.Select(i => new ChronologyItem(i.ReportedAt, "incident",
                $"Incident {i.Reference}: {IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode}{(i.Sensitive ? "" : $" at {i.LocationText}")}", "")));
            listed = incidents.Count > 0 ? Listed(incidents.Select(i => i.Id)) : null;
        }
        await AuditAsync("case.chronology", id, listed, ct);
        return items.OrderByDescending(i => i.At).ToList();
    }

    /// <summary>
    /// Incidents not yet on the case that may belong to it: those naming a party's identity, and those at the
    /// place of a linked incident within 90 days of it. Police only.
    /// </summary>
    public async Task<IReadOnlyList<IncidentSuggestion>?> SuggestionsAsync(long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        if (view is null || !view.IsForce)
        {
            return null;
        }
        var linked = await db.CaseIncidents.AsNoTracking().Where(l => l.CaseId == id).Select(l => l.IncidentId).ToListAsync(ct);
        var partyIds = await identities.WithMergedAsync(await db.CaseParties.Where(p => p.CaseId == id).Select(p => p.IdentityId).ToListAsync(ct), ct);
        var byPerson = await (from p in db.IncidentPeople.AsNoTracking()
                              join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                              where p.IdentityId != null && partyIds.Contains(p.IdentityId.Value) && !linked.Contains(i.Id)
                              orderby i.ReportedAt descending
                              select new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText, i.Sensitive, p.Role }).Take(50).ToListAsync(ct);
        var places = await db.Incidents.AsNoTracking().Where(i => linked.Contains(i.Id)).Select(i => new { i.LocationText, i.Uprn, i.ReportedAt }).ToListAsync(ct);
        var suggestions = byPerson.Select(i => new IncidentSuggestion(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
            i.Sensitive ? null : i.LocationText, $"Names a person on the case ({i.Role.ToString().ToLowerInvariant()})", i.Sensitive)).ToList();
        foreach (var place in places)
        {
            var from = place.ReportedAt.AddDays(-90);
            var to = place.ReportedAt.AddDays(90);
            var near = await db.Incidents.AsNoTracking()
                .Where(i => !linked.Contains(i.Id) && i.ReportedAt >= from && i.ReportedAt <= to
                            && (i.LocationText == place.LocationText || (place.Uprn != null && i.Uprn == place.Uprn)))
                .OrderByDescending(i => i.ReportedAt).Take(20)
                .Select(i => new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText, i.Sensitive }).ToListAsync(ct);
            suggestions.AddRange(near.Select(i => new IncidentSuggestion(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
                i.Sensitive ? null : i.LocationText, "Same place within 90 days of a linked incident", i.Sensitive)));
        }
        var offered = suggestions.DistinctBy(s => s.IncidentId).OrderByDescending(s => s.ReportedAt).ThenByDescending(s => s.IncidentId).ToList();
        await AuditAsync("case.suggestions", id, offered.Count > 0 ? Listed(offered.Select(s => s.IncidentId)) : null, ct);
        return offered;
    }
}
