using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Desk;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Cases;

/// <summary>
/// Case work at scale for <c>SafetyNet seed --cases N</c>: every ASB incident not yet routed gets its desk review
/// (those of the last two days still waiting, older ones reviewed), and runs of older ASB incidents at one place
/// become N open cases — with a fifth as many closed ones — with parties, shares, actions and a chronology,
/// written with the provider's fast path. Deterministic for the incidents in the database.
/// </summary>
public sealed class AsbVolumeSeeder(AppDb db, ForceConfiguration configuration, TimeProvider time)
{
    public sealed record Result(int Reviews, int Waiting, int OpenCases, int ClosedCases);

    private static readonly string?[] ShareTo = ["COUNCIL-WATFORD", "HOUSING", null, "COUNCIL-ST-ALBANS", "VICTIM-SUPPORT", null];
    private static readonly string[] Risks = ["Medium", "Low", "High", "Medium", "Low"];

    public async Task<Result> AddAsync(int openCases, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var asbTypes = IncidentType.All.Where(t => t.IsAsb).Select(t => t.Code).ToList();
        var incidents = await db.Incidents.AsNoTracking()
            .Where(i => asbTypes.Contains(i.TypeCode) && !db.DeskReviews.Any(r => r.IncidentId == i.Id))
            .Select(i => new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, i.District, i.LocationText })
            .ToListAsync(ct);
        incidents.Sort((a, b) => a.Id.CompareTo(b.Id));
        var parties = (await (from p in db.IncidentPeople.AsNoTracking()
                              join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                              where p.IdentityId != null && (p.Role == PersonRole.Victim || p.Role == PersonRole.Suspect) && asbTypes.Contains(i.TypeCode)
                              select new { p.IncidentId, Identity = p.IdentityId!.Value, p.Role })
                .ToListAsync(ct))
            .ToLookup(p => p.IncidentId);

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        var force = agencies[AccountSeeder.ForceCode].Id;
        var deskEmail = $"{Roles.CommunityFocusDesk.ToLowerInvariant()}@{AccountSeeder.DemoDomain}";
        var officerEmail = $"{Roles.Officer.ToLowerInvariant()}@{AccountSeeder.DemoDomain}";
        var desk = await db.Users.AsNoTracking().Where(u => u.Email == deskEmail).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var officer = await db.Users.AsNoTracking().Where(u => u.Email == officerEmail).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var by = desk is null ? "SafetyNet" : deskEmail;

        var next = new Ids(
            await NextAsync(db.DeskReviews.Select(r => (long?)r.Id), ct), await NextAsync(db.AsbCases.Select(r => (long?)r.Id), ct),
            await NextAsync(db.CaseParties.Select(r => (long?)r.Id), ct), await NextAsync(db.CaseIncidents.Select(r => (long?)r.Id), ct),
            await NextAsync(db.CaseShares.Select(r => (long?)r.Id), ct), await NextAsync(db.CaseActions.Select(r => (long?)r.Id), ct),
            await NextAsync(db.CaseEntries.Select(r => (long?)r.Id), ct));

        var reviews = new List<DeskReview>(incidents.Count);
        var cases = new List<AsbCase>();
        var caseParties = new List<CaseParty>();
        var caseIncidents = new List<CaseIncident>();
        var shares = new List<CaseShare>();
        var actions = new List<CaseAction>();
        var entries = new List<CaseEntry>();
        DeskReview Review(long incidentId, string? district, DateTimeOffset reported) => new()
        {
            Id = next.Review++, IncidentId = incidentId, Reason = DeskRouteReason.Asb, Reasons = nameof(DeskRouteReason.Asb), District = district,
            ReportedAt = reported, RoutedAt = reported, DueAt = reported.AddHours(rules.Value.DeskReviewHours), RulesVersion = rules.Version, Version = 1,
        };

