using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Insight.Statistics;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Insight;

public sealed record CreateAuditRequest(string? Title, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Design, int? SampleSize, int? Seed);

public sealed record MarkItemRequest(bool? ShouldHaveBeenRecorded, bool? CorrectlyRecorded, string? Note, int? Version);

/// <summary>One stratum's tallies: the frame's incidents of the type, those sampled, and the auditor's findings.</summary>
public sealed record StratumResult(string Stratum, int FrameSize, int Sampled, int Marked, int ShouldHaveBeen, int Correct);

/// <summary>
/// Recording accuracy = correctly recorded ÷ should have been recorded, with a 95 % interval that stays within
/// 0–100 %: Wilson's score interval for a simple sample, Wilson's on the effective sample size for a stratified one
/// (<see cref="IntervalMethod"/> says which). <see cref="HalfWidth"/> is the inspectorate's "±" (the normal
/// approximation), kept to compare with its reports; near 100 % its symmetric interval passes 100 %, so it is never
/// shown as an interval. Unrecorded per year scales the estimated crimes the period held to a year.
/// </summary>
public sealed record AuditResult(
    int Marked, int ShouldHaveBeen, int Correct, double? Accuracy, double? Lower, double? Upper, double? HalfWidth,
    string? IntervalMethod, double? ImpliedUnrecordedPerYear, string Method, IReadOnlyList<StratumResult> Strata,
    IReadOnlyList<RecordKindResult> ByKind);

/// <summary>
/// Recording accuracy over one kind of record: reports of crime types, or the records of another kind (anti-social
/// behaviour, concern for safety, missing person) where a crime may be hidden. Wilson's 95 % interval over the kind's
/// sampled crimes; null until one of them should have been recorded.
/// </summary>
public sealed record RecordKindResult(string Kind, int Sampled, int Marked, int ShouldHaveBeen, int Correct, double? Accuracy, double? Lower, double? Upper);

public static class RecordingAccuracy
{
    public const string SimpleInterval = "Wilson score interval";
    public const string StratifiedInterval = "Wilson score interval on the effective sample size";

    public static AuditResult Compute(AuditDesign design, int frameSize, int periodDays, IReadOnlyList<CrimeRecordingAuditItem> items)
    {
        var strata = items.GroupBy(i => i.Stratum, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new StratumResult(g.Key, g.First().StratumSize, g.Count(), g.Count(i => i.ShouldHaveBeenRecorded is not null),
                g.Count(i => i.ShouldHaveBeenRecorded == true), g.Count(i => i.ShouldHaveBeenRecorded == true && i.CorrectlyRecorded == true)))
            .ToList();
        var marked = strata.Sum(s => s.Marked);
        var should = strata.Sum(s => s.ShouldHaveBeen);
        var correct = strata.Sum(s => s.Correct);
        var perYear = 365.0 / Math.Max(1, periodDays);
        var byKind = ByKind(strata);
        if (should == 0)
        {
            return new AuditResult(marked, should, correct, null, null, null, null, null, null, "No crimes found yet", strata, byKind);
        }
        if (design == AuditDesign.Stratified)
        {
            // Each stratum's frame is scaled by the share of its marked sample that should have been recorded.
            var usable = strata.Where(s => s.ShouldHaveBeen >= 2 && s.Marked > 0).Select(s => new Stratum(s.Stratum,
                Math.Max(s.ShouldHaveBeen, (long)Math.Round((double)s.FrameSize * s.ShouldHaveBeen / s.Marked)), s.ShouldHaveBeen, s.Correct)).ToArray();
            if (usable.Length > 0)
            {
                var estimate = StratifiedProportion.Estimate(usable);
                return new AuditResult(marked, should, correct, estimate.Estimate.Proportion, estimate.Estimate.Lower, estimate.Estimate.Upper, estimate.NormalHalfWidth,
                    StratifiedInterval, estimate.ImpliedFailures * perYear,
                    $"Stratified estimator by incident type (strata with at least two crimes); 95 % interval: {StratifiedInterval}", strata, byKind);
            }
        }
        var normal = Proportion.Normal(correct, should);
        var wilson = Proportion.Wilson(correct, should);
        var crimesInFrame = marked == 0 ? 0 : (double)frameSize * should / marked;
        return new AuditResult(marked, should, correct, wilson.Proportion, wilson.Lower, wilson.Upper, normal.HalfWidth, SimpleInterval,
            crimesInFrame * (1 - wilson.Proportion) * perYear, $"Simple random sample; 95 % interval: {SimpleInterval}", strata, byKind);
    }

    public const string CrimeReports = "Reports of crime";
    public const string OtherRecords = "Anti-social behaviour, concern for safety and missing person records";

    /// <summary>The accuracy of crime reports and, apart, of the other records in which the inspectorate looks for hidden crimes.</summary>
    private static List<RecordKindResult> ByKind(List<StratumResult> strata) =>
        strata.GroupBy(s => IncidentType.Find(s.Stratum)?.PossibleCrime == false ? OtherRecords : CrimeReports)
            .OrderBy(g => g.Key == CrimeReports ? 0 : 1)
            .Select(g =>
            {
                var (sampled, marked, should, correct) = (g.Sum(s => s.Sampled), g.Sum(s => s.Marked), g.Sum(s => s.ShouldHaveBeen), g.Sum(s => s.Correct));
                if (should == 0)
                {
                    return new RecordKindResult(g.Key, sampled, marked, should, correct, null, null, null);
                }
                var wilson = Proportion.Wilson(correct, should);
                return new RecordKindResult(g.Key, sampled, marked, should, correct, wilson.Proportion, wilson.Lower, wilson.Upper);
            }).ToList();
}

