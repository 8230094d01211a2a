using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>
/// Multi-agency ASB case work: opening a case, its parties and incidents, sharing, the action plan, the
/// chronology, closure and reopening. Every read and change is audited; what a partner sees is cut to the
/// sharing agreement, and police-only entries and a domestic abuse victim's whereabouts never reach them.
/// </summary>
public sealed class CaseWork(
    AppDb db, CaseAccess access, ForceConfiguration configuration, TriggerThreshold trigger, CurrentUser user, AuditTrail audit, TimeProvider time,
    Identities identities, Reactions reactions)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<string> Categories = ["Personal", "Nuisance", "Environmental"];

    public void AddEntry(long caseId, string kind, string text, bool policeOnly = false) =>
        db.CaseEntries.Add(new CaseEntry { CaseId = caseId, At = time.GetUtcNow(), Kind = kind, Text = text.Length > 4000 ? text[..4000] : text, PoliceOnly = policeOnly, By = user.Name });

    private async Task<int> ForceAgencyIdAsync(CancellationToken ct) =>
        await db.Agencies.Where(a => a.Code == AccountSeeder.ForceCode).Select(a => a.Id).SingleAsync(ct);

    /// <summary>Opens a case from a reviewed incident: its victims and named suspects become parties (as identities).</summary>
    public async Task<AsbCase> OpenFromIncidentAsync(Incident incident, string riskLevel, CancellationToken ct)
    {
        var type = IncidentType.Find(incident.TypeCode);
        var people = await db.IncidentPeople.Where(p => p.IncidentId == incident.Id && p.IdentityId != null).ToListAsync(ct);
        var parties = new List<(long, CasePartyRole)>();
        foreach (var person in people)
        {
            CasePartyRole? role = person.Role switch
            {
                PersonRole.Victim => CasePartyRole.Victim,
                PersonRole.Suspect when person.FirstName is not null || person.LastName is not null => CasePartyRole.Perpetrator,
                PersonRole.Witness => CasePartyRole.Witness,
                _ => null,
            };
            if (role is { } r)
            {
                parties.Add((await identities.CurrentIdAsync(person.IdentityId!.Value, ct) ?? person.IdentityId!.Value, r));
            }
        }
        var victim = people.FirstOrDefault(p => p.Role == PersonRole.Victim);
        var title = $"{type?.AsbCategory ?? "ASB"}: {incident.LocationText}";
        var opened = await CreateAsync(title.Length > 200 ? title[..200] : title, type?.AsbCategory ?? "Personal", riskLevel, incident.District,
            await ForceAgencyIdAsync(ct), user.Id, parties, [incident.Id], ct);
        if (victim is not null)
        {
            AddEntry(opened.Id, "opened", $"Opened from incident {incident.Reference} for {victim.DisplayName}", policeOnly: incident.Sensitive);
        }
        return opened;
    }

    private async Task<AsbCase> CreateAsync(string title, string category, string riskLevel, string? district, int leadAgencyId, string? spocUserId,
        IReadOnlyList<(long IdentityId, CasePartyRole Role)> parties, IReadOnlyList<long> incidentIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var spoc = spocUserId is null ? null : await db.Users.Where(u => u.Id == spocUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var asbCase = new AsbCase
        {
            Title = title,
            Category = category,
            RiskLevel = riskLevel,
            RulesVersion = rules.Version,
            District = district,
            LeadAgencyId = leadAgencyId,
            SpocUserId = spocUserId,
            SpocName = spoc,
            Status = AsbCaseStatus.Open,
            OpenedAt = now,
            OpenedBy = user.Name,
        };
        rules.Value.CadenceFor(riskLevel).Schedule(asbCase, now);
        db.AsbCases.Add(asbCase);
        await db.SaveChangesAsync(ct);
        asbCase.Reference = $"ASB-{ForceClock.ToLocal(now):yy}-{asbCase.Id:D6}";
        var partyIds = parties.Select(p => p.IdentityId).Distinct().ToList();
        var names = await db.PersonIdentities.Where(i => partyIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.DisplayName, ct);
        foreach (var (identityId, role) in parties.Distinct())
        {
            db.CaseParties.Add(new CaseParty { CaseId = asbCase.Id, IdentityId = identityId, Name = names.GetValueOrDefault(identityId, ""), Role = role, AddedAt = now, AddedBy = user.Name });
        }
        foreach (var incidentId in incidentIds.Distinct())
        {
            db.CaseIncidents.Add(new CaseIncident { CaseId = asbCase.Id, IncidentId = incidentId, LinkedAt = now, LinkedBy = user.Name });
        }
        AddEntry(asbCase.Id, "opened", $"Case opened: {category}, {riskLevel} risk; review every {rules.Value.CadenceFor(riskLevel).SergeantDays} days");
        audit.Add("case.create", "case", Id(asbCase.Id), details: asbCase.Reference);
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(asbCase, ct);
        await db.SaveChangesAsync(ct);
        return asbCase;
    }

    public async Task<Outcome<AsbCase>> CreateAsync(CreateCaseRequest request, CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return Outcome<AsbCase>.NotFound;
        }
        var v = new Validation();
        var title = v.Required("title", request.Title, "a title for the case", 200);
        var category = Categories.FirstOrDefault(c => string.Equals(c, request.Category, StringComparison.OrdinalIgnoreCase));
        if (category is null)
        {
            v.Add("category", $"Select the ASB category: {string.Join(", ", Categories)}");
        }
        var level = AsbRules.NormaliseLevel(request.RiskLevel);
        if (level is null)
        {
            v.Add("riskLevel", $"Select the risk level: {string.Join(", ", AsbRules.RiskLevels)}");
        }
        var district = v.District("district", request.District);
        var lead = request.LeadAgencyId ?? user.AgencyId;
        if (lead is null || !await db.Agencies.AnyAsync(a => a.Id == lead, ct))
        {
            v.Add("leadAgencyId", "Select the lead agency");
        }
        else if (access.IsPartnerCaseworker && lead != user.AgencyId)
        {
            v.Add("leadAgencyId", "A partner opens cases that its own agency leads");
        }
        var spoc = request.SpocUserId ?? user.Id;
        if (spoc is not null && !await db.Users.AnyAsync(u => u.Id == spoc, ct))
        {
            v.Add("spocUserId", "Select the single point of contact from SafetyNet's users");
        }
        var parties = new List<(long, CasePartyRole)>();
        foreach (var (party, index) in (request.Parties ?? []).Select((p, i) => (p, i)))
        {
            var role = v.Enum<CasePartyRole>($"parties[{index}].role", party.Role, "the party's role");
            if (party.IdentityId is not { } identityId || !await db.PersonIdentities.AnyAsync(i => i.Id == identityId, ct) || !access.IsForceCaseworker)
            {
                // Partners add people through a case they can see, never by probing identities they cannot.
                v.Add($"parties[{index}].identityId", "Select a person known to SafetyNet");
            }
            else if (role is { } r)
            {
                parties.Add((await identities.CurrentIdAsync(identityId, ct) ?? identityId, r));
            }
        }
        var incidents = request.IncidentIds ?? [];
        foreach (var (incidentId, index) in incidents.Select((i, n) => (i, n)))
        {
            if (!access.IsForceCaseworker || !await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
            {
                v.Add($"incidentIds[{index}]", "Select an incident recorded in SafetyNet");
            }
        }
        if (!v.IsValid)
        {
            return Outcome<AsbCase>.Invalid(v.Errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await CreateAsync(title!, category!, level!, district, lead!.Value, spoc, parties, incidents, ct);
        await transaction.CommitAsync(ct);
        return Outcome<AsbCase>.Done(created);
    }

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
            incidents = (await query.OrderBy(i => i.ReportedAt).Select(i => new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText }).ToListAsync(ct))
                .Select(i => new CaseIncidentResponse(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode, i.LocationText)).ToList();
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
                .Select(a => ToResponse(a, agencies, now)).ToList();
        }
        var rules = view.Can(DataCategories.Risk) ? (await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct)).Value : null;
        if (auditRead)
        {
            await audit.WriteAsync("case.read", "case", Id(id), details: view.IsForce ? null : $"partner view: {string.Join(',', view.Categories)}", cancellationToken: ct);
        }
        return new CaseResponse(c.Id, c.Reference, c.Title, c.Category, c.Status.ToString(),
            view.Can(DataCategories.Risk) ? c.RiskLevel : null, view.Can(DataCategories.Risk) && c.Status == AsbCaseStatus.Open ? c.NextReviewDueAt : null,
            rules?.CadenceFor(c.RiskLevel), c.District, agencies[c.LeadAgencyId], c.SpocName, c.OpenedAt, c.OpenedBy, c.ClosedAt, c.ClosureOutcome,
            c.VictimSatisfaction, c.TriggerFlaggedAt, parties, incidents, shares, actions, withheld, c.Version,
            rules is not null && c.Status == AsbCaseStatus.Open ? ReviewsOf(c, rules.CadenceFor(c.RiskLevel), now) : null);
    }

    public static CaseActionResponse ToResponse(CaseAction a, IReadOnlyDictionary<int, AgencyRef> agencies, DateTimeOffset now) =>
        new(a.Id, a.CaseId, a.Title, a.OwnerUserId, a.OwnerName, a.OwnerAgencyId is { } ag && agencies.TryGetValue(ag, out var agency) ? agency : null,
            a.DueAt, a.Status.ToString(), a.Status == CaseActionStatus.Open && now > a.DueAt, a.Outcome, a.CompletedAt, a.Version);

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
        if (view.Can(DataCategories.Incidents))
        {
            var incidents = from l in db.CaseIncidents.AsNoTracking()
                            join i in db.Incidents.AsNoTracking() on l.IncidentId equals i.Id
                            where l.CaseId == id && (view.IsForce || !i.Sensitive)
                            select new { i.Reference, i.ReportedAt, i.TypeCode, i.LocationText };
            items.AddRange((await incidents.ToListAsync(ct)).Select(i => new ChronologyItem(i.ReportedAt, "incident",
                $"Incident {i.Reference}: {IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode} at {i.LocationText}", "")));
        }
        await audit.WriteAsync("case.chronology", "case", Id(id), cancellationToken: ct);
        return items.OrderByDescending(i => i.At).ToList();
    }

    /// <summary>Loads a case the user may see, for a change; partners change only what their view permits.</summary>
    private async Task<(AsbCase? Case, CaseView? View)> ForChangeAsync(long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        return view is null ? (null, null) : (await db.AsbCases.SingleAsync(c => c.Id == id, ct), view);
    }

    private bool Leads(AsbCase c, CaseView view) => view.IsForce || c.LeadAgencyId == user.AgencyId;

    public async Task<Outcome<CaseResponse>> UpdateAsync(long id, UpdateCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !Leads(c, view))
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the case you read");
        }
        else if (!db.Matches(c, request.Version.Value))
        {
            return Outcome<CaseResponse>.Stale(c.Version);
        }
        var title = request.Title is null ? null : v.Required("title", request.Title, "a title for the case", 200);
        var level = request.RiskLevel is null ? null : AsbRules.NormaliseLevel(request.RiskLevel);
        if (request.RiskLevel is not null && level is null)
        {
            v.Add("riskLevel", $"Select the risk level: {string.Join(", ", AsbRules.RiskLevels)}");
        }
        var reason = v.MaxLength("reason", request.Reason, "the reason", 1000);
        if (level is not null && level != c.RiskLevel && reason is null)
        {
            v.Add("reason", "Give the reason for changing the risk level");
        }
        string? spocName = null;
        if (request.SpocUserId is not null)
        {
            spocName = await db.Users.Where(u => u.Id == request.SpocUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (spocName is null)
            {
                v.Add("spocUserId", "Select the single point of contact from SafetyNet's users");
            }
        }
        if (request.LeadAgencyId is { } lead && !await db.Agencies.AnyAsync(a => a.Id == lead, ct))
        {
            v.Add("leadAgencyId", "Select the lead agency");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        if (title is not null)
        {
            c.Title = title;
        }
        if (level is not null && level != c.RiskLevel)
        {
            var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
            AddEntry(c.Id, "risk", $"Risk changed from {c.RiskLevel} to {level}: {reason}");
            c.RiskLevel = level;
            c.RulesVersion = rules.Version;
            rules.Value.CadenceFor(level).Schedule(c, now);
        }
        if (spocName is not null)
        {
            c.SpocUserId = request.SpocUserId;
            c.SpocName = spocName;
            AddEntry(c.Id, "spoc", $"Single point of contact is now {spocName}");
        }
        if (request.LeadAgencyId is { } newLead && newLead != c.LeadAgencyId)
        {
            c.LeadAgencyId = newLead;
            AddEntry(c.Id, "lead-agency", $"Lead agency changed to {await db.Agencies.Where(a => a.Id == newLead).Select(a => a.Name).SingleAsync(ct)}");
        }
        audit.Add("case.update", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    /// <summary>
    /// Records a supervisory review of the case at a rank: that rank's next review falls due by the cadence of the
    /// risk level. Inspector and chief inspector reviews are for supervisors, and only where the level asks for them.
    /// </summary>
    public async Task<Outcome<CaseResponse>> ReviewAsync(long id, CaseReviewRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var text = v.Required("text", request.Text, "what the review found", 4000);
        var rank = ReviewRank.Sergeant;
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var cadence = rules.Value.CadenceFor(c.RiskLevel);
        if (!string.IsNullOrWhiteSpace(request.Rank) && !Enum.TryParse(request.Rank.Replace(" ", "", StringComparison.Ordinal), ignoreCase: true, out rank))
        {
            v.Add("rank", "Choose the rank of the review: Sergeant, Inspector or ChiefInspector");
        }
        else if (cadence.DaysFor(rank) is null)
        {
            v.Add("rank", $"A {c.RiskLevel.ToLowerInvariant()} risk case has no {Describe(rank).ToLowerInvariant()} review");
        }
        else if (rank != ReviewRank.Sergeant && !user.IsInRole(Roles.Supervisor))
        {
            v.Add("rank", $"Only a supervisor records a review at {Describe(rank).ToLowerInvariant()} rank");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        var next = time.GetUtcNow().AddDays(cadence.DaysFor(rank)!.Value);
        switch (rank)
        {
            case ReviewRank.Sergeant: c.NextReviewDueAt = next; break;
            case ReviewRank.Inspector: c.InspectorReviewDueAt = next; break;
            default: c.ChiefInspectorReviewDueAt = next; break;
        }
        AddEntry(c.Id, "review", $"{Describe(rank)} review: {text}");
        audit.Add("case.review", "case", Id(id), details: rank.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    public static string Describe(ReviewRank rank) => rank switch
    {
        ReviewRank.Sergeant => "Sergeant",
        ReviewRank.Inspector => "Inspector",
        _ => "Chief inspector",
    };

    public async Task<Outcome<CaseResponse>> AddPartyAsync(long id, CasePartyRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var role = v.Enum<CasePartyRole>("role", request.Role, "the party's role");
        long? identity = null;
        if (!view.IsForce || request.IdentityId is not { } requested || !await db.PersonIdentities.AnyAsync(i => i.Id == requested, ct))
        {
            v.Add("identityId", "Select a person known to SafetyNet");
        }
        else
        {
            identity = await identities.CurrentIdAsync(requested, ct) ?? requested;
            if (await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == identity && p.Role == role, ct))
            {
                v.Add("identityId", "That person is already on the case in that role");
            }
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        var name = await db.PersonIdentities.Where(i => i.Id == identity).Select(i => i.DisplayName).SingleAsync(ct);
        db.CaseParties.Add(new CaseParty { CaseId = id, IdentityId = identity!.Value, Name = name, Role = role!.Value, AddedAt = time.GetUtcNow(), AddedBy = user.Name });
        AddEntry(id, "party", $"{name} added as {role.Value.ToString().ToLowerInvariant()}");
        audit.Add("case.party.add", "case", Id(id), details: $"identity {identity} {role}");
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task LinkIncidentAsync(AsbCase c, long incidentId, CancellationToken ct)
    {
        if (await db.CaseIncidents.AnyAsync(l => l.CaseId == c.Id && l.IncidentId == incidentId, ct))
        {
            return;
        }
        db.CaseIncidents.Add(new CaseIncident { CaseId = c.Id, IncidentId = incidentId, LinkedAt = time.GetUtcNow(), LinkedBy = user.Name });
        var linked = await db.Incidents.Where(i => i.Id == incidentId).Select(i => new { i.Reference, i.Sensitive }).SingleAsync(ct);
        // A sensitive incident's reference is kept from partners: the entry is police-only, like the incident itself.
        AddEntry(c.Id, "link", $"Incident {linked.Reference} linked", policeOnly: linked.Sensitive);
        audit.Add("case.incident.link", "case", Id(c.Id), details: $"incident {incidentId}");
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Outcome<CaseResponse>> LinkIncidentAsync(long id, LinkIncidentRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        // Only the police link incidents: a partner cannot learn whether an incident exists.
        if (!view.IsForce || request.IncidentId is not { } incidentId || !await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            v.Add("incidentId", "Select an incident recorded in SafetyNet");
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        await LinkIncidentAsync(c, incidentId, ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
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
                              select new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText, p.Role }).Take(50).ToListAsync(ct);
        var places = await db.Incidents.AsNoTracking().Where(i => linked.Contains(i.Id)).Select(i => new { i.LocationText, i.Uprn, i.ReportedAt }).ToListAsync(ct);
        var suggestions = byPerson.Select(i => new IncidentSuggestion(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode, i.LocationText,
            $"Names a person on the case ({i.Role.ToString().ToLowerInvariant()})")).ToList();
        foreach (var place in places)
        {
            var from = place.ReportedAt.AddDays(-90);
            var to = place.ReportedAt.AddDays(90);
            var near = await db.Incidents.AsNoTracking()
                .Where(i => !linked.Contains(i.Id) && i.ReportedAt >= from && i.ReportedAt <= to
                            && (i.LocationText == place.LocationText || (place.Uprn != null && i.Uprn == place.Uprn)))
                .OrderByDescending(i => i.ReportedAt).Take(20)
                .Select(i => new { i.Id, i.Reference, i.ReportedAt, i.TypeCode, i.LocationText }).ToListAsync(ct);
            suggestions.AddRange(near.Select(i => new IncidentSuggestion(i.Id, i.Reference, i.ReportedAt, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode, i.LocationText,
                "Same place within 90 days of a linked incident")));
        }
        await audit.WriteAsync("case.suggestions", "case", Id(id), cancellationToken: ct);
        return suggestions.DistinctBy(s => s.IncidentId).OrderByDescending(s => s.ReportedAt).ToList();
    }

    public async Task<Outcome<CaseResponse>> ShareAsync(long id, ShareRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var agency = request.AgencyId is { } agencyId ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.Kind != AgencyKind.Force, ct) : null;
        if (agency is null)
        {
            v.Add("agencyId", "Select the partner agency to share with");
        }
        else if (!await db.SharingAgreements.AnyAsync(a => a.AgencyId == agency.Id, ct))
        {
            v.Add("agencyId", $"{agency.Name} has no information sharing agreement with the force");
        }
        else if (await db.CaseShares.AnyAsync(s => s.CaseId == id && s.AgencyId == agency.Id && s.WithdrawnAt == null, ct))
        {
            v.Add("agencyId", $"The case is already shared with {agency.Name}");
        }
        var basis = v.Enum<LawfulBasis>("lawfulBasis", request.LawfulBasis, "the lawful basis for sharing");
        var sought = request.ConsentSought ?? false;
        if (basis == LawfulBasis.Consent && (!sought || request.ConsentGiven != true))
        {
            v.Add("consentGiven", "Sharing on the basis of consent needs the victim's consent, sought and given");
        }
        if (!sought && request.ConsentGiven is not null)
        {
            v.Add("consentGiven", "Record consent only where it was sought");
        }
        if (sought && request.ConsentGiven is null)
        {
            v.Add("consentGiven", "Say whether the victim consented");
        }
        var note = v.MaxLength("note", request.Note, "the note", 1000);
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        db.CaseShares.Add(new CaseShare
        {
            CaseId = id, AgencyId = agency!.Id, LawfulBasis = basis!.Value, ConsentSought = sought, ConsentGiven = request.ConsentGiven, Note = note,
            SharedAt = time.GetUtcNow(), SharedBy = user.Name,
        });
        AddEntry(id, "share", $"Shared with {agency.Name} ({basis}{(sought ? request.ConsentGiven == true ? ", victim consented" : ", victim did not consent" : "")})");
        // A disclosure log (DPA 2018 s.62) names the recipient and the justification.
        audit.Add("case.share", "case", Id(id), purpose: basis.ToString(), details: $"to {agency.Code}");
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseResponse>> WithdrawShareAsync(long id, long shareId, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var share = await db.CaseShares.FirstOrDefaultAsync(s => s.Id == shareId && s.CaseId == id && s.WithdrawnAt == null, ct);
        if (share is null)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        share.WithdrawnAt = time.GetUtcNow();
        share.WithdrawnBy = user.Name;
        AddEntry(id, "share", $"Sharing with {await db.Agencies.Where(a => a.Id == share.AgencyId).Select(a => a.Name).SingleAsync(ct)} withdrawn");
        audit.Add("case.share.withdraw", "case", Id(id), details: $"agency {share.AgencyId}");
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseActionResponse>> AddActionAsync(long id, CaseActionRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null)
        {
            return Outcome<CaseActionResponse>.NotFound;
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Actions))
        {
            v.Add("title", "Your agency's sharing agreement does not include the action plan");
        }
        var title = v.Required("title", request.Title, "what is to be done", 500);
        string? ownerName = null;
        if (request.OwnerUserId is not null)
        {
            ownerName = await db.Users.Where(u => u.Id == request.OwnerUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
            if (ownerName is null)
            {
                v.Add("ownerUserId", "Select the person who owns the action");
            }
        }
        if (request.OwnerAgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            v.Add("ownerAgencyId", "Select the agency that owns the action");
        }
        if (request.OwnerUserId is null && request.OwnerAgencyId is null)
        {
            v.Add("ownerUserId", "Give the action an owner: a person or an agency");
        }
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter the date the action is due");
        }
        else if (request.DueAt < time.GetUtcNow().AddDays(-1))
        {
            v.Add("dueAt", "The due date must not be in the past");
        }
        if (c.Status == AsbCaseStatus.Closed)
        {
            v.Add("title", "Reopen the case before adding actions");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseActionResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        var action = new CaseAction
        {
            CaseId = id, Title = title!, OwnerUserId = request.OwnerUserId, OwnerName = ownerName, OwnerAgencyId = request.OwnerAgencyId,
            DueAt = request.DueAt!.Value, Status = CaseActionStatus.Open, CreatedAt = now, CreatedBy = user.Name,
        };
        db.CaseActions.Add(action);
        AddEntry(id, "action", $"Action: {title} (due {ForceClock.Format(action.DueAt)}, {ownerName ?? "agency"})");
        audit.Add("case.action.add", "case", Id(id));
        await db.SaveChangesAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        return Outcome<CaseActionResponse>.Done(ToResponse(action, agencies, now));
    }

    public async Task<Outcome<CaseActionResponse>> UpdateActionAsync(long id, long actionId, UpdateActionRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        var action = c is null ? null : await db.CaseActions.FirstOrDefaultAsync(a => a.Id == actionId && a.CaseId == id, ct);
        if (c is null || view is null || action is null || !view.Can(DataCategories.Actions))
        {
            return Outcome<CaseActionResponse>.NotFound;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the action you read");
        }
        else if (!db.Matches(action, request.Version.Value))
        {
            return Outcome<CaseActionResponse>.Stale(action.Version);
        }
        var status = v.Enum<CaseActionStatus>("status", request.Status, "the status", required: false);
        var outcome = v.MaxLength("outcome", request.Outcome, "the outcome", 2000);
        if (status is CaseActionStatus.Done or CaseActionStatus.Cancelled && outcome is null)
        {
            v.Add("outcome", "Record the outcome of the action");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseActionResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        if (status is { } newStatus && newStatus != action.Status)
        {
            action.Status = newStatus;
            action.CompletedAt = newStatus == CaseActionStatus.Open ? null : now;
            AddEntry(id, "action", $"Action {newStatus.ToString().ToLowerInvariant()}: {action.Title}{(outcome is null ? "" : $" – {outcome}")}");
        }
        if (outcome is not null)
        {
            action.Outcome = outcome;
        }
        if (request.DueAt is { } due && due != action.DueAt)
        {
            AddEntry(id, "action", $"Action re-dated to {ForceClock.Format(due)}: {action.Title}");
            action.DueAt = due;
        }
        audit.Add("case.action.update", "case", Id(id), details: $"action {actionId} {action.Status}");
        await db.SaveChangesAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        return Outcome<CaseActionResponse>.Done(ToResponse(action, agencies, now));
    }

    public async Task<Outcome<ChronologyItem>> AddContactAsync(long id, ContactRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null)
        {
            return Outcome<ChronologyItem>.NotFound;
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Chronology))
        {
            v.Add("text", "Your agency's sharing agreement does not include the case chronology");
        }
        var text = v.Required("text", request.Text, "what was said or done", 4000);
        if (request.PoliceOnly == true && !view.IsForce)
        {
            v.Add("policeOnly", "Only the police record police-only intelligence");
        }
        if (!v.IsValid)
        {
            return Outcome<ChronologyItem>.Invalid(v.Errors);
        }
        AddEntry(id, request.PoliceOnly == true ? "intelligence" : "contact", text!, request.PoliceOnly == true);
        audit.Add("case.contact", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<ChronologyItem>.Done(new ChronologyItem(time.GetUtcNow(), request.PoliceOnly == true ? "intelligence" : "contact", text!, user.Name));
    }

    public async Task<Outcome<CaseResponse>> CloseAsync(long id, CloseCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !Leads(c, view))
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the case you read");
        }
        else if (!db.Matches(c, request.Version.Value))
        {
            return Outcome<CaseResponse>.Stale(c.Version);
        }
        if (c.Status == AsbCaseStatus.Closed)
        {
            v.Add("outcome", "The case is already closed");
        }
        var outcome = v.Required("outcome", request.Outcome, "the outcome of the case", 2000);
        if (request.VictimSatisfaction is { } sat && (sat < 1 || sat > 5))
        {
            v.Add("victimSatisfaction", "Victim satisfaction is from 1 (very dissatisfied) to 5 (very satisfied), or leave it out when not asked");
        }
        if (await db.CaseActions.AnyAsync(a => a.CaseId == id && a.Status == CaseActionStatus.Open, ct))
        {
            v.Add("outcome", "Complete or cancel the open actions before closing the case");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        c.Status = AsbCaseStatus.Closed;
        c.ClosedAt = time.GetUtcNow();
        c.ClosureOutcome = outcome;
        c.VictimSatisfaction = request.VictimSatisfaction;
        AddEntry(id, "closed", $"Case closed: {outcome}{(request.VictimSatisfaction is { } s ? $" (victim satisfaction {s} of 5)" : "")}");
        audit.Add("case.close", "case", Id(id));
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            var closed = new CaseClosed(id, c.ClosedAt.Value);
            await reactions.PublishAsync(closed, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            closed.Committed();
        }
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseResponse>> ReopenAsync(long id, ReopenCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await ForChangeAsync(id, ct);
        if (c is null || view is null || !Leads(c, view))
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the case you read");
        }
        else if (!db.Matches(c, request.Version.Value))
        {
            return Outcome<CaseResponse>.Stale(c.Version);
        }
        if (c.Status == AsbCaseStatus.Open)
        {
            v.Add("reason", "The case is open");
        }
        var reason = v.Required("reason", request.Reason, "the reason for reopening", 1000);
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        // The closure stays in the chronology; the case's live fields describe the case as it now is.
        c.Status = AsbCaseStatus.Open;
        c.ClosedAt = null;
        c.ClosureOutcome = null;
        c.VictimSatisfaction = null;
        rules.Value.CadenceFor(c.RiskLevel).Schedule(c, time.GetUtcNow());
        AddEntry(id, "reopened", $"Case reopened: {reason}");
        audit.Add("case.reopen", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await ReadAsync(id, ct, auditRead: false))!);
    }

    /// <summary>The open actions the user owns, personally or through their agency, on cases they may see.</summary>
    public async Task<IReadOnlyList<CaseActionResponse>> MyActionsAsync(CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return [];
        }
        var me = user.Id;
        var agency = user.AgencyId;
        var visible = access.Visible(db.AsbCases).Select(c => c.Id);
        var rows = await db.CaseActions.AsNoTracking()
            .Where(a => a.Status == CaseActionStatus.Open && (a.OwnerUserId == me || (a.OwnerUserId == null && a.OwnerAgencyId == agency)) && visible.Contains(a.CaseId))
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(200).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var now = time.GetUtcNow();
        return rows.Select(a => ToResponse(a, agencies, now)).ToList();
    }
}
