using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>What one pass of background resolution did.</summary>
public sealed record ResolutionRun(int Entries, int Linked, int Reviews, int Routed, TimeSpan Elapsed);

/// <summary>
/// Background resolution: every entry not yet judged is looked up in the engine's index; above the automatic
/// probability its identity joins the best match's, in the grey band the pair goes to the review queue, below it
/// nothing happens. Entries judged "not the same" by a call handler or reviewer are never joined automatically.
/// Runs when woken (after intake or a bulk load) and on a slow cadence, one pass at a time; a pass that fails
/// (the index could not be built, the database went away) is logged and tried again after a back-off.
/// </summary>
public sealed partial class IdentityResolution(IServiceScopeFactory scopes, PersonMatcher matcher, WorkerHealth health, StartupState startup, TimeProvider time, IConfiguration settings, ILogger<IdentityResolution> log)
    : RecurringWorker("identity resolution", TimeSpan.FromMinutes(1), health, startup, time, log)
{
    public const string Actor = "identity resolution";
    private const int Batch = 500;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Asks for a pass soon (intake calls this after saving people).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already asked for.
        }
    }

    // Off where passes are run on demand (the command line's "identities resolve", and tests that decide exactly
    // when entries are resolved).
    protected override bool Enabled => settings.GetValue("People:ResolveInBackground", true);

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        try
        {
            var run = await ResolvePendingAsync(stoppingToken);
            if (run.Entries > 0)
            {
                LogRun(Log, run.Entries, run.Linked, run.Reviews, run.Routed, (long)run.Elapsed.TotalMilliseconds);
            }
        }
        catch (DbUpdateException)
        {
            // A reviewer changed an identity meanwhile: its entries stay waiting for the next pass. The exception
            // is not logged: its message can quote the row.
            LogConflict(Log);
        }
    }

    /// <summary>Woken by intake, or every minute to pick up entries saved on other nodes; a back-off is waited out in full.</summary>
    protected override async Task WaitAsync(TimeSpan delay, bool afterFailure, CancellationToken stoppingToken)
    {
        if (afterFailure)
        {
            await Task.Delay(delay, Time, stoppingToken);
            return;
        }
        using var timeout = new CancellationTokenSource(delay, Time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await _wake.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The minute is up.
        }
    }

    /// <summary>Resolves every waiting entry, in batches, and returns what it did.</summary>
    public async Task<ResolutionRun> ResolvePendingAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var watch = Stopwatch.StartNew();
            int entries = 0, linked = 0, reviews = 0, routed = 0;
            long after = 0;
            await using (var scope = scopes.CreateAsyncScope())
            {
                await matcher.CatchUpAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), cancellationToken);
            }
            while (true)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                // Thousands of tracked entries: changes are detected once before each save, not on every lookup.
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var waiting = await db.IncidentPeople.Where(p => p.ResolvedAt == null && p.Id > after).OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
                if (waiting.Count == 0)
                {
                    break;
                }
                after = waiting[^1].Id;
                var work = new BatchWork(scope.ServiceProvider, db, Time);
                var outcome = await work.ResolveAsync(waiting, matcher, cancellationToken);
                linked += outcome.Linked;
                reviews += outcome.Reviewed;
                routed += outcome.Routed;
                entries += waiting.Count;
            }
            return new ResolutionRun(entries, linked, reviews, routed, watch.Elapsed);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// One batch: every lookup first (the index does not depend on the database), then the candidates' entries and
    /// the "not the same" judgements read in one query each, links made in memory and saved together, and desk
    /// routing judged once the links are saved.
    /// </summary>
    private sealed class BatchWork(IServiceProvider services, AppDb db, TimeProvider time)
    {
        private readonly Identities _identities = services.GetRequiredService<Identities>();
        private readonly ForceConfiguration _configuration = services.GetRequiredService<ForceConfiguration>();

        public async Task<(int Linked, int Reviewed, int Routed)> ResolveAsync(List<IncidentPerson> batch, PersonMatcher matcher, CancellationToken cancellationToken)
        {
            var rules = (await _configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken)).Value;
            var now = time.GetUtcNow();
            var found = new Dictionary<long, List<MatchCandidate>>(batch.Count);
            foreach (var entry in batch)
            {
                found[entry.Id] = (await matcher.FindAsync(PersonMatcher.ToEntry(entry), entry.Id, 10, cancellationToken)).Where(c => c.Probability >= rules.ReviewProbability).ToList();
            }
            var candidateIds = found.Values.SelectMany(c => c).Select(c => c.PersonId).Distinct().ToList();
            await db.IncidentPeople.Where(p => candidateIds.Contains(p.Id)).LoadAsync(cancellationToken);
            var batchIds = batch.Select(e => e.Id).ToList();
            var judged = await db.IdentityReviews.AsNoTracking()
                .Where(r => batchIds.Contains(r.PersonId) || batchIds.Contains(r.CandidatePersonId)).ToListAsync(cancellationToken);
            var judgedOthers = judged.Where(r => r.Status == ReviewStatus.NotSame).SelectMany(r => new[] { r.PersonId, r.CandidatePersonId }).Distinct().ToList();
            await db.IncidentPeople.Where(p => judgedOthers.Contains(p.Id)).LoadAsync(cancellationToken);
            var tracked = db.IncidentPeople.Local.ToDictionary(p => p.Id);
            // Every entry of every identity this batch may join, and the identities themselves, so links are made in memory.
            var identityIds = batch.Select(e => e.IdentityId).Concat(tracked.Values.Select(p => p.IdentityId)).OfType<long>().Distinct().ToList();
            await db.IncidentPeople.Where(p => p.IdentityId != null && identityIds.Contains(p.IdentityId.Value)).LoadAsync(cancellationToken);
            var identities = await db.PersonIdentities.Where(i => identityIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            tracked = db.IncidentPeople.Local.ToDictionary(p => p.Id);
            var members = tracked.Values.Where(p => p.IdentityId is not null).GroupBy(p => p.IdentityId!.Value).ToDictionary(g => g.Key, g => g.ToList());

            int linked = 0, reviewed = 0;
            var queued = new HashSet<(long, long)>();
            var linkedVictims = new List<IncidentPerson>();
            foreach (var entry in batch)
            {
                entry.ResolvedAt = now;
                var notSame = judged.Where(r => r.Status == ReviewStatus.NotSame && (r.PersonId == entry.Id || r.CandidatePersonId == entry.Id))
                    .Select(r => r.PersonId == entry.Id ? r.CandidatePersonId : r.PersonId)
                    .Select(id => tracked.TryGetValue(id, out var other) ? other.IdentityId : null).OfType<long>().ToHashSet();
                var best = found[entry.Id]
                    .Where(c => tracked.TryGetValue(c.PersonId, out var other) && other.IdentityId is { } owner && owner != entry.IdentityId && !notSame.Contains(owner))
                    .OrderByDescending(c => c.Probability).FirstOrDefault();
                if (best is null)
                {
                    continue;
                }
                // Names and sex alone never link two entries, however rare the name: such a pair goes to a reviewer instead.
                if (best.Probability >= rules.AutoLinkProbability && best.EnoughToJudge)
                {
                    var from = identities[entry.IdentityId!.Value];
                    var into = identities[tracked[best.PersonId].IdentityId!.Value];
                    var moving = members.GetValueOrDefault(from.Id) ?? [];
                    var change = await _identities.MergeAsync(from, into, IdentityLinkSource.Engine, best.Probability, string.Join("; ", best.Reasons),
                        $"entry {entry.Id} matched entry {best.PersonId}", Actor, cancellationToken, moving);
                    if (change is not null)
                    {
                        members.Remove(from.Id);
                        if (!members.TryGetValue(into.Id, out var joined))
                        {
                            members[into.Id] = joined = [];
                        }
                        joined.AddRange(moving);
                        linked++;
                        if (entry.Role == PersonRole.Victim)
                        {
                            linkedVictims.Add(entry);
                        }
                    }
                    continue;
                }
                // One question per pair: when both entries are in the batch each finds the other, and it is asked once.
                if (!judged.Any(r => (r.PersonId == entry.Id && r.CandidatePersonId == best.PersonId) || (r.PersonId == best.PersonId && r.CandidatePersonId == entry.Id))
                    && queued.Add((Math.Min(entry.Id, best.PersonId), Math.Max(entry.Id, best.PersonId))))
                {
                    var reasons = string.Join("; ", best.Reasons);
                    db.IdentityReviews.Add(new IdentityReview
                    {
                        PersonId = entry.Id, CandidatePersonId = best.PersonId, Score = best.Probability,
                        Reasons = reasons.Length > 1000 ? reasons[..1000] : reasons, Status = ReviewStatus.Open, CreatedAt = now,
                    });
                    reviewed++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            var routed = 0;
            var recent = now.AddDays(-rules.RouteOnResolutionWithinDays);
            var incidentIds = linkedVictims.Select(v => v.IncidentId).Distinct().ToList();
            var incidents = await db.Incidents.Where(i => incidentIds.Contains(i.Id) && i.ReportedAt >= recent).ToDictionaryAsync(i => i.Id, cancellationToken);
            foreach (var victim in linkedVictims.Where(v => incidents.ContainsKey(v.IncidentId)))
            {
                routed += (await _identities.RouteAsync(incidents[victim.IncidentId], [victim], IdentityLinkSource.Engine, cancellationToken)).Count;
            }
            if (routed > 0)
            {
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
            }
            // The desk's queue takes an incident whose victim has just been found to be a repeat victim, and a
            // recent ASB report whose victim is now recognised may meet the Community Trigger threshold on a case.
            if (incidents.Count > 0)
            {
                var desk = services.GetRequiredService<Desk.CommunityFocusDesk>();
                foreach (var incidentId in incidents.Keys.Order())
                {
                    await desk.RouteAndSaveAsync(incidentId, cancellationToken);
                }
            }
            return (linked, reviewed, routed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity resolution: {Entries} entries, {Linked} linked, {Reviews} to review, {Routed} routed to the desk in {Milliseconds} ms")]
    private static partial void LogRun(ILogger logger, int entries, int linked, int reviews, int routed, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity resolution pass ended early on a concurrent change")]
    private static partial void LogConflict(ILogger logger);
}
