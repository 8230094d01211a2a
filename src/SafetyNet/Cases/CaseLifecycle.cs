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
/// An ASB case from opening to closure: opened from a reviewed incident or by a caseworker, changed by its lead,
/// reviewed by supervisors at the cadence of its risk level, closed (which others react to) and reopened.
/// </summary>
public sealed class CaseLifecycle(
    AppDb db, CaseAccess access, CaseReading reading, CaseChronology chronology, ForceConfiguration configuration, TriggerThreshold trigger,
    CurrentUser user, AuditTrail audit, TimeProvider time, Identities identities, Reactions reactions)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public static readonly IReadOnlyList<string> Categories = ["Personal", "Nuisance", "Environmental"];

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
        // A case's title is seen by every partner it is shared with: a sensitive incident's place, which may be the
        // victim's address, is not put in it.
        var title = $"{type?.AsbCategory ?? "ASB"}: {(incident.Sensitive ? $"from {incident.Reference}" : incident.LocationText)}";
        var opened = await CreateAsync(title.Length > 200 ? title[..200] : title, type?.AsbCategory ?? "Personal", riskLevel, incident.District,
            await ForceAgencyIdAsync(ct), user.Id, parties, [incident.Id], ct);
        if (victim is not null)
        {
            chronology.AddEntry(opened.Id, "opened", $"Opened from incident {incident.Reference} for {victim.DisplayName}", policeOnly: incident.Sensitive);
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
        chronology.AddEntry(asbCase.Id, "opened", $"Case opened: {category}, {riskLevel} risk; review every {rules.Value.CadenceFor(riskLevel).SergeantDays} days");
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

    public async Task<Outcome<CaseResponse>> UpdateAsync(long id, UpdateCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !access.Leads(c, view))
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
            chronology.AddEntry(c.Id, "risk", $"Risk changed from {c.RiskLevel} to {level}: {reason}");
            c.RiskLevel = level;
            c.RulesVersion = rules.Version;
            rules.Value.CadenceFor(level).Schedule(c, now);
        }
        if (spocName is not null)
        {
            c.SpocUserId = request.SpocUserId;
            c.SpocName = spocName;
            chronology.AddEntry(c.Id, "spoc", $"Single point of contact is now {spocName}");
        }
        if (request.LeadAgencyId is { } newLead && newLead != c.LeadAgencyId)
        {
            c.LeadAgencyId = newLead;
            chronology.AddEntry(c.Id, "lead-agency", $"Lead agency changed to {await db.Agencies.Where(a => a.Id == newLead).Select(a => a.Name).SingleAsync(ct)}");
        }
        audit.Add("case.update", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    /// <summary>
    /// Records a supervisory review of the case at a rank: that rank's next review falls due by the cadence of the
    /// risk level. Inspector and chief inspector reviews are for supervisors, and only where the level asks for them.
    /// </summary>
    public async Task<Outcome<CaseResponse>> ReviewAsync(long id, CaseReviewRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
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
        chronology.AddEntry(c.Id, "review", $"{Describe(rank)} review: {text}");
        audit.Add("case.review", "case", Id(id), details: rank.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    public static string Describe(ReviewRank rank) => rank switch
    {
        ReviewRank.Sergeant => "Sergeant",
        ReviewRank.Inspector => "Inspector",
        _ => "Chief inspector",
    };

    public async Task<Outcome<CaseResponse>> CloseAsync(long id, CloseCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !access.Leads(c, view))
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
        chronology.AddEntry(id, "closed", $"Case closed: {outcome}{(request.VictimSatisfaction is { } s ? $" (victim satisfaction {s} of 5)" : "")}");
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
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseResponse>> ReopenAsync(long id, ReopenCaseRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !access.Leads(c, view))
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
        chronology.AddEntry(id, "reopened", $"Case reopened: {reason}");
        audit.Add("case.reopen", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }
}
