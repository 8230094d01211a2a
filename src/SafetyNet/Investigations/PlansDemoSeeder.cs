using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Demo mode: a plan for two in three of the allocated open investigations — a hypothesis, a line of enquiry towards
/// the suspect and one away, a victim strategy with its action (some overdue, some done) and a decision — so the plan
/// pages, the actions that fall due and the plan summaries all have work. The rest stay unplanned, as real ones do.
/// </summary>
internal sealed class PlansDemoSeeder(AppDb db, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<Hypothesis>().AnyAsync(cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var allocated = await db.Set<Investigation>().AsNoTracking()
            .Where(i => i.Status == InvestigationStatus.Allocated && i.InvestigatorId != null)
            .OrderBy(i => i.OpenedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        for (var n = 0; n < allocated.Count; n++)
        {
            if (n % 3 == 2)
            {
                continue;
            }
            var investigation = allocated[n];
            var owner = investigation.InvestigatorId!;
            var by = investigation.AllocatedBy ?? "system";
            var planned = (investigation.AllocatedAt ?? investigation.OpenedAt).AddHours(4);
            db.Add(new Hypothesis { InvestigationId = investigation.Id, Text = "The offender knew the victim's routine and chose a time the address was empty", CreatedAt = planned, CreatedBy = owner });
            db.Add(new LineOfEnquiry
            {
                InvestigationId = investigation.Id, Text = "CCTV and doorbell cameras on the approach roads", Objective = "Identify who was near the address at the time",
                Direction = EnquiryDirection.TowardsSuspect, CreatedAt = planned, CreatedBy = owner,
            });
            db.Add(new LineOfEnquiry
            {
                InvestigationId = investigation.Id, Text = "The named suspect's account of where they were", Objective = "Test the alibi with the witnesses it names",
                Direction = EnquiryDirection.AwayFromSuspect, CreatedAt = planned, CreatedBy = owner,
            });
            // Every other plan's victim action is done; of the rest, those set more than a week ago are overdue.
            var due = planned.AddDays(7);
            var done = n % 2 == 0 && due < now;
            db.Add(new PlanAction
            {
                InvestigationId = investigation.Id, Section = "Victim", Text = "Agree how and how often the victim is updated, and offer the needs assessment",
                OwnerUserId = owner, DueAt = due, CreatedAt = planned, CreatedBy = owner,
                CompletedAt = done ? due.AddDays(-2) : null, CompletedBy = done ? owner : null,
                Result = done ? "Weekly telephone updates agreed; referred to victim support" : null,
                Rationale = done ? "The victim asked for telephone contact and accepted support" : null,
            });
            db.Add(new PlanDecision
            {
                InvestigationId = investigation.Id, Decision = "Not to seek forensic examination of the point of entry",
                OptionsConsidered = "Scene examination; CCTV first; no examination", Rationale = "The scene was disturbed before attendance; CCTV is the better line",
                By = by, At = planned,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