        // The last two days wait for the desk; a few are already past their deadline.
        var waitingFrom = now.AddDays(-2);
        foreach (var incident in incidents.Where(i => i.ReportedAt >= waitingFrom))
        {
            reviews.Add(Review(incident.Id, incident.District, incident.ReportedAt));
        }
        var older = incidents.Where(i => i.ReportedAt < waitingFrom)
            .OrderBy(i => i.LocationText, StringComparer.Ordinal).ThenBy(i => i.ReportedAt).ThenBy(i => i.Id).ToList();
        var closedCases = openCases / 5;
        var wanted = openCases + closedCases;
        var perCase = wanted == 0 ? 0 : Math.Clamp(older.Count / wanted, 1, 4);
        var position = 0;
        var n = 0;
        var openSoFar = 0;
        var closedSoFar = 0;
        while (n < wanted && position < older.Count)
        {
            var place = older[position].LocationText;
            var run = new List<int>(perCase);
            while (run.Count < perCase && position < older.Count && older[position].LocationText == place)
            {
                run.Add(position++);
            }
            var first = older[run[0]];
            var last = older[run[^1]];
            var closed = (n % 6 == 5 && closedSoFar < closedCases) || openSoFar >= openCases;
            if (closed)
            {
                closedSoFar++;
            }
            else
            {
                openSoFar++;
            }
            var category = IncidentType.Find(first.TypeCode)?.AsbCategory ?? "Nuisance";
            var risk = Risks[n % Risks.Length];
            var opened = first.ReportedAt.AddHours(20);
            var id = next.Case++;
            var asbCase = new AsbCase
            {
                Id = id, Reference = $"ASB-{ForceClock.ToLocal(opened):yy}-{id:D6}", Title = $"{category}: {place}", Category = category, RiskLevel = risk,
                RulesVersion = rules.Version, District = first.District,
                LeadAgencyId = n % 7 == 6 && first.District == "Watford" ? agencies["COUNCIL-WATFORD"].Id : force,
                SpocUserId = desk?.Id, SpocName = desk?.DisplayName, Status = closed ? AsbCaseStatus.Closed : AsbCaseStatus.Open, OpenedAt = opened, OpenedBy = by,
                ClosedAt = closed ? last.ReportedAt.AddDays(14) : null, ClosureOutcome = closed ? "Behaviour stopped after a warning letter; no reports for a month" : null,
                VictimSatisfaction = closed ? 1 + n % 5 : null, Version = 1,
            };
            // Some reviews were last done a while ago, so some fall due soon and a few are overdue.
            rules.Value.CadenceFor(risk).Schedule(asbCase, now.AddDays(-(n % 4) * 10));
            cases.Add(asbCase);
            entries.Add(new CaseEntry { Id = next.Entry++, CaseId = id, At = opened, Kind = "opened", By = by, Text = $"Case opened: {category}, {risk} risk" });
            var added = new HashSet<long>();
            foreach (var index in run)
            {
                var incident = older[index];
                caseIncidents.Add(new CaseIncident { Id = next.CaseIncident++, CaseId = id, IncidentId = incident.Id, LinkedAt = incident.ReportedAt.AddHours(20), LinkedBy = by });
                var review = Review(incident.Id, incident.District, incident.ReportedAt);
                review.ReviewedAt = incident.ReportedAt.AddHours(20);
                review.ReviewedBy = by;
                review.RiskDecision = "Confirmed";
                review.RiskLevel = risk;
                review.CaseDecision = index == run[0] ? DeskCaseDecision.Open : DeskCaseDecision.Link;
                review.CaseId = id;
                reviews.Add(review);
                entries.Add(new CaseEntry { Id = next.Entry++, CaseId = id, At = incident.ReportedAt.AddHours(20), Kind = "desk-review", By = by,
                    Text = $"Desk review of {incident.Reference}: risk confirmed as {risk}" });
                foreach (var party in parties[incident.Id])
                {
                    if (added.Count < 4 && added.Add(party.Identity))
                    {
                        caseParties.Add(new CaseParty
                        {
                            Id = next.Party++, CaseId = id, IdentityId = party.Identity, Role = party.Role == PersonRole.Victim ? CasePartyRole.Victim : CasePartyRole.Perpetrator,
                            AddedAt = opened, AddedBy = by,
                        });
                    }
                }
            }
            entries.Add(new CaseEntry { Id = next.Entry++, CaseId = id, At = opened.AddDays(2), Kind = "intelligence", PoliceOnly = true, By = by,
                Text = "Local intelligence links the group to a supplier of cannabis in the area." });
            if (ShareTo[n % ShareTo.Length] is { } partner && agencies.TryGetValue(partner, out var agency))
            {
                shares.Add(new CaseShare
                {
                    Id = next.Share++, CaseId = id, AgencyId = agency.Id, LawfulBasis = n % 2 == 0 ? LawfulBasis.CrimeAndDisorderActSection115 : LawfulBasis.Consent,
                    ConsentSought = n % 2 == 1, ConsentGiven = n % 2 == 1 ? true : null, SharedAt = opened.AddDays(1), SharedBy = by,
                });
                entries.Add(new CaseEntry { Id = next.Entry++, CaseId = id, At = opened.AddDays(1), Kind = "share", By = by, Text = $"Shared with {agency.Name}" });
                actions.Add(new CaseAction
                {
                    Id = next.Action++, CaseId = id, Title = "Send a warning letter to the household named", OwnerAgencyId = agency.Id,
                    DueAt = now.AddDays(n % 5 - 2), Status = closed ? CaseActionStatus.Done : CaseActionStatus.Open, CompletedAt = closed ? asbCase.ClosedAt : null,
                    Outcome = closed ? "Letter delivered" : null, CreatedAt = opened.AddDays(1), CreatedBy = by, Version = 1,
                });
            }
            actions.Add(new CaseAction
            {
                Id = next.Action++, CaseId = id, Title = "Call the victim to update them and check on their welfare", OwnerUserId = officer?.Id, OwnerName = officer?.DisplayName,
                DueAt = now.AddDays(n % 6 - 3), Status = closed ? CaseActionStatus.Done : CaseActionStatus.Open, CompletedAt = closed ? asbCase.ClosedAt : null,
                Outcome = closed ? "Victim updated" : null, CreatedAt = opened, CreatedBy = by, Version = 1,
            });
            if (closed)
            {
                entries.Add(new CaseEntry { Id = next.Entry++, CaseId = id, At = asbCase.ClosedAt!.Value, Kind = "closed", By = by, Text = $"Case closed: {asbCase.ClosureOutcome}" });
            }
            n++;
            // The rest of a long run at one place starts the next case there.
        }
        // Older ASB incidents not taken into a case were reviewed and needed none.
        for (; position < older.Count; position++)
        {
            var incident = older[position];
            var review = Review(incident.Id, incident.District, incident.ReportedAt);
            review.ReviewedAt = incident.ReportedAt.AddHours(6);
            review.ReviewedBy = by;
            review.RiskDecision = "Confirmed";
            review.RiskLevel = "Low";
            reviews.Add(review);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.WriteAsync(db, cases, ct);
        await BulkWriter.WriteAsync(db, reviews, ct);
        await BulkWriter.WriteAsync(db, caseIncidents, ct);
        await BulkWriter.WriteAsync(db, caseParties, ct);
        await BulkWriter.WriteAsync(db, shares, ct);
        await BulkWriter.WriteAsync(db, actions, ct);
        await BulkWriter.WriteAsync(db, entries, ct);
        await AsbSeeder.FillPartyNamesAsync(db, ct);
        await BulkWriter.ResetSequencesAsync(db, [typeof(DeskReview), typeof(AsbCase), typeof(CaseParty), typeof(CaseIncident), typeof(CaseShare), typeof(CaseAction), typeof(CaseEntry)], ct);
        await transaction.CommitAsync(ct);
        return new Result(reviews.Count, reviews.Count(r => r.ReviewedAt is null), openSoFar, closedSoFar);
    }

    private sealed class Ids(long review, long @case, long party, long caseIncident, long share, long action, long entry)
    {
        public long Review = review;
        public long Case = @case;
        public long Party = party;
        public long CaseIncident = caseIncident;
        public long Share = share;
        public long Action = action;
        public long Entry = entry;
    }

    private static async Task<long> NextAsync(IQueryable<long?> ids, CancellationToken ct) => (await ids.MaxAsync(ct) ?? 0) + 1;
}
