using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Demo mode: two in three of the allocated investigations opened more than <see cref="OlderThanDays"/> days ago are
/// finalised by the detective sergeant with a spread of Home Office outcomes near the national mix (most with no
/// suspect identified or evidential difficulties, about one in eight charged), so the outcome rates have figures.
/// </summary>
internal sealed class InvestigationOutcomesDemoSeeder(AppDb db, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public const int OlderThanDays = 21;

    // Repeated codes weight the mix; the list is walked in turn so the same demo data gives the same outcomes.
    private static readonly string[] Mix = ["18", "14", "1", "16", "18", "8", "15", "18", "3", "21", "1A", "14", "18", "16", "10", "6"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<Investigation>().AnyAsync(i => i.Status == InvestigationStatus.Finalised, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var before = now.AddDays(-OlderThanDays);
        var candidates = await db.Set<Investigation>()
            .Where(i => i.Status == InvestigationStatus.Allocated && i.OpenedAt < before)
            .OrderBy(i => i.OpenedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var sergeant = $"detective.sergeant@{AccountSeeder.DemoDomain}";
        var finalised = 0;
        for (var n = 0; n < candidates.Count; n++)
        {
            if (n % 3 == 2)
            {
                continue;
            }
            var investigation = candidates[n];
            var code = Mix[finalised++ % Mix.Length];
            var at = investigation.OpenedAt.AddDays(7 + (n % 14));
            if (at > now.AddDays(-1))
            {
                at = now.AddDays(-1);
            }
            investigation.Status = InvestigationStatus.Finalised;
            (investigation.OutcomeCode, investigation.FinalisedAt, investigation.FinalisedBy) = (code, at, sergeant);
            db.Add(new InvestigationEvent
            {
                InvestigationId = investigation.Id, Kind = "Finalised", Text = $"Finalised with outcome {HomeOfficeOutcomes.Describe(code)}", At = at, By = sergeant,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
