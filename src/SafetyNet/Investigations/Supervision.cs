using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

public sealed record ReviewView(
    long Id, ReviewKind Kind, DateTimeOffset DueAt, DateTimeOffset? CompletedAt, string? CompletedBy, InvestigationRisk? RiskBefore,
    InvestigationRisk? RiskAfter, string? ActionsChecked, string? QualityNote, string? NewActions, DateTimeOffset? NextReviewDue, int Version);

/// <summary>What a supervisor records to complete the review waiting on an investigation.</summary>
public sealed record ReviewRequest(
    int? Version, string? RiskAfter, string? ActionsChecked, string? QualityNote, string? NewActions, DateOnly? NextReviewDue, bool BeforeFinalisation = false);

/// <summary>One review waiting in a supervisor's queue (no personal data: the crime reference, group, risk and clock).</summary>
public sealed record DueReview(
    long InvestigationId, long ReviewId, string? CrimeReference, string CrimeGroup, InvestigationRisk Risk, bool DomesticAbuse, ReviewKind Kind,
    DateTimeOffset DueAt, bool Overdue, int DaysOverdue);

/// <summary>
/// One page of a supervisor's queue: reviews due or overdue, soonest due first, and (for an inspector) those on the page
/// overdue past the force's threshold, which come first. <see cref="More"/> says whether a further page holds more.
/// </summary>
public sealed record ReviewQueue(
    IReadOnlyList<DueReview> Due, IReadOnlyList<DueReview> ForInspector, bool IsInspector, int InspectorAfterOverdueDays, int Page, int PageSize, bool More);

/// <summary>The supervisory review a page shows in its summary line: when the next is due, whether it is overdue.</summary>
public sealed record ReviewSummaryView(DateTimeOffset? NextDue, bool Overdue, DateTimeOffset? LastCompleted, bool ReviewedForFinalisation);

/// <summary>
/// Supervision on a cadence (DOMAIN §13): the reviews of an investigation, the queues of those due for a supervisor and,
/// past the threshold, for their inspector, and completing a review. Reads go through <see cref="InvestigationAccess"/>;
/// reviews are a supervisor's work, so anyone else is answered 404 when they try one.
/// </summary>
public sealed partial class Supervision(AppDb db, InvestigationAccess access, ForceConfiguration configuration, CurrentUser user, TimeProvider time)
{
    /// <summary>Reviews that fall due within this many hours are shown as due with the overdue ones.</summary>
    public const int DueWithinHours = 24;

    public bool IsSupervisor => access.IsSupervisor;

    /// <summary>The investigation, read for the caller (audited), with its reviews in order.</summary>
    public async Task<Read<(InvestigationView Investigation, IReadOnlyList<ReviewView> Reviews)>> ReadAsync(long id, string? purpose, CancellationToken ct)
    {
        var read = await access.ReadAsync(id, purpose, ct);
        if (read.Value is not { } investigation)
        {
            return read.Refused<(InvestigationView, IReadOnlyList<ReviewView>)>();
        }
        return read.With<(InvestigationView, IReadOnlyList<ReviewView>)>((investigation, await ReviewsOfAsync(id, ct)));
    }

    /// <summary>The summary line of an investigation's supervision, for a caller who has already read the investigation.</summary>
    public async Task<ReviewSummaryView> SummaryAsync(long id, CancellationToken ct)
    {
        var reviews = await ReviewsOfAsync(id, ct);
        var waiting = reviews.FirstOrDefault(r => r.CompletedAt is null);
        var last = reviews.Where(r => r.CompletedAt is not null).MaxBy(r => r.CompletedAt);
        return new(waiting?.DueAt, waiting is not null && waiting.DueAt < time.GetUtcNow(), last?.CompletedAt, last?.Kind == ReviewKind.BeforeFinalisation);
    }

    private async Task<IReadOnlyList<ReviewView>> ReviewsOfAsync(long id, CancellationToken ct) =>
        await db.Set<SupervisoryReview>().AsNoTracking().Where(r => r.InvestigationId == id).OrderBy(r => r.DueAt).ThenBy(r => r.Id)
            .Select(r => new ReviewView(r.Id, r.Kind, r.DueAt, r.CompletedAt, r.CompletedBy, r.RiskBefore, r.RiskAfter, r.ActionsChecked, r.QualityNote,
                r.NewActions, r.NextReviewDue, r.Version)).ToListAsync(ct);