/// <summary>Draws reproducible samples for crime-recording audits and keeps the auditor's marks.</summary>
public sealed class CrimeRecordingAudits(AppDb db, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public const int MaxSample = 5_000;

    public bool CanUse => user.IsForce && user.IsInAnyRole([Roles.CrimeRegistrar, Roles.Auditor]);

    /// <summary>
    /// What the inspectorate samples: reports of a crime type, reports flagged as possibly a crime, and the records of
    /// another kind where crimes hide (anti-social behaviour, concern for safety, missing person).
    /// </summary>
    private static readonly string[] SampledTypes = IncidentType.All
        .Where(t => t.PossibleCrime || t.IsAsb || t.Code is "CONCERN-FOR-SAFETY" or "MISSING-PERSON").Select(t => t.Code).ToArray();

    public async Task<Outcome<CrimeRecordingAudit>> CreateAsync(CreateAuditRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var title = v.Required("title", request.Title, "a title", 200);
        if (request.PeriodFrom is null)
        {
            v.Add("periodFrom", "Enter the first day of the period");
        }
        if (request.PeriodTo is null)
        {
            v.Add("periodTo", "Enter the last day of the period");
        }
        else if (request.PeriodFrom is { } f && request.PeriodTo < f)
        {
            v.Add("periodTo", "The last day must be the same as or after the first day");
        }
        else if (request.PeriodTo > ForceClock.DayOf(time.GetUtcNow()))
        {
            v.Add("periodTo", "The last day must be today or in the past");
        }
        var design = v.Enum<AuditDesign>("design", request.Design, "a design");
        if (request.SampleSize is not (>= 2 and <= MaxSample))
        {
            v.Add("sampleSize", $"Enter a sample size from 2 to {MaxSample:N0}");
        }
        if (!v.IsValid)
        {
            return Outcome<CrimeRecordingAudit>.Invalid(v.Errors);
        }
        // The period's days are the force's: from midnight in London to midnight in London.
        var start = ForceClock.StartOf(request.PeriodFrom!.Value);
        var end = ForceClock.StartOf(request.PeriodTo!.Value.AddDays(1));
        var frame = await db.Incidents.AsNoTracking()
            .Where(i => i.ReportedAt >= start && i.ReportedAt < end && (SampledTypes.Contains(i.TypeCode) || i.MayBeCrime))
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.TypeCode }).ToListAsync(ct);
        if (frame.Count == 0)
        {
            v.Add("periodFrom", "No incidents that the audit samples were reported in that period");
            return Outcome<CrimeRecordingAudit>.Invalid(v.Errors);
        }
        var entity = new CrimeRecordingAudit
        {
            Title = title!, PeriodFrom = request.PeriodFrom.Value, PeriodTo = request.PeriodTo.Value, Design = design!.Value,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        entity.Draw([.. frame.Select(f => (f.Id, f.TypeCode))], request.SampleSize!.Value, request.Seed ?? Random.Shared.Next(1, 1_000_000),
            id => new CrimeRecordingAuditItem { IncidentId = id });
        db.Add(entity);
        audit.Add("crime-recording-audit.create", "crime-recording-audit", null, details: entity.DrawDetails());
        await db.SaveChangesAsync(ct);
        return Outcome.Done(entity);
    }

    public async Task<CrimeRecordingAudit?> FindAsync(long id, CancellationToken ct) =>
        CanUse ? await db.Set<CrimeRecordingAudit>().AsNoTracking().Include(a => a.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(a => a.Id == id, ct) : null;

    public async Task<List<CrimeRecordingAudit>> ListAsync(CancellationToken ct) =>
        CanUse ? await db.Set<CrimeRecordingAudit>().AsNoTracking().OrderByDescending(a => a.Id).Take(200).ToListAsync(ct) : [];

    public async Task<Outcome<CrimeRecordingAuditItem>> MarkAsync(long auditId, int position, MarkItemRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (!CanUse)
        {
            return Outcome<CrimeRecordingAuditItem>.NotFound;
        }
        var item = await db.Set<CrimeRecordingAuditItem>().FirstOrDefaultAsync(i => i.AuditId == auditId && i.Position == position, ct);
        if (item is null)
        {
            return Outcome<CrimeRecordingAuditItem>.NotFound;
        }
        if (request.ShouldHaveBeenRecorded is null)
        {
            v.Add("shouldHaveBeenRecorded", "Select whether a crime should have been recorded");
        }
        if (request.ShouldHaveBeenRecorded == true && request.CorrectlyRecorded is null)
        {
            v.Add("correctlyRecorded", "Select whether the crime was recorded and correctly classified");
        }
        var note = v.MaxLength("note", request.Note, "the note", 1000);
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the item you read");
        }
        if (!v.IsValid)
        {
            return Outcome<CrimeRecordingAuditItem>.Invalid(v.Errors);
        }
        if (!db.Matches(item, request.Version!.Value))
        {
            return Outcome<CrimeRecordingAuditItem>.Stale(item.Version);
        }
        item.ShouldHaveBeenRecorded = request.ShouldHaveBeenRecorded;
        item.CorrectlyRecorded = request.ShouldHaveBeenRecorded == true ? request.CorrectlyRecorded : null;
        item.Note = note;
        item.MarkedAt = time.GetUtcNow();
        item.MarkedBy = user.Name;
        audit.Add("crime-recording-audit.mark", "incident", item.IncidentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            details: $"audit={auditId} item={position} should={item.ShouldHaveBeenRecorded} correct={item.CorrectlyRecorded}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(item);
    }
}
