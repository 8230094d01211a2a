using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Insight;
using SafetyNet.Insight.Statistics;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>
/// A file review of finalised investigations, as the inspectorate does one (HMICFRS found 48 of 60 effective in 2018): a
/// reproducible sample of investigations finalised in a period, simple or stratified by crime group, each reviewed
/// against the checklist and judged effective or not with reasons.
/// </summary>
public sealed class FileReview : AuditSample<FileReviewItem>;

/// <summary>
/// One sampled investigation (its stratum is the crime group) and the reviewer's answers to the checklist; null answers
/// are not yet reviewed.
/// </summary>
public sealed class FileReviewItem : AuditSampleItem
{
    public long FileReviewId { get; set; }
    public long InvestigationId { get; set; }
    public bool? PlanPresentAndSpecific { get; set; }
    public bool? ReviewsOnTime { get; set; }
    public bool? LinesOfEnquiryFollowed { get; set; }
    public bool? VictimContactAndNeedsMet { get; set; }
    public bool? OutcomeAppropriate { get; set; }
    public bool? Effective { get; set; }
    public string? Reasons { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
}

internal sealed class FileReviewConfiguration : IEntityTypeConfiguration<FileReview>, IEntityTypeConfiguration<FileReviewItem>
{
    public void Configure(EntityTypeBuilder<FileReview> review) =>
        AuditSampleConfiguration.ConfigureSample<FileReview, FileReviewItem>(review, nameof(FileReviewItem.FileReviewId));

