using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Investigations at scale for <c>SafetyNet seed --investigations N</c>: N investigators (sign-in-less accounts of the
/// force, a fifth in the investigations team and the rest in the district teams, PIP levels 1 to 3), then an
/// investigation for every recorded crime without one, opened by <see cref="InvestigationOpening.Build"/> under the
/// current rules. The oldest third are finalised, the newest (and one in fifty older ones) wait for allocation, the rest
/// are allocated within the investigator's level; the demo investigator has a few hundred. Open investigations carry
/// their supervisory reviews: the first when it is not yet due, otherwise the first done and the next waiting, most
/// due within the cadence, some overdue and some past the inspector's threshold. Written with the provider's fast path;
/// deterministic for the crimes in the database.
/// </summary>
public sealed class InvestigationVolumeSeeder(AppDb db, ForceConfiguration configuration, TimeProvider time)
{
    public sealed record Result(int Investigators, int Investigations, int Awaiting, int Allocated, int Finalised, int Waiting, int Overdue, int ForInspector);

    private static readonly string[] Outcomes = ["18", "14", "16", "1", "2", "15", "18", "14"];

    public async Task<Result> AddAsync(int investigatorCount, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rules = await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct);
        var crimes = await db.CrimeRecords.AsNoTracking()
            .Where(c => c.Status == CrimeRecordingStatus.Recorded && !db.Set<Investigation>().Any(i => i.CrimeRecordId == c.Id))
            .Select(c => new { c.Id, c.IncidentId, c.OffenceSubgroup, c.DecidedAt, c.Status })
            .ToListAsync(ct);
        crimes.Sort((a, b) => a.DecidedAt == b.DecidedAt ? a.Id.CompareTo(b.Id) : Nullable.Compare(a.DecidedAt, b.DecidedAt));
        var incidents = (await (from c in db.CrimeRecords.AsNoTracking()
                                join i in db.Incidents.AsNoTracking() on c.IncidentId equals i.Id
                                where c.Status == CrimeRecordingStatus.Recorded
                                select new { i.Id, i.TypeCode, i.Sensitive, i.VulnerablePerson }).ToListAsync(ct))
            .DistinctBy(i => i.Id).ToDictionary(i => i.Id);
        var levels = (await (from r in db.RiskAssessments.AsNoTracking()
                             join c in db.CrimeRecords.AsNoTracking() on r.IncidentId equals c.IncidentId
                             where c.Status == CrimeRecordingStatus.Recorded && !r.Incomplete && (r.Level == "High" || r.Level == "Medium")
                                   && !db.RiskAssessments.Any(s => s.SupersedesId == r.Id)
                             select new { r.IncidentId, r.Level }).ToListAsync(ct))
            .ToLookup(r => r.IncidentId, r => r.Level);

        var force = await db.Agencies.Where(a => a.Code == AccountSeeder.ForceCode).Select(a => a.Id).FirstAsync(ct);
        var teams = await db.Teams.AsNoTracking().Where(t => t.AgencyId == force).ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var investigationsTeam = teams[InvestigationsSetup.TeamCode];
        var districtTeams = teams.Where(t => t.Key.StartsWith("SNT-", StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value).ToList();
        var demoEmail = $"investigator@{AccountSeeder.DemoDomain}".ToUpperInvariant();
        var demo = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == demoEmail).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var allocator = $"detective.sergeant@{AccountSeeder.DemoDomain}";

        // The investigators: accounts without a password (nobody signs in as them), each in one team.
        var users = new List<AppUser>(investigatorCount);
        var investigators = new List<Investigator>(investigatorCount);
        var memberships = new List<TeamMembership>(investigatorCount);
        var pool = new List<(string Id, int Pip, int Team)>();
        for (var n = 0; n < investigatorCount; n++)
        {
            var email = $"investigator{n + 1:D3}@{AccountSeeder.DemoDomain}";
            var id = $"load-investigator-{n + 1:D3}";
            users.Add(new AppUser
            {
                Id = id, UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true, DisplayName = $"DC Investigator {n + 1}", AgencyId = force, SecurityStamp = $"load-{n + 1}", ConcurrencyStamp = $"load-{n + 1}",
                LockoutEnabled = true,
            });
            var pip = n % 10 == 9 ? 3 : n % 3 == 2 ? 2 : 1;
            var team = n % 5 == 0 ? investigationsTeam : districtTeams[n / 5 % districtTeams.Count];
            investigators.Add(new Investigator { UserId = id, PipLevel = pip, Rank = Rank.Constable, Version = 1 });
            memberships.Add(new TeamMembership { UserId = id, TeamId = team });
            pool.Add((id, pip, team));
        }
        var byLevel = Enumerable.Range(0, 5).Select(level => pool.Where(p => p.Pip >= level).ToList()).ToArray();

        var nextInvestigation = (await db.Set<Investigation>().MaxAsync(i => (long?)i.Id, ct) ?? 0) + 1;
        var nextReview = (await db.Set<SupervisoryReview>().MaxAsync(r => (long?)r.Id, ct) ?? 0) + 1;
        var nextEvent = (await db.Set<InvestigationEvent>().MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        var investigations = new List<Investigation>(crimes.Count);
        var reviews = new List<SupervisoryReview>(crimes.Count * 2);
        var events = new List<InvestigationEvent>(crimes.Count * 2);
        var finalisedBefore = crimes.Count / 3;
        var awaitingFrom = crimes.Count - crimes.Count / 20;
        var demoOwns = 0;
        var demoEvery = Math.Max(2, crimes.Count / 500);
        int awaiting = 0, allocated = 0, finalised = 0, waiting = 0, overdue = 0, forInspector = 0;
        for (var n = 0; n < crimes.Count; n++)
        {
            var c = crimes[n];
            var crime = new CrimeRecord { Id = c.Id, IncidentId = c.IncidentId, OffenceSubgroup = c.OffenceSubgroup, DecidedAt = c.DecidedAt, Status = c.Status };
            var incident = incidents[c.IncidentId];
            var investigation = InvestigationOpening.Build(crime, incident.TypeCode, incident.Sensitive, incident.VulnerablePerson,
                InvestigationOpening.RiskOf(levels[c.IncidentId]), rules, now);
            investigation.Id = nextInvestigation++;
            investigation.Version = 1;
            investigations.Add(investigation);
            events.Add(new InvestigationEvent { Id = nextEvent++, InvestigationId = investigation.Id, Kind = "Opened", Text = "Opened when the crime was recorded", At = investigation.OpenedAt, By = "system" });
            if (n >= awaitingFrom || (n >= finalisedBefore && n % 50 == 0))
            {
                awaiting++;
            }
            else
            {
                var able = byLevel[Math.Min(investigation.RequiredPipLevel, 4)];
                var (id, _, team) = able.Count > 0 ? able[(int)(investigation.Id * 7919 % able.Count)] : pool[^1];
                // The demo investigator has volume crimes spread over the whole span, a few hundred in all, most of them still open.
                if (demo is not null && investigation.RequiredPipLevel <= 1 && n % demoEvery == 1 && demoOwns < 400)
                {
                    (id, team) = (demo, investigationsTeam);
                    demoOwns++;
                }
                investigation.Status = InvestigationStatus.Allocated;
                (investigation.InvestigatorId, investigation.TeamId) = (id, team);
                (investigation.AllocatedAt, investigation.AllocatedBy) = (investigation.OpenedAt.AddHours(6), allocator);
                if (able.Count == 0)
                {
                    investigation.BelowLevelReason = "No investigator of the level needed is on duty; the detective inspector oversees";
                }
                events.Add(new InvestigationEvent { Id = nextEvent++, InvestigationId = investigation.Id, Kind = "Allocated", Text = "Allocated from the queue", At = investigation.AllocatedAt.Value, By = allocator });
                if (n < finalisedBefore)
                {
                    investigation.Status = InvestigationStatus.Finalised;
                    investigation.OutcomeCode = Outcomes[n % Outcomes.Length];
                    investigation.FinalisedAt = investigation.OpenedAt.AddDays(20 + n % 40);
                    investigation.FinalisedBy = allocator;
                    events.Add(new InvestigationEvent { Id = nextEvent++, InvestigationId = investigation.Id, Kind = "Finalised", Text = $"Finalised with outcome {investigation.OutcomeCode}", At = investigation.FinalisedAt.Value, By = allocator });
                    finalised++;
                    continue;
                }
                allocated++;
            }

            var first = FirstReviewOnInvestigationOpened.FirstReview(investigation, rules.Value);
            first.Id = nextReview++;
            first.Version = 1;
            reviews.Add(first);
            waiting++;
            if (first.DueAt <= now)
            {
                // The first review was done on time; the next waits: most due within the cadence, one in ten overdue by up to
                // a week, and one in thirty past the inspector's threshold.
                var cadence = rules.Value.ReviewEveryDaysFor(investigation);
                var completed = first.DueAt.AddHours(-2);
                var slot = (int)(investigation.Id % 30);
                var due = slot switch
                {
                    0 => now.AddDays(-(rules.Value.InspectorAfterOverdueDays + 1 + investigation.Id % 20)),
                    <= 3 => now.AddHours(-(6 + investigation.Id % (24 * rules.Value.InspectorAfterOverdueDays - 6))),
                    _ => now.AddHours(1 + investigation.Id % (24 * cadence)),
                };
                if (due <= completed)
                {
                    due = completed.AddDays(cadence);
                }
                (first.CompletedAt, first.CompletedBy, first.RiskBefore, first.RiskAfter) = (completed, allocator, investigation.Risk, investigation.Risk);
                first.ActionsChecked = "Victim and witness statements taken; house-to-house complete; CCTV requested";
                first.QualityNote = "Proportionate enquiries so far; the victim strategy reflects the Victims' Code needs";
                first.NextReviewDue = due;
                reviews.Add(new SupervisoryReview { Id = nextReview++, InvestigationId = investigation.Id, Kind = ReviewKind.Periodic, DueAt = due, Version = 1 });
                events.Add(new InvestigationEvent { Id = nextEvent++, InvestigationId = investigation.Id, Kind = "Reviewed", Text = "First review completed", At = completed, By = allocator });
                (overdue, forInspector) = (overdue + (due < now ? 1 : 0), forInspector + (due < now.AddDays(-rules.Value.InspectorAfterOverdueDays) ? 1 : 0));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.WriteAsync(db, users, ct);
        await BulkWriter.WriteAsync(db, memberships, ct);
        await BulkWriter.WriteAsync(db, investigators, ct);
        await BulkWriter.WriteAsync(db, investigations, ct);
        await BulkWriter.WriteAsync(db, reviews, ct);
        await BulkWriter.WriteAsync(db, events, ct);
        await BulkWriter.ResetSequencesAsync(db, [typeof(Investigation), typeof(SupervisoryReview), typeof(InvestigationEvent)], ct);
        await transaction.CommitAsync(ct);
        return new Result(investigatorCount, investigations.Count, awaiting, allocated, finalised, waiting, overdue, forInspector);
    }
}
