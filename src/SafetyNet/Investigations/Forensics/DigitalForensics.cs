using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations.Forensics;

/// <summary>A device to submit, with its seizure: when, who or where from, who seized it (the submitter when not given) and where it is now.</summary>
public sealed record ForensicSubmissionRequest(
    string? DeviceType, string? ExhibitReference, DateTimeOffset? CustodyClockEndsAt, DateOnly? ChargeOrCourtDate, bool? SafeguardingRiskNow,
    bool? NamedSuspect, DateTimeOffset? SeizedAt, string? SeizedFrom, string? SeizedBy, string? Location);

/// <summary>A hand-over in a device's continuity: when it happened, who handed it to whom, and where the device is now.</summary>
public sealed record ExhibitMovementRequest(DateTimeOffset? At, string? From, string? To, string? Location, string? Note);

public sealed record KioskTriageRequest(int? Version, string? Result, string? Note, bool? Close);

public sealed record ExaminationRequest(int? Version, string? Step, string? Note);

public sealed record ExhibitMovementResponse(DateTimeOffset At, string From, string To, string Location, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ForensicSubmissionResponse(
    long Id, long InvestigationId, string? CrimeReference, string DeviceType, string DeviceTypeName, string ExhibitReference, DateTimeOffset SubmittedAt,
    string SubmittedBy, DateTimeOffset? CustodyClockEndsAt, DateOnly? ChargeOrCourtDate, bool SafeguardingRiskNow, bool NamedSuspect,
    ForensicPriority Priority, IReadOnlyList<string> PriorityReasons, int RuleVersion, int TargetDays, DateTimeOffset TargetAt, int AgeDays,
    bool PastTarget, ForensicStatus Status, KioskTriageResult? TriageResult, string? TriageNote, DateTimeOffset? TriagedAt, string? TriagedBy,
    DateTimeOffset? ExaminationStartedAt, DateTimeOffset? ExaminationCompletedAt, string? ExaminedBy, string? ExaminationNote,
    IReadOnlyList<ExhibitMovementResponse> Continuity, int Version);

public sealed record ForensicQueueItem(
    long Id, long InvestigationId, string? CrimeReference, string DeviceTypeName, string ExhibitReference, ForensicPriority Priority,
    string PriorityReasons, ForensicStatus Status, DateTimeOffset SubmittedAt, int AgeDays, int TargetDays, bool PastTarget);

/// <summary>Open submissions of one priority, by age band (days since submitted: 0–7, 8–28, 29–90, over 90).</summary>
public sealed record ForensicBacklogRow(ForensicPriority Priority, int Open, int Days0To7, int Days8To28, int Days29To90, int Over90, int PastTarget);

/// <summary>Submissions of one priority finished (examined, or closed at triage): how many, within target, and the median days.</summary>
public sealed record ForensicTurnaroundRow(ForensicPriority Priority, int TargetDays, int Finished, int WithinTarget, double? MedianDays);

public sealed record ForensicQueue(IReadOnlyList<ForensicQueueItem> Items, IReadOnlyList<ForensicBacklogRow> Backlog, IReadOnlyList<ForensicTurnaroundRow> Turnaround);

/// <summary>What an investigation's page says of its devices: how many, how many still with the unit, and the highest priority open.</summary>
public sealed record ForensicsSummaryView(int Submitted, int Open, ForensicPriority? HighestOpen);

/// <summary>
/// The digital forensics queue: submitting a seized device from an investigation (an officer or supervisor who may open
/// it), scored by the force's <see cref="ForensicPriorities"/>; the unit's continuity, kiosk triage and examination; the
/// queue by priority then age, with backlog and turnaround. The unit's work is for members of the digital forensics
/// unit; supervisors read it; anyone else is answered not found. Investigations are read through
/// <see cref="InvestigationAccess"/>; every read of a submission or the queue is audited.
/// </summary>
public sealed class DigitalForensics(
    AppDb db, InvestigationAccess investigations, ForceConfiguration configuration, RecordReads reads, CurrentUser user, AuditTrail audit,
    TimeProvider time)
{
    public const string TeamCode = "DIGITAL-FORENSICS";
    public const string Unit = "Digital forensics unit";

    private bool? _unit;

    /// <summary>A member of the digital forensics unit: works the queue.</summary>
    public async Task<bool> IsUnitAsync(CancellationToken ct) => _unit ??= investigations.CanRead && user.Id is { } id
        && await db.TeamMemberships.AnyAsync(m => m.UserId == id && m.Team!.Code == TeamCode, ct);

    /// <summary>The unit, and supervisors who read its queue.</summary>
    public async Task<bool> MayReadAsync(CancellationToken ct) => investigations.IsSupervisor || await IsUnitAsync(ct);

    /// <summary>Officers and supervisors send devices from the investigations they may open.</summary>
    public bool MaySubmit => investigations.CanRead && (user.IsInRole(Roles.Officer) || user.IsInRole(Roles.Supervisor));

    private IQueryable<ForensicSubmission> Visible =>
        db.Set<ForensicSubmission>().Where(s => investigations.Visible.Any(i => i.Id == s.InvestigationId));

    public async Task<Outcome<ForensicSubmissionResponse>> SubmitAsync(long investigationId, ForensicSubmissionRequest request, string? purpose, CancellationToken ct)
    {
        if (!MaySubmit)
        {
            return Outcome<ForensicSubmissionResponse>.NotFound;
        }
        switch (await investigations.MayOpenAsync(investigationId, purpose, ct))
        {
            case ReadOutcome.NotFound: return Outcome<ForensicSubmissionResponse>.NotFound;
            case ReadOutcome.PurposeRequired: return Outcome<ForensicSubmissionResponse>.PurposeRequired;
        }
        var v = new Validation();
        var device = v.Required("deviceType", request.DeviceType, "the type of device", 20);
        if (device is not null && DeviceTypes.All.All(d => d.Code != device))
        {
            v.Add("deviceType", "Select the type of device");
        }
        var exhibit = v.Required("exhibitReference", request.ExhibitReference, "the exhibit reference", 60);
        var now = time.GetUtcNow();
        if (request.CustodyClockEndsAt is { } ends && (ends <= now || ends > now.AddHours(96)))
        {
            v.Add("custodyClockEndsAt", "A custody clock ends within 96 hours from now");
        }
        if (request.ChargeOrCourtDate is { } date && date < ForceClock.DayOf(now))
        {
            v.Add("chargeOrCourtDate", "The charge or court date must be today or in the future");
        }
        var seizedAt = HandedOver(v, "seizedAt", request.SeizedAt, "seized", now, null);
        var seizedFrom = v.Required("seizedFrom", request.SeizedFrom, "who or where the device was seized from", 200);
        var seizedBy = v.MaxLength("seizedBy", request.SeizedBy, "who seized the device", 200) ?? user.Name;
        var location = v.Required("location", request.Location, "where the device is now", 200);
        if (!v.IsValid)
        {
            return Outcome<ForensicSubmissionResponse>.Invalid(v.Errors);
        }
        var investigation = await investigations.Visible.AsNoTracking().FirstAsync(i => i.Id == investigationId, ct);
        var rules = await configuration.CurrentAsync<ForensicPriorities>(ForensicPriorities.Key, ct);
        var score = rules.Value.Score(new ForensicCaseFacts(request.SafeguardingRiskNow == true, request.CustodyClockEndsAt, investigation.Risk,
            request.ChargeOrCourtDate, request.NamedSuspect == true), now);
        var submission = new ForensicSubmission
        {
            InvestigationId = investigationId, DeviceType = device!, ExhibitReference = exhibit!, SubmittedAt = now, SubmittedBy = user.Name,
            CustodyClockEndsAt = request.CustodyClockEndsAt, ChargeOrCourtDate = request.ChargeOrCourtDate,
            SafeguardingRiskNow = request.SafeguardingRiskNow == true, NamedSuspect = request.NamedSuspect == true, Priority = score.Priority,
            PriorityReasons = string.Join('\n', score.Reasons), RuleVersion = rules.Version, TargetDays = score.TargetDays, Status = ForensicStatus.Submitted,
        };
        db.Add(submission);
        await db.SaveChangesAsync(ct);
        // The seizure is the device's first hand-over: everything after it in the continuity happened later.
        db.Add(new ExhibitMovement
        {
            SubmissionId = submission.Id, At = seizedAt!.Value, From = seizedFrom!, To = seizedBy, Location = location!, Note = "Seized; submitted for examination",
            RecordedAt = now, RecordedBy = user.Name,
        });
        db.Add(new InvestigationEvent
        {
            InvestigationId = investigationId, Kind = "Device submitted", At = now, By = user.Name,
            Text = $"{DeviceTypes.Describe(submission.DeviceType)} {submission.ExhibitReference} sent to the digital forensics unit at {submission.Priority}",
        });
        audit.Add("forensics.submit", "forensic-submission", submission.Id.ToString(CultureInfo.InvariantCulture), RecordReads.Valid(purpose),
            $"investigation {investigationId} {submission.Priority}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await ToResponseAsync(submission, ct));
    }

    public async Task<Outcome<ForensicSubmissionResponse>> ReadAsync(long id, CancellationToken ct)
    {
        var submission = await MayReadAsync(ct) ? await Visible.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (submission is null)
        {
            return Outcome<ForensicSubmissionResponse>.NotFound;
        }
        // A submission names a device and the case's deadlines, no person: audited, with no purpose asked.
        await reads.DecideAsync(false, "forensics.read", "forensic-submission", id, null, $"investigation {submission.InvestigationId}", ct);
        return Outcome.Done(await ToResponseAsync(submission, ct));
    }

    public async Task<Outcome<ForensicSubmissionResponse>> RecordMovementAsync(long id, ExhibitMovementRequest request, CancellationToken ct)
    {
        // The seizure, the first entry, bounds when a hand-over can have happened. It is read before the step decides whether
        // the caller may work the submission, and used only once it has.
        var first = await db.Set<ExhibitMovement>().AsNoTracking().Where(m => m.SubmissionId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => m.At).Take(1).ToListAsync(ct);
        DateTimeOffset? seized = first.Count == 0 ? null : first[0];
        // Continuity only ever grows, so a movement needs no version.
        return await TakeStepAsync(id, versioned: false, version: null, (submission, v) =>
        {
            var at = HandedOver(v, "at", request.At, "handed over", time.GetUtcNow(), seized);
            var from = v.Required("from", request.From, "who handed the device over", 200);
            var to = v.Required("to", request.To, "who received the device", 200);
            var location = v.Required("location", request.Location, "where the device is now", 200);
            var note = v.MaxLength("note", request.Note, "the note", 1000);
            return now =>
            {
                db.Add(new ExhibitMovement
                {
                    SubmissionId = id, At = at!.Value, From = from!, To = to!, Location = location!, Note = note, RecordedAt = now, RecordedBy = user.Name,
                });
                if (submission.Status == ForensicStatus.Submitted)
                {
                    // The unit's first record of holding the device is its acceptance.
                    submission.Status = ForensicStatus.Accepted;
                }
                return new StepRecord("forensics.movement");
            };
        }, ct);
    }

    /// <summary>
    /// When a hand-over happened: required, never in the future (it may be recorded later than it happened, never earlier)
    /// and never before the device was seized.
    /// </summary>
    private static DateTimeOffset? HandedOver(Validation v, string field, DateTimeOffset? at, string what, DateTimeOffset now, DateTimeOffset? seized)
    {
        if (at is null)
        {
            v.Add(field, $"Enter the date and time the device was {what}");
        }
        else if (at > now)
        {
            v.Add(field, $"The date and time the device was {what} must be now or in the past");
        }
        else if (at < seized)
        {
            v.Add(field, $"The date and time the device was {what} must be on or after its seizure, {ForceClock.Format(seized)}");
        }
        return at;
    }

    public Task<Outcome<ForensicSubmissionResponse>> TriageAsync(long id, KioskTriageRequest request, CancellationToken ct) =>
        TakeStepAsync(id, versioned: true, request.Version, (submission, v) =>
        {
            var result = v.Enum<KioskTriageResult>("result", request.Result, "the kiosk triage result");
            var note = v.MaxLength("note", request.Note, "the note", 1000);
            if (submission.Status is not (ForensicStatus.Submitted or ForensicStatus.Accepted))
            {
                v.Add("result", "This device has already been triaged");
            }
            if (request.Close == true && result is not null && result != KioskTriageResult.RelevantAbsent)
            {
                v.Add("close", "Only a triage that found no relevant material can close the submission");
            }
            return now =>
            {
                (submission.TriageResult, submission.TriageNote, submission.TriagedAt, submission.TriagedBy) = (result, note, now, user.Name);
                submission.Status = request.Close == true ? ForensicStatus.ClosedAtTriage : ForensicStatus.Triaged;
                return new StepRecord("forensics.triage", result.ToString(), ("Kiosk triage",
                    $"{submission.ExhibitReference}: {Words.Triage(result!.Value)}{(submission.Status == ForensicStatus.ClosedAtTriage ? "; closed at triage" : "")}"));
            };
        }, ct);

    public Task<Outcome<ForensicSubmissionResponse>> ExamineAsync(long id, ExaminationRequest request, CancellationToken ct) =>
        TakeStepAsync(id, versioned: true, request.Version, (submission, v) =>
        {
            var note = v.MaxLength("note", request.Note, "the note", 1000);
            var start = request.Step == "start";
            if (request.Step is not ("start" or "complete"))
            {
                v.Add("step", "Say whether the examination starts or is complete");
            }
            else if (start && submission.Status is not (ForensicStatus.Submitted or ForensicStatus.Accepted or ForensicStatus.Triaged))
            {
                v.Add("step", "The examination of this device has already started or the submission is closed");
            }
            else if (!start && submission.Status != ForensicStatus.InExamination)
            {
                v.Add("step", "Start the examination before completing it");
            }
            if (!start && v.IsValidField("step") && string.IsNullOrWhiteSpace(request.Note))
            {
                v.Add("note", "Enter what the examination found");
            }
            return now =>
            {
                if (start)
                {
                    (submission.Status, submission.ExaminationStartedAt, submission.ExaminedBy) = (ForensicStatus.InExamination, now, user.Name);
                    return new StepRecord("forensics.examination.start", History: ("Examination started", $"{submission.ExhibitReference} under examination"));
                }
                (submission.Status, submission.ExaminationCompletedAt, submission.ExaminationNote) = (ForensicStatus.Completed, now, note);
                return new StepRecord("forensics.examination.complete", History: ("Examination completed", $"{submission.ExhibitReference}: {note}"));
            };
        }, ct);

    /// <summary>What a step of the unit's leaves behind: its audit action (with details) and the line it adds to the investigation's history, if any.</summary>
    private sealed record StepRecord(string Audit, string? Details = null, (string Kind, string Text)? History = null);

    /// <summary>A step's change, made once its request is valid and current, at the time it is made.</summary>
    private delegate StepRecord StepChange(DateTimeOffset now);

    /// <summary>
    /// Every step the unit takes on a submission: the submission is the unit's to work or not found; <paramref name="check"/>
    /// validates the request against it and hands back the change; a versioned step needs the version read, and a stale one
    /// changes nothing; the change, its history line and its audit are saved together.
    /// </summary>
    private async Task<Outcome<ForensicSubmissionResponse>> TakeStepAsync(long id, bool versioned, int? version,
        Func<ForensicSubmission, Validation, StepChange> check, CancellationToken ct)
    {
        var submission = await UnitsAsync(id, ct);
        if (submission is null)
        {
            return Outcome<ForensicSubmissionResponse>.NotFound;
        }
        var v = new Validation();
        var change = check(submission, v);
        if (versioned && version is null)
        {
            v.Add("version", "Send the version of the submission you read");
        }
        if (!v.IsValid)
        {
            return Outcome<ForensicSubmissionResponse>.Invalid(v.Errors);
        }
        if (versioned && !db.Matches(submission, version!.Value))
        {
            return Outcome<ForensicSubmissionResponse>.Stale(submission.Version);
        }
        var now = time.GetUtcNow();
        var record = change(now);
        if (record.History is { } line)
        {
            db.Add(new InvestigationEvent { InvestigationId = submission.InvestigationId, Kind = line.Kind, At = now, By = user.Name, Text = line.Text });
        }
        audit.Add(record.Audit, "forensic-submission", id.ToString(CultureInfo.InvariantCulture), details: record.Details);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await ToResponseAsync(submission, ct));
    }

    /// <summary>The unit's queue: open submissions by priority, then the oldest first; with backlog and turnaround.</summary>
    public async Task<Outcome<ForensicQueue>> QueueAsync(CancellationToken ct)
    {
        if (!await MayReadAsync(ct))
        {
            return Outcome<ForensicQueue>.NotFound;
        }
        var now = time.GetUtcNow();
        var open = await (from s in Visible.AsNoTracking()
                          join i in db.Set<Investigation>() on s.InvestigationId equals i.Id
                          join c in db.CrimeRecords on i.CrimeRecordId equals c.Id
                          where s.Status != ForensicStatus.Completed && s.Status != ForensicStatus.ClosedAtTriage
                          orderby s.Priority, s.SubmittedAt, s.Id
                          select new { s.Id, s.InvestigationId, c.CrimeReference, s.DeviceType, s.ExhibitReference, s.Priority, s.PriorityReasons, s.Status, s.SubmittedAt, s.TargetDays })
            .ToListAsync(ct);
        var items = open.Select(s => new ForensicQueueItem(s.Id, s.InvestigationId, s.CrimeReference, DeviceTypes.Describe(s.DeviceType), s.ExhibitReference,
            s.Priority, s.PriorityReasons, s.Status, s.SubmittedAt, AgeDays(s.SubmittedAt, now), s.TargetDays, s.SubmittedAt.AddDays(s.TargetDays) < now)).ToList();
        var finished = await Visible.AsNoTracking().Where(s => s.Status == ForensicStatus.Completed || s.Status == ForensicStatus.ClosedAtTriage)
            .Select(s => new { s.Priority, s.SubmittedAt, s.TargetDays, Done = s.Status == ForensicStatus.Completed ? s.ExaminationCompletedAt : s.TriagedAt })
            .ToListAsync(ct);
        var rules = (await configuration.CurrentAsync<ForensicPriorities>(ForensicPriorities.Key, ct)).Value;
        var backlog = Enum.GetValues<ForensicPriority>().Select(p =>
        {
            var ages = items.Where(i => i.Priority == p).Select(i => i.AgeDays).ToList();
            return new ForensicBacklogRow(p, ages.Count, ages.Count(a => a <= 7), ages.Count(a => a is > 7 and <= 28), ages.Count(a => a is > 28 and <= 90),
                ages.Count(a => a > 90), items.Count(i => i.Priority == p && i.PastTarget));
        }).ToList();
        var turnaround = Enum.GetValues<ForensicPriority>().Select(p =>
        {
            var done = finished.Where(f => f.Priority == p && f.Done is not null).Select(f => (Days: (f.Done!.Value - f.SubmittedAt).TotalDays, f.TargetDays)).ToList();
            return new ForensicTurnaroundRow(p, rules.TargetDaysFor(p), done.Count, done.Count(d => d.Days <= d.TargetDays), Median(done.Select(d => d.Days).ToList()));
        }).ToList();
        await reads.AuditListAsync(items.Select(i => new ListedRecord(i.Id, false)).ToList(), "forensics.queue", "forensic-submission", null, null, ct);
        return Outcome.Done(new ForensicQueue(items, backlog, turnaround));
    }

    /// <summary>The investigation page's line: for a caller who has just read the investigation through <see cref="InvestigationAccess"/>.</summary>
    public async Task<ForensicsSummaryView> SummaryAsync(long investigationId, CancellationToken ct)
    {
        var rows = await Visible.AsNoTracking().Where(s => s.InvestigationId == investigationId).Select(s => new { s.Status, s.Priority }).ToListAsync(ct);
        var open = rows.Where(r => r.Status is not (ForensicStatus.Completed or ForensicStatus.ClosedAtTriage)).ToList();
        return new ForensicsSummaryView(rows.Count, open.Count, open.Count == 0 ? null : open.Min(r => r.Priority));
    }

    /// <summary>Open submissions by priority, for the daily pack (no records named).</summary>
    public static async Task<IReadOnlyList<(ForensicPriority Priority, int Open, int PastTarget)>> BacklogAsync(AppDb db, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Set<ForensicSubmission>().AsNoTracking()
            .Where(s => s.Status != ForensicStatus.Completed && s.Status != ForensicStatus.ClosedAtTriage)
            .Select(s => new { s.Priority, s.SubmittedAt, s.TargetDays }).ToListAsync(ct);
        return [.. Enum.GetValues<ForensicPriority>().Select(p => (p, open.Count(o => o.Priority == p), open.Count(o => o.Priority == p && o.SubmittedAt.AddDays(o.TargetDays) < now)))];
    }

    private async Task<ForensicSubmission?> UnitsAsync(long id, CancellationToken ct) =>
        await IsUnitAsync(ct) ? await Visible.FirstOrDefaultAsync(s => s.Id == id, ct) : null;

    private static int AgeDays(DateTimeOffset since, DateTimeOffset now) => Math.Max(0, (int)(now - since).TotalDays);

    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var mid = values.Count / 2;
        return Math.Round(values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2, 1);
    }

    private async Task<ForensicSubmissionResponse> ToResponseAsync(ForensicSubmission s, CancellationToken ct)
    {
        var crime = await (from i in db.Set<Investigation>() join c in db.CrimeRecords on i.CrimeRecordId equals c.Id where i.Id == s.InvestigationId select c.CrimeReference)
            .FirstOrDefaultAsync(ct);
        var continuity = await db.Set<ExhibitMovement>().AsNoTracking().Where(m => m.SubmissionId == s.Id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new ExhibitMovementResponse(m.At, m.From, m.To, m.Location, m.Note, m.RecordedAt, m.RecordedBy)).ToListAsync(ct);
        var now = time.GetUtcNow();
        var target = s.SubmittedAt.AddDays(s.TargetDays);
        var finishedAt = s.Status == ForensicStatus.Completed ? s.ExaminationCompletedAt : s.Status == ForensicStatus.ClosedAtTriage ? s.TriagedAt : null;
        return new ForensicSubmissionResponse(
            s.Id, s.InvestigationId, crime, s.DeviceType, DeviceTypes.Describe(s.DeviceType), s.ExhibitReference, s.SubmittedAt, s.SubmittedBy,
            s.CustodyClockEndsAt, s.ChargeOrCourtDate, s.SafeguardingRiskNow, s.NamedSuspect, s.Priority, s.PriorityReasons.Split('\n'), s.RuleVersion,
            s.TargetDays, target, AgeDays(s.SubmittedAt, finishedAt ?? now), (finishedAt ?? now) > target, s.Status, s.TriageResult, s.TriageNote,
            s.TriagedAt, s.TriagedBy, s.ExaminationStartedAt, s.ExaminationCompletedAt, s.ExaminedBy, s.ExaminationNote, continuity, s.Version);
    }

    /// <summary>The unit's words for its states and results, shared by pages and history lines.</summary>
    public static class Words
    {
        public static string Triage(KioskTriageResult result) => result switch
        {
            KioskTriageResult.RelevantPresent => "relevant material present",
            KioskTriageResult.RelevantAbsent => "no relevant material found",
            _ => "not examined at the kiosk",
        };

        public static string Status(ForensicStatus status) => status switch
        {
            ForensicStatus.Submitted => "Submitted",
            ForensicStatus.Accepted => "Accepted",
            ForensicStatus.Triaged => "Triaged",
            ForensicStatus.InExamination => "In examination",
            ForensicStatus.Completed => "Completed",
            _ => "Closed at triage",
        };

        public static string PriorityTag(ForensicPriority priority) => priority switch
        {
            ForensicPriority.P1 => "govuk-tag--red",
            ForensicPriority.P2 => "govuk-tag--orange",
            ForensicPriority.P3 => "govuk-tag--yellow",
            _ => "govuk-tag--grey",
        };
    }
}