    public void Configure(EntityTypeBuilder<FileReviewItem> item)
    {
        AuditSampleConfiguration.ConfigureItem(item, nameof(FileReviewItem.FileReviewId));
        item.Property(i => i.Reasons).HasMaxLength(2000);
        item.Property(i => i.ReviewedBy).HasMaxLength(256);
    }
}

public sealed record CreateFileReviewRequest(string? Title, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? Design, int? SampleSize, int? Seed);

public sealed record FileReviewItemRequest(
    bool? PlanPresentAndSpecific, bool? ReviewsOnTime, bool? LinesOfEnquiryFollowed, bool? VictimContactAndNeedsMet, bool? OutcomeAppropriate,
    bool? Effective, string? Reasons, int? Version);

/// <summary>How often one checklist question was answered yes among the files reviewed.</summary>
public sealed record ChecklistResult(string Question, int Answered, int Yes);

/// <summary>
/// The proportion effective among the files reviewed, with its 95 % interval: Wilson's for a simple sample, the
/// stratified estimator's (Wilson's on the effective sample size) for a stratified one, computed by the same engine
/// code as the crime-recording audit. Null until two files are reviewed.
/// </summary>
public sealed record FileReviewResult(
    int Reviewed, int Effective, double? Proportion, double? Lower, double? Upper, string? IntervalMethod, IReadOnlyList<ChecklistResult> Checklist);

public sealed record FileReviewItemResponse(
    int Position, long InvestigationId, string? CrimeReference, string Stratum, bool? PlanPresentAndSpecific, bool? ReviewsOnTime,
    bool? LinesOfEnquiryFollowed, bool? VictimContactAndNeedsMet, bool? OutcomeAppropriate, bool? Effective, string? Reasons,
    DateTimeOffset? ReviewedAt, string? ReviewedBy, int Version);

public sealed record FileReviewSummaryResponse(long Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, AuditDesign Design, int SampleSize, int Seed, int FrameSize, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record FileReviewResponse(FileReviewSummaryResponse Review, FileReviewResult Result, IReadOnlyList<FileReviewItemResponse> Items);

/// <summary>
/// File reviews for supervisors and the force crime registrar. The sample is drawn over the investigations the reviewer
/// may see (<see cref="InvestigationAccess"/>) by the crime-recording audit's sampler (<see cref="Sample"/>).
/// </summary>
public sealed class FileReviews(AppDb db, InvestigationAccess access, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public const int MaxSample = 500;

    public static readonly IReadOnlyList<(string Key, string Question)> Questions =
    [
        ("planPresentAndSpecific", "Is a plan present and specific to the crime?"),
        ("reviewsOnTime", "Were the supervisory reviews done on time?"),
        ("linesOfEnquiryFollowed", "Were the reasonable lines of enquiry followed?"),
        ("victimContactAndNeedsMet", "Was the victim kept informed and their needs met?"),
        ("outcomeAppropriate", "Was the outcome appropriate?"),
    ];

    public bool CanUse => access.CanRead && user.IsInAnyRole([Roles.Supervisor, Roles.CrimeRegistrar]);

    public async Task<Outcome<FileReview>> CreateAsync(CreateFileReviewRequest request, CancellationToken ct)
    {
        if (!CanUse)
        {
            return Outcome<FileReview>.NotFound;
        }
        var v = new Validation();
        var title = v.Required("title", request.Title, "a title for the file review", 200);
        if (request.PeriodFrom is null)
        {
            v.Add("periodFrom", "Enter the first day of the period");
        }
        if (request.PeriodTo is null)
        {
            v.Add("periodTo", "Enter the last day of the period");
        }
        else if (request.PeriodFrom is { } from && request.PeriodTo < from)
        {
            v.Add("periodTo", "The last day of the period must be on or after the first");
        }
        AuditDesign? design = Enum.TryParse<AuditDesign>(request.Design, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : null;
        if (design is null)
        {
            v.Add("design", "Choose a simple or a stratified sample");
        }
        if (request.SampleSize is not (>= 2 and <= MaxSample))
        {
            v.Add("sampleSize", $"Enter a sample size from 2 to {MaxSample}");
        }
        if (request.Seed is < 0)
        {
            v.Add("seed", "Enter the seed as a whole number");
        }
        if (!v.IsValid)
        {
            return Outcome<FileReview>.Invalid(v.Errors);
        }
        var start = ForceClock.StartOf(request.PeriodFrom!.Value);
        var end = ForceClock.StartOf(request.PeriodTo!.Value.AddDays(1));
        var frame = await access.Visible.AsNoTracking()
            .Where(i => i.Status == InvestigationStatus.Finalised && i.FinalisedAt >= start && i.FinalisedAt < end)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.CrimeGroup }).ToListAsync(ct);
        if (frame.Count == 0)
        {
            v.Add("periodFrom", "No investigations were finalised in that period");
            return Outcome<FileReview>.Invalid(v.Errors);
        }
        var review = new FileReview
        {
            Title = title!, PeriodFrom = request.PeriodFrom.Value, PeriodTo = request.PeriodTo.Value, Design = design!.Value,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        review.Draw([.. frame.Select(f => (f.Id, f.CrimeGroup))], request.SampleSize!.Value, request.Seed ?? Random.Shared.Next(1, 1_000_000),
            id => new FileReviewItem { InvestigationId = id });
        db.Add(review);
        audit.Add("file-review.create", "file-review", null, details: review.DrawDetails());
        await db.SaveChangesAsync(ct);
        return Outcome.Done(review);
    }

    public async Task<List<FileReviewSummaryResponse>> ListAsync(CancellationToken ct) =>
        CanUse ? (await db.Set<FileReview>().AsNoTracking().OrderByDescending(r => r.Id).Take(200).ToListAsync(ct)).Select(Summary).ToList() : [];

    public async Task<Outcome<FileReviewResponse>> ReadAsync(long id, CancellationToken ct)
    {
        var review = CanUse ? await db.Set<FileReview>().AsNoTracking().Include(r => r.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (review is null)
        {
            return Outcome<FileReviewResponse>.NotFound;
        }
        var ids = review.Items.Select(i => i.InvestigationId).ToList();
        var references = await (from i in access.Visible.AsNoTracking()
                                join c in db.CrimeRecords.AsNoTracking() on i.CrimeRecordId equals c.Id
                                where ids.Contains(i.Id)
                                select new { i.Id, c.CrimeReference }).ToDictionaryAsync(r => r.Id, r => r.CrimeReference, ct);
        audit.Add("file-review.read", "file-review", id.ToString(CultureInfo.InvariantCulture), details: $"investigations={string.Join(',', ids)}");
        await db.SaveChangesAsync(ct);
        var items = review.Items.Select(i => Response(i, references.GetValueOrDefault(i.InvestigationId))).ToList();
        return Outcome.Done(new FileReviewResponse(Summary(review), Compute(review.Design, review.Items), items));
    }

    public async Task<Outcome<FileReviewItemResponse>> ReviewItemAsync(long id, int position, FileReviewItemRequest request, CancellationToken ct)
    {
        var item = CanUse ? await db.Set<FileReviewItem>().FirstOrDefaultAsync(i => i.FileReviewId == id && i.Position == position, ct) : null;
        if (item is null)
        {
            return Outcome<FileReviewItemResponse>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<FileReviewItemResponse, FileReviewItem>(item, request.Version, v, "Send back the version of the file you read") is { } stale)
        {
            return stale;
        }
        bool?[] answers = [request.PlanPresentAndSpecific, request.ReviewsOnTime, request.LinesOfEnquiryFollowed, request.VictimContactAndNeedsMet, request.OutcomeAppropriate];
        for (var q = 0; q < Questions.Count; q++)
        {
            if (answers[q] is null)
            {
                v.Add(Questions[q].Key, $"Answer: {Questions[q].Question}");
            }
        }
        if (request.Effective is null)
        {
            v.Add("effective", "Say whether the investigation was effective");
        }
        var reasons = v.MaxLength("reasons", request.Reasons, "the reasons", 2000);
        if (request.Effective == false && string.IsNullOrWhiteSpace(reasons))
        {
            v.Add("reasons", "Give the reasons the investigation was not effective");
        }
        if (!v.IsValid)
        {
            return Outcome<FileReviewItemResponse>.Invalid(v.Errors);
        }
        (item.PlanPresentAndSpecific, item.ReviewsOnTime, item.LinesOfEnquiryFollowed, item.VictimContactAndNeedsMet, item.OutcomeAppropriate) =
            (answers[0], answers[1], answers[2], answers[3], answers[4]);
        (item.Effective, item.Reasons, item.ReviewedAt, item.ReviewedBy) = (request.Effective, reasons, time.GetUtcNow(), user.Name);
        audit.Add("file-review.item", "investigation", item.InvestigationId.ToString(CultureInfo.InvariantCulture), details: $"review={id} position={position} effective={item.Effective}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(Response(item, crimeReference: null));
    }

    /// <summary>The proportion effective and its interval, and each question's count of yes.</summary>
    public static FileReviewResult Compute(AuditDesign design, IReadOnlyCollection<FileReviewItem> items)
    {
        var reviewed = items.Where(i => i.Effective is not null).ToList();
        var effective = reviewed.Count(i => i.Effective == true);
        var checklist = new List<ChecklistResult>
        {
            Tally(Questions[0].Question, reviewed.Select(i => i.PlanPresentAndSpecific)),
            Tally(Questions[1].Question, reviewed.Select(i => i.ReviewsOnTime)),
            Tally(Questions[2].Question, reviewed.Select(i => i.LinesOfEnquiryFollowed)),
            Tally(Questions[3].Question, reviewed.Select(i => i.VictimContactAndNeedsMet)),
            Tally(Questions[4].Question, reviewed.Select(i => i.OutcomeAppropriate)),
        };
        if (reviewed.Count < 2)
        {
            return new FileReviewResult(reviewed.Count, effective, null, null, null, null, checklist);
        }
        if (design == AuditDesign.Stratified)
        {
            // Strata with at least two files reviewed, as the crime-recording audit's stratified estimate needs.
            var strata = reviewed.GroupBy(i => i.Stratum, StringComparer.Ordinal).Where(g => g.Count() >= 2)
                .Select(g => new Stratum(g.Key, g.First().StratumSize, g.Count(), g.Count(i => i.Effective == true))).ToArray();
            if (strata.Length > 0)
            {
                var estimate = StratifiedProportion.Estimate(strata).Estimate;
                return new FileReviewResult(reviewed.Count, effective, estimate.Proportion, estimate.Lower, estimate.Upper, RecordingAccuracy.StratifiedInterval, checklist);
            }
        }
        var wilson = Proportion.Wilson(effective, reviewed.Count);
        return new FileReviewResult(reviewed.Count, effective, wilson.Proportion, wilson.Lower, wilson.Upper, RecordingAccuracy.SimpleInterval, checklist);
    }

    private static ChecklistResult Tally(string question, IEnumerable<bool?> answers)
    {
        var given = answers.Where(a => a is not null).ToList();
        return new ChecklistResult(question, given.Count, given.Count(a => a == true));
    }

    private static FileReviewItemResponse Response(FileReviewItem i, string? crimeReference) => new(
        i.Position, i.InvestigationId, crimeReference, i.Stratum, i.PlanPresentAndSpecific, i.ReviewsOnTime, i.LinesOfEnquiryFollowed,
        i.VictimContactAndNeedsMet, i.OutcomeAppropriate, i.Effective, i.Reasons, i.ReviewedAt, i.ReviewedBy, i.Version);

    public static FileReviewSummaryResponse Summary(FileReview r) =>
        new(r.Id, r.Title, r.PeriodFrom, r.PeriodTo, r.Design, r.SampleSize, r.Seed, r.FrameSize, r.CreatedAt, r.CreatedBy);
}
