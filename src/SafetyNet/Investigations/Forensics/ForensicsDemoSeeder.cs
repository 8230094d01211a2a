using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations.Forensics;

/// <summary>
/// Demo mode: devices submitted from allocated demo investigations at every priority, scored by the current rule as
/// they were submitted: some waiting, some triaged or under examination, some finished, so the queue, its backlog and
/// turnaround all have figures.
/// </summary>
internal sealed class ForensicsDemoSeeder(AppDb db, ForceConfiguration configuration, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    private sealed record Seed(string Device, bool Safeguarding, int? CustodyHours, int? CourtInDays, bool Suspect, bool HighRisk, int DaysAgo, ForensicStatus Reached);

    private static readonly Seed[] Seeds =
    [
        new("phone", true, null, null, true, false, 0, ForensicStatus.Submitted),
        new("phone", false, 20, null, true, false, 0, ForensicStatus.Accepted),
        new("computer", false, null, null, true, true, 3, ForensicStatus.Triaged),
        new("phone", false, null, 12, true, false, 9, ForensicStatus.InExamination),
        new("tablet", false, null, null, true, true, 20, ForensicStatus.Completed),
        new("phone", false, null, null, true, false, 12, ForensicStatus.Accepted),
        new("storage", false, null, null, true, false, 40, ForensicStatus.Submitted),
        new("phone", false, null, null, true, false, 35, ForensicStatus.ClosedAtTriage),
        new("phone", false, null, null, false, false, 5, ForensicStatus.Submitted),
        new("computer", false, null, null, false, false, 70, ForensicStatus.Triaged),
        new("other", false, null, null, false, false, 100, ForensicStatus.Accepted),
        new("phone", false, null, null, false, false, 60, ForensicStatus.Completed),
    ];

    private static readonly string[] Stations = ["Hatfield", "Stevenage", "Watford", "Hemel Hempstead"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<ForensicSubmission>().AnyAsync(cancellationToken))
        {
            return;
        }
        var allocated = await db.Set<Investigation>().AsNoTracking().Where(i => i.Status == InvestigationStatus.Allocated)
            .OrderBy(i => i.OpenedAt).ThenBy(i => i.Id).Select(i => new { i.Id, i.Risk, i.AllocatedBy }).ToListAsync(cancellationToken);
        var high = allocated.Where(i => i.Risk == InvestigationRisk.High).ToList();
        var other = allocated.Where(i => i.Risk != InvestigationRisk.High).ToList();
        if (other.Count == 0)
        {
            return;
        }
        var rules = await configuration.CurrentAsync<ForensicPriorities>(ForensicPriorities.Key, cancellationToken);
        var now = time.GetUtcNow();
        var submitter = $"investigator@{AccountSeeder.DemoDomain}";
        var examiner = $"dfu@{AccountSeeder.DemoDomain}";
        var made = new List<(ForensicSubmission Submission, Seed Seed)>();
        foreach (var (seed, n) in Seeds.Select((s, n) => (s, n)))
        {
            // A high-risk seed needs a high-risk investigation; without one it stands on a court date instead.
            var pool = seed.HighRisk && high.Count > 0 ? high : other;
            var investigation = pool[n % pool.Count];
            var at = now.AddDays(-seed.DaysAgo).AddHours(-2 - n);
            var court = seed.CourtInDays is { } c ? ForceClock.DayOf(now).AddDays(c) : seed.HighRisk && high.Count == 0 ? ForceClock.DayOf(at).AddDays(20) : (DateOnly?)null;
            var custody = seed.CustodyHours is { } h ? at.AddHours(h) : (DateTimeOffset?)null;
            var score = rules.Value.Score(new ForensicCaseFacts(seed.Safeguarding, custody, investigation.Risk, court, seed.Suspect), at);
            var submission = new ForensicSubmission
            {
                InvestigationId = investigation.Id, DeviceType = seed.Device, ExhibitReference = $"DEMO/{n + 1}", SubmittedAt = at, SubmittedBy = submitter,
                CustodyClockEndsAt = custody, ChargeOrCourtDate = court, SafeguardingRiskNow = seed.Safeguarding, NamedSuspect = seed.Suspect,
                Priority = score.Priority, PriorityReasons = string.Join('\n', score.Reasons), RuleVersion = rules.Version, TargetDays = score.TargetDays,
                Status = seed.Reached,
            };
            var step = TimeSpan.FromDays(Math.Max(1, seed.DaysAgo) / 4.0);
            if (seed.Reached is ForensicStatus.Triaged or ForensicStatus.InExamination or ForensicStatus.Completed or ForensicStatus.ClosedAtTriage)
            {
                var absent = seed.Reached == ForensicStatus.ClosedAtTriage;
                (submission.TriageResult, submission.TriagedAt, submission.TriagedBy) =
                    (absent ? KioskTriageResult.RelevantAbsent : KioskTriageResult.RelevantPresent, at + step * 2, examiner);
                submission.TriageNote = absent ? "Kiosk found no messages or images of interest in the dates given" : "Messages with the suspect in the dates given";
            }
            if (seed.Reached is ForensicStatus.InExamination or ForensicStatus.Completed)
            {
                (submission.ExaminationStartedAt, submission.ExaminedBy) = (at + step * 3, examiner);
            }
            if (seed.Reached == ForensicStatus.Completed)
            {
                (submission.ExaminationCompletedAt, submission.ExaminationNote) = (at + step * 4 - TimeSpan.FromHours(1), "Full extraction; report sent to the officer in the case");
            }
            made.Add((submission, seed));
        }
        db.AddRange(made.Select(m => m.Submission));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var ((submission, seed), n) in made.Select((m, n) => (m, n)))
        {
            // Seized a few hours before it was submitted, and booked into a station's store; the unit takes it from the store
            // an hour after submission and records it later in the shift.
            var station = Stations[n % Stations.Length];
            db.Add(new ExhibitMovement
            {
                SubmissionId = submission.Id, At = submission.SubmittedAt.AddHours(-3 - n % 4), From = seed.Suspect ? "The suspect, on arrest" : "The scene",
                To = submitter, Location = $"Exhibits store, {station} police station", Note = "Seized; submitted for examination",
                RecordedAt = submission.SubmittedAt, RecordedBy = submitter,
            });
            if (seed.Reached != ForensicStatus.Submitted)
            {
                db.Add(new ExhibitMovement
                {
                    SubmissionId = submission.Id, At = submission.SubmittedAt.AddHours(1), From = $"Exhibits store, {station}", To = examiner,
                    Location = "Digital forensics unit lab, Welwyn Garden City", Note = "Sealed bag, seal intact", RecordedAt = submission.SubmittedAt.AddHours(1.5),
                    RecordedBy = examiner,
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
