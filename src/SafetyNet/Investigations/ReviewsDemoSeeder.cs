using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Demo mode: the first review of each open demo investigation, due when the rules say. Of those whose first review is
/// long past, every third has been done (with the next review waiting); the rest stay overdue, the oldest past the
/// inspector's threshold, so the supervisor's and the inspector's queues both have work.
/// </summary>
internal sealed class ReviewsDemoSeeder(AppDb db, ForceConfiguration configuration, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<SupervisoryReview>().AnyAsync(cancellationToken))
        {
            return;
        }
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, cancellationToken)).Value;
        var now = time.GetUtcNow();
        var open = await db.Set<Investigation>().AsNoTracking().Where(i => i.Status != InvestigationStatus.Finalised)
            .OrderBy(i => i.OpenedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var supervisor = $"detective.sergeant@{AccountSeeder.DemoDomain}";
        var done = 0;
        foreach (var investigation in open)
        {
            var first = FirstReviewOnInvestigationOpened.FirstReview(investigation, rules);
            db.Add(first);
            // Every third first review that fell due more than a day ago was done on time.
            if (first.DueAt < now.AddDays(-1) && done++ % 3 == 0)
            {
                var completed = first.DueAt.AddHours(-2);
                var next = completed.AddDays(rules.ReviewEveryDaysFor(investigation));
                (first.CompletedAt, first.CompletedBy, first.RiskBefore, first.RiskAfter) = (completed, supervisor, investigation.Risk, investigation.Risk);
                first.ActionsChecked = "Victim and witness statements taken; house-to-house complete; CCTV requested from two premises";
                first.QualityNote = "Proportionate enquiries so far; the victim strategy reflects the Victims' Code needs";
                first.NewActions = "Chase the CCTV; review forensic submissions";
                first.NextReviewDue = next;
                db.Add(new SupervisoryReview { InvestigationId = investigation.Id, Kind = ReviewKind.Periodic, DueAt = next });
                db.Add(new InvestigationEvent
                {
                    InvestigationId = investigation.Id, Kind = "Reviewed", Text = $"First review completed; next review by {ForceClock.FormatDay(ForceClock.DayOf(next))}",
                    At = completed, By = supervisor,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
