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
/// Runs when woken (after intake or a bulk load) and on a slow cadence, one pass at a time.
/// </summary>
public sealed partial class IdentityResolution(IServiceScopeFactory scopes, PersonMatcher matcher, TimeProvider time, ILogger<IdentityResolution> log) : BackgroundService
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await matcher.WarmAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var run = await ResolvePendingAsync(stoppingToken);
                    if (run.Entries > 0)
                    {
                        LogRun(log, run.Entries, run.Linked, run.Reviews, run.Routed, (long)run.Elapsed.TotalMilliseconds);
                    }
                }
                catch (DbUpdateException error)
                {
                    // A reviewer changed an identity meanwhile: its entries stay waiting for the next pass.
                    LogConflict(log, error);
                }
                // Woken by intake, or every minute to pick up entries saved on other nodes.
                await _wake.WaitAsync(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            LogFailed(log, error);
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
                var waiting = await db.IncidentPeople.Where(p => p.ResolvedAt == null && p.Id > after).OrderBy(p => p.Id).Take(Batch).ToListAsync(cancellationToken);
                if (waiting.Count == 0)
                {
                    break;
                }
                after = waiting[^1].Id;
                var work = new BatchWork(scope.ServiceProvider, db, time);
                foreach (var entry in waiting)
                {
                    var outcome = await work.ResolveAsync(entry, matcher, cancellationToken);
                    linked += outcome.Linked ? 1 : 0;
                    reviews += outcome.Reviewed ? 1 : 0;
                    routed += outcome.Routed;
                }
                await db.SaveChangesAsync(cancellationToken);
                entries += waiting.Count;
            }
            return new ResolutionRun(entries, linked, reviews, routed, watch.Elapsed);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private sealed class BatchWork(IServiceProvider services, AppDb db, TimeProvider time)
    {
        private readonly Identities _identities = services.GetRequiredService<Identities>();
        private readonly IdentitySuggestions _suggestions = services.GetRequiredService<IdentitySuggestions>();
        private readonly ForceConfiguration _configuration = services.GetRequiredService<ForceConfiguration>();

        public async Task<(bool Linked, bool Reviewed, int Routed)> ResolveAsync(IncidentPerson entry, PersonMatcher matcher, CancellationToken cancellationToken)
        {
            var rules = (await _configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, cancellationToken)).Value;
            var now = time.GetUtcNow();
            entry.ResolvedAt = now;
            var candidates = (await matcher.FindAsync(PersonMatcher.ToEntry(entry), entry.Id, 10, cancellationToken)).Where(c => c.Probability >= rules.ReviewProbability).ToList();
            if (candidates.Count == 0)
            {
                return (false, false, 0);
            }
            var ids = candidates.Select(c => c.PersonId).ToList();
            var owners = await db.IncidentPeople.Where(p => ids.Contains(p.Id) && p.IdentityId != null)
                .Select(p => new { p.Id, IdentityId = p.IdentityId!.Value }).ToDictionaryAsync(x => x.Id, x => x.IdentityId, cancellationToken);
            var notSame = await _suggestions.NotSameIdentitiesAsync(entry.Id, cancellationToken);
            var best = candidates.Where(c => owners.TryGetValue(c.PersonId, out var owner) && owner != entry.IdentityId && !notSame.Contains(owner))
                .OrderByDescending(c => c.Probability).FirstOrDefault();
            if (best is null)
            {
                return (false, false, 0);
            }
            if (best.Probability >= rules.AutoLinkProbability)
            {
                var from = await db.PersonIdentities.FirstAsync(i => i.Id == entry.IdentityId, cancellationToken);
                var into = await db.PersonIdentities.FirstAsync(i => i.Id == owners[best.PersonId], cancellationToken);
                var change = await _identities.MergeAsync(from, into, IdentityLinkSource.Engine, best.Probability, string.Join("; ", best.Reasons),
                    $"entry {entry.Id} matched entry {best.PersonId}", Actor, cancellationToken);
                if (change is null)
                {
                    return (false, false, 0);
                }
                await db.SaveChangesAsync(cancellationToken);
                var routed = 0;
                if (entry.Role == PersonRole.Victim)
                {
                    var incident = await db.Incidents.FirstAsync(i => i.Id == entry.IncidentId, cancellationToken);
                    routed = (await _identities.RouteAsync(incident, [entry], IdentityLinkSource.Engine, cancellationToken)).Count;
                }
                return (true, false, routed);
            }
            var pairExists = await db.IdentityReviews.AnyAsync(r => (r.PersonId == entry.Id && r.CandidatePersonId == best.PersonId) || (r.PersonId == best.PersonId && r.CandidatePersonId == entry.Id), cancellationToken);
            if (!pairExists)
            {
                db.IdentityReviews.Add(new IdentityReview
                {
                    PersonId = entry.Id, CandidatePersonId = best.PersonId, Score = best.Probability,
                    Reasons = string.Join("; ", best.Reasons) is { Length: > 1000 } long_ ? long_[..1000] : string.Join("; ", best.Reasons),
                    Status = ReviewStatus.Open, CreatedAt = now,
                });
            }
            return (false, !pairExists, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Identity resolution: {Entries} entries, {Linked} linked, {Reviews} to review, {Routed} routed to the desk in {Milliseconds} ms")]
    private static partial void LogRun(ILogger logger, int entries, int linked, int reviews, int routed, long milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity resolution pass ended early on a concurrent change")]
    private static partial void LogConflict(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Identity resolution stopped")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