    /// <summary>
    /// The caller's queue: reviews waiting on open investigations of the teams they belong to (every team when they belong
    /// to none, and those not yet allocated), overdue or due within <see cref="DueWithinHours"/>; and, when their rank is
    /// inspector or above, those overdue by more than the force's threshold. One page at a time, read along the index of
    /// waiting reviews in due order. Null for anyone but a supervisor.
    /// </summary>
    public async Task<ReviewQueue?> QueueAsync(Paging paging, CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return null;
        }
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        var me = access.UserId;
        var teams = await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == me).Select(m => m.TeamId).ToListAsync(ct);
        var rank = await db.Set<Investigator>().AsNoTracking().Where(i => i.UserId == me).Select(i => (Rank?)i.Rank).FirstOrDefaultAsync(ct);
        var now = time.GetUtcNow();
        var horizon = now.AddHours(DueWithinHours);
        var waiting = from r in db.Set<SupervisoryReview>().AsNoTracking()
                      join i in access.Visible.AsNoTracking() on r.InvestigationId equals i.Id
                      where r.CompletedAt == null && i.Status != InvestigationStatus.Finalised
                            && (teams.Count == 0 || i.TeamId == null || teams.Contains(i.TeamId.Value))
                      select new { r, i };
        var rows = await RowsAsync(waiting.Where(x => x.r.DueAt <= horizon).Select(x => x.r), paging, rules, now, ct);
        var more = rows.Count > paging.PageSize;
        IReadOnlyList<DueReview> due = more ? [.. rows.Take(paging.PageSize)] : rows;
        var isInspector = rank >= Rank.Inspector;
        var threshold = now.AddDays(-rules.InspectorAfterOverdueDays);
        // Those past the threshold come first in the due order, so the page holds those of them in its place in that order.
        IReadOnlyList<DueReview> forInspector = isInspector ? [.. due.Where(d => d.DueAt < threshold)] : [];
        return new ReviewQueue(due, forInspector, isInspector, rules.InspectorAfterOverdueDays, paging.Page, paging.PageSize, more);
    }

    /// <summary>
    /// The page's reviews waiting, soonest due first, and one more to say whether another page follows, in one join (no
    /// subquery), so the database walks the index of waiting reviews in due order and stops once the page is full.
    /// </summary>
    private async Task<IReadOnlyList<DueReview>> RowsAsync(
        IQueryable<SupervisoryReview> waiting, Paging paging, InvestigationRules rules, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from r in waiting
                          join i in db.Set<Investigation>().AsNoTracking() on r.InvestigationId equals i.Id
                          join c in db.CrimeRecords.AsNoTracking() on i.CrimeRecordId equals c.Id
                          orderby r.DueAt, r.Id
                          select new { InvestigationId = i.Id, ReviewId = r.Id, c.CrimeReference, i.CrimeGroup, i.Risk, i.DomesticAbuse, r.Kind, r.DueAt })
            .Skip(paging.Skip).Take(paging.PageSize + 1).ToListAsync(ct);
        return [.. rows.Select(x => new DueReview(x.InvestigationId, x.ReviewId, x.CrimeReference, rules.Find(x.CrimeGroup)?.Name ?? x.CrimeGroup, x.Risk,
            x.DomesticAbuse, x.Kind, x.DueAt, x.DueAt < now, x.DueAt < now ? Math.Max(0, (int)(now - x.DueAt).TotalDays) : 0))];
    }

    /// <summary>
    /// Completes the review waiting on the investigation: the risk re-graded (and the investigation's risk with it), the
    /// outstanding actions checked, a quality note that says more than that it was agreed verbally, new actions, and the
    /// next review date, no later than the cadence allows, which becomes the next review waiting.
    /// </summary>
    public async Task<Outcome<ReviewView>> CompleteAsync(long id, ReviewRequest request, string? purpose, CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return Outcome<ReviewView>.NotFound;
        }
        switch (await access.MayOpenAsync(id, purpose, ct))
        {
            case ReadOutcome.NotFound:
                return Outcome<ReviewView>.NotFound;
            case ReadOutcome.PurposeRequired:
                return Outcome<ReviewView>.PurposeRequired;
        }
        var investigation = await db.Set<Investigation>().FirstAsync(i => i.Id == id, ct);
        var review = await db.Set<SupervisoryReview>().Where(r => r.InvestigationId == id && r.CompletedAt == null).OrderBy(r => r.DueAt).FirstOrDefaultAsync(ct);
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        var now = time.GetUtcNow();
        var v = new Validation();
        if (investigation.Status == InvestigationStatus.Finalised || review is null)
        {
            v.Add("investigation", "This investigation is finalised: re-open it before reviewing it");
        }
        if (request.Version is null)
        {
            v.Add("version", "Give the version of the review you read");
        }
        var risk = v.Enum<InvestigationRisk>("riskAfter", request.RiskAfter, "the risk now");
        var actions = NotOnlyVerbal(v, "actionsChecked", v.Required("actionsChecked", request.ActionsChecked, "what you found of the outstanding actions", 2000), "the check of the actions");
        var quality = NotOnlyVerbal(v, "qualityNote", v.Required("qualityNote", request.QualityNote, "a note on the quality of the investigation", 2000), "the quality note");
        var newActions = v.MaxLength("newActions", request.NewActions, "the new actions", 2000);
        var latest = ForceClock.DayOf(now.AddDays(rules.ReviewEveryDaysFor(investigation)));
        switch (request.NextReviewDue)
        {
            case null:
                v.Add("nextReviewDue", "Enter the date of the next review");
                break;
            case { } day when day < ForceClock.DayOf(now):
                v.Add("nextReviewDue", "The date of the next review must be today or in the future");
                break;
            case { } day when day > latest:
                v.Add("nextReviewDue", $"The next review must be no later than {ForceClock.FormatDay(latest)}: this investigation is reviewed every {rules.ReviewEveryDaysFor(investigation)} days");
                break;
        }
        if (!v.IsValid)
        {
            return Outcome<ReviewView>.Invalid(v.Errors);
        }
        if (review!.Version != request.Version)
        {
            return Outcome<ReviewView>.Stale(review.Version);
        }
        review.Kind = request.BeforeFinalisation ? ReviewKind.BeforeFinalisation : review.Kind;
        (review.CompletedAt, review.CompletedBy, review.RiskBefore, review.RiskAfter) = (now, user.Name, investigation.Risk, risk);
        (review.ActionsChecked, review.QualityNote, review.NewActions) = (actions, quality, newActions);
        review.NextReviewDue = ForceClock.StartOf(request.NextReviewDue!.Value.AddDays(1));
        db.Add(new SupervisoryReview { InvestigationId = id, Kind = ReviewKind.Periodic, DueAt = review.NextReviewDue.Value });
        var regraded = investigation.Risk != risk;
        var text = $"{KindName(review.Kind)} completed; next review by {ForceClock.FormatDay(request.NextReviewDue.Value)}";
        if (regraded)
        {
            text += $"; risk re-graded from {investigation.Risk} to {risk}";
            investigation.Risk = risk!.Value;
        }
        db.Add(new InvestigationEvent { InvestigationId = id, Kind = "Reviewed", Text = text, At = now, By = user.Name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<ReviewView>.Stale(await db.Set<SupervisoryReview>().AsNoTracking().Where(r => r.Id == review.Id).Select(r => r.Version).FirstAsync(ct));
        }
        return Outcome.Done((await ReviewsOfAsync(id, ct)).First(r => r.Id == review.Id));
    }

    public static string KindName(ReviewKind kind) => kind switch
    {
        ReviewKind.First => "First review",
        ReviewKind.Periodic => "Periodic review",
        _ => "Review before finalisation",
    };

    /// <summary>
    /// Refuses a note that only records that something was agreed or discussed by word of mouth: once the words that say
    /// so, and the names and small words around them, are set aside, it must still say what was found.
    /// </summary>
    public static bool IsOnlyVerbal(string note)
    {
        var words = Words().Matches(note.ToLowerInvariant()).Select(m => m.Value).ToList();
        if (!words.Any(w => VerbalWords.Contains(w)))
        {
            return false;
        }
        return words.Count(w => !VerbalWords.Contains(w) && !Filler.Contains(w)) < 4;
    }

    private static string? NotOnlyVerbal(Validation v, string field, string? value, string label)
    {
        if (value is not null && IsOnlyVerbal(value))
        {
            v.Add(field, $"Write what the review found in {label}: a review cannot be closed by saying it was agreed verbally");
            return null;
        }
        return value;
    }

    private static readonly HashSet<string> VerbalWords =
        ["verbal", "verbally", "orally", "oral", "spoke", "spoken", "discussed", "conversation", "agreed", "talked", "briefed", "phone", "call"];

    private static readonly HashSet<string> Filler =
    [
        "with", "the", "a", "an", "to", "and", "by", "in", "on", "at", "as", "per", "of", "oic", "officer", "investigator", "dc", "pc", "ds", "di",
        "sgt", "det", "detective", "constable", "sergeant", "all", "ok", "okay", "fine", "plan", "actions", "review", "reviewed", "face", "person",
        "over", "team", "is", "was", "were", "has", "been", "i", "we", "me", "them", "him", "her", "today", "yesterday", "nothing", "further",
    ];

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex Words();
}
