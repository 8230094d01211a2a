using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Referrals;

namespace SafetyNet.Incidents;

/// <summary>One piece of work on the home page: a record, what it is, when it falls due and whether that has passed.</summary>
public sealed record WorkItem(string Kind, long Id, string Reference, string Title, string? Grade, DateTimeOffset? DueAt, bool Overdue, bool Sensitive);

/// <summary>A list of work with how many there are in all and how many are overdue; the list shows the first few, most pressing first.</summary>
public sealed record WorkList(int Total, int Overdue, IReadOnlyList<WorkItem> Items);

/// <summary>
/// The signed-in user's work for the home page: "my incidents" and "my crimes" (those whose officer in the case is me),
/// "my reviews due" (ASB case reviews: a supervisor's for every open case, anyone else's for the cases they are the
/// single point of contact for), "my team's queue" (open incidents owned by my teams), "my referrals" (the worklist of
/// a receiving team or partner agency), "my actions" (open ASB case actions I or my agency own) and, for a partner,
/// "my meetings" (upcoming multi-agency meetings my agency attends). Each counts what is overdue.
/// </summary>
public sealed class MyWork(AppDb db, IncidentAccess access, CaseAccess cases, CaseActions caseActions, ReferralDesk referrals, CurrentUser user, RecordReads reads,
    ForceConfiguration configuration, TimeProvider time)
{
    public sealed record Summary(WorkList? Incidents, WorkList? Crimes, WorkList? Reviews, WorkList? TeamQueue,
        WorkList? Referrals = null, WorkList? Actions = null, WorkList? Meetings = null);

    private const int Shown = 20;

    public async Task<Summary> ForMeAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var me = user.Id;
        if (me is null)
        {
            return new(null, null, null, null);
        }
        WorkList? incidents = null, crimes = null, teamQueue = null, reviews = null;
        if (access.CanRead)
        {
            var grades = (await configuration.CurrentAsync<GradeTable>(GradeTable.Key, ct)).Value;
            incidents = await IncidentsAsync(access.Visible(db.Incidents).Where(i => i.ClosedAt == null && i.OfficerInCaseId == me), grades, now, ct);
            var teams = db.TeamMemberships.Where(m => m.UserId == me).Select(m => (int?)m.TeamId);
            teamQueue = await IncidentsAsync(access.Visible(db.Incidents).Where(i => i.ClosedAt == null && teams.Contains(i.OwningTeamId)), grades, now, ct);
            crimes = await CrimesAsync(me, now, ct);
            var listed = incidents.Items.Concat(teamQueue.Items).Concat(crimes.Items)
                .Select(i => new ListedRecord(i.Id, i.Sensitive)).DistinctBy(r => r.Id).ToList();
            // Worked without a purpose for each row, like the other queues: one audit event names every record listed.
            await reads.AuditListAsync(listed, "home.my-work", "incident", null, null, ct);
        }
        WorkList? actions = null, meetings = null;
        if (cases.CanUseCases)
        {
            reviews = await ReviewsAsync(me, now, ct);
            actions = await ActionsAsync(ct);
            if (user.IsInRole(Roles.PartnerCaseworker) && user.AgencyId is { } agency)
            {
                meetings = await MeetingsAsync(agency, now, ct);
            }
        }
        var worklist = await referrals.ReceivesReferralsAsync(ct) ? await ReferralsAsync(now, ct) : null;
        return new(incidents, crimes, reviews, teamQueue, worklist, actions, meetings);
    }

    private async Task<WorkList> ReferralsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var waiting = referrals.Receiving.AsNoTracking()
            .Where(r => r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Accepted || r.Status == ReferralStatus.FeedbackGiven);
        var total = await waiting.CountAsync(ct);
        var overdue = await waiting.CountAsync(r => (r.Status == ReferralStatus.Sent && r.DueAt < now) || (r.Status == ReferralStatus.Accepted && r.FeedbackDueAt < now), ct);
        var rows = await waiting.OrderBy(r => r.Status == ReferralStatus.Accepted ? r.FeedbackDueAt : r.DueAt).ThenBy(r => r.Id).Take(Shown)
            .Join(db.Incidents, r => r.IncidentId, i => i.Id, (r, i) => new { Referral = r, i.Reference }).ToListAsync(ct);
        var items = rows.Select(x =>
        {
            var due = ReferralDesk.NextDue(x.Referral);
            var what = x.Referral.Status == ReferralStatus.Sent ? "answer" : x.Referral.Status == ReferralStatus.Accepted ? "feedback" : "close";
            return new WorkItem("referral", x.Referral.Id, x.Reference, $"{Web.Labels.Of(x.Referral.Kind)} referral: {what}", null, due, due < now, false);
        }).ToList();
        return new WorkList(total, overdue, items);
    }

    private async Task<WorkList> ActionsAsync(CancellationToken ct)
    {
        var mine = await caseActions.MyActionsAsync(ct);
        var caseIds = mine.Select(a => a.CaseId).Distinct().ToList();
        var references = await db.AsbCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
        var items = mine.Take(Shown).Select(a => new WorkItem("action", a.CaseId, references.GetValueOrDefault(a.CaseId, ""), a.Title, null, a.DueAt, a.Overdue, false)).ToList();
        return new WorkList(mine.Count, mine.Count(a => a.Overdue), items);
    }

    private async Task<WorkList> MeetingsAsync(int agency, DateTimeOffset now, CancellationToken ct)
    {
        var present = $",{agency},";
        var upcoming = db.MultiAgencyMeetings.AsNoTracking().Where(m => m.HeldAt >= now && ("," + m.AgencyIds + ",").Contains(present));
        var total = await upcoming.CountAsync(ct);
        var rows = await upcoming.OrderBy(m => m.HeldAt).ThenBy(m => m.Id).Take(Shown).Select(m => new { m.Id, m.Title, m.HeldAt, m.Kind }).ToListAsync(ct);
        return new WorkList(total, 0, [.. rows.Select(m => m.Kind == Meetings.MeetingKind.Marac
            ? new WorkItem("marac-meeting", m.Id, m.Title, "MARAC", null, m.HeldAt, false, false)
            : new WorkItem("meeting", m.Id, m.Title, "Multi-agency meeting", null, m.HeldAt, false, false))]);
    }

    private static async Task<WorkList> IncidentsAsync(IQueryable<Incident> query, GradeTable grades, DateTimeOffset now, CancellationToken ct)
    {
        var overdue = query.Where(i => (i.AttendanceDueAt < now && i.ArrivedAt == null) || (i.ThriveDueAt < now && i.ThriveCompletedAt == null));
        var total = await query.CountAsync(ct);
        var overdueCount = await overdue.CountAsync(ct);
        var rows = await query.AsNoTracking()
            .OrderBy(i => i.ArrivedAt != null).ThenBy(i => i.AttendanceDueAt == null).ThenBy(i => i.AttendanceDueAt)
            .ThenByDescending(i => i.ReportedAt).ThenBy(i => i.Id)
            .Take(Shown)
            .Select(i => new { i.Id, i.Reference, i.TypeCode, i.GradeCode, i.AttendanceDueAt, i.ArrivedAt, i.ThriveDueAt, i.ThriveCompletedAt, i.Sensitive })
            .ToListAsync(ct);
        var items = rows.Select(i =>
        {
            var due = i.ArrivedAt is null ? i.AttendanceDueAt : null;
            var thriveDue = i.ThriveCompletedAt is null ? i.ThriveDueAt : null;
            var next = new[] { due, thriveDue }.Where(d => d is not null).Min();
            return new WorkItem("incident", i.Id, i.Reference, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
                grades.Find(i.GradeCode)?.Name ?? i.GradeCode, next, next < now, i.Sensitive);
        }).ToList();
        return new WorkList(total, overdueCount, items);
    }

    private async Task<WorkList> CrimesAsync(string me, DateTimeOffset now, CancellationToken ct)
    {
        var query = from c in db.CrimeRecords.AsNoTracking()
                    join i in access.Visible(db.Incidents) on c.IncidentId equals i.Id
                    where c.OfficerInCaseId == me && (c.Status == CrimeRecordingStatus.Pending || c.Status == CrimeRecordingStatus.Recorded)
                    select new { c, i };
        var total = await query.CountAsync(ct);
        var overdue = await query.CountAsync(x => x.c.Status == CrimeRecordingStatus.Pending && x.c.DueAt < now, ct);
        var rows = await query.OrderBy(x => x.c.Status == CrimeRecordingStatus.Pending ? 0 : 1).ThenBy(x => x.c.DueAt).ThenBy(x => x.c.Id).Take(Shown)
            .Select(x => new { x.c.Id, IncidentId = x.i.Id, x.c.CrimeReference, x.i.Reference, x.c.OffenceSubgroup, x.i.TypeCode, x.c.Status, x.c.DueAt, x.i.Sensitive })
            .ToListAsync(ct);
        var items = rows.Select(r => new WorkItem("crime", r.IncidentId, r.CrimeReference ?? r.Reference,
            r.OffenceSubgroup ?? $"{IncidentType.Find(r.TypeCode)?.Name ?? r.TypeCode}: recording decision due",
            null, r.Status == CrimeRecordingStatus.Pending ? r.DueAt : null, r.Status == CrimeRecordingStatus.Pending && r.DueAt < now, r.Sensitive)).ToList();
        return new WorkList(total, overdue, items);
    }

    private async Task<WorkList> ReviewsAsync(string me, DateTimeOffset now, CancellationToken ct)
    {
        var soon = now.AddDays(7);
        var open = cases.Visible(db.AsbCases).AsNoTracking().Where(c => c.Status == AsbCaseStatus.Open);
        if (!cases.IsSupervisor)
        {
            open = open.Where(c => c.SpocUserId == me);
        }
        var due = open.Where(c => c.NextReviewDueAt < soon || c.InspectorReviewDueAt < soon || c.ChiefInspectorReviewDueAt < soon);
        var total = await due.CountAsync(ct);
        var overdue = await due.CountAsync(c => c.NextReviewDueAt < now || c.InspectorReviewDueAt < now || c.ChiefInspectorReviewDueAt < now, ct);
        var rows = await due.OrderBy(c => c.NextReviewDueAt).ThenBy(c => c.Id).Take(Shown)
            .Select(c => new { c.Id, c.Reference, c.Title, c.NextReviewDueAt, c.InspectorReviewDueAt, c.ChiefInspectorReviewDueAt }).ToListAsync(ct);
        var items = rows.Select(c =>
        {
            var first = new[] { c.InspectorReviewDueAt, c.ChiefInspectorReviewDueAt }.Aggregate(c.NextReviewDueAt, (f, d) => d is { } x && x < f ? x : f);
            return new WorkItem("review", c.Id, c.Reference, c.Title, null, first, first < now, false);
        }).ToList();
        return new WorkList(total, overdue, items);
    }
}
