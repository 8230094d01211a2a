using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Incidents;

/// <summary>
/// The queues of first contact, as queries over the rows that fall due: crime recording decisions, attendance
/// and THRIVE. Nothing waits for a timer: a row is overdue the moment the clock passes its due time.
/// </summary>
public sealed class FirstContactQueues(AppDb db, IncidentAccess access, RecordReads reads, TimeProvider time)
{
    /// <summary>
    /// A crime recording decision due. On a sensitive incident the row gives the reference and type but no victim name
    /// (<see cref="VictimName"/> is null): opening the incident or the decision asks for the purpose.
    /// </summary>
    public sealed record CrimeQueueItem(long CrimeRecordId, long IncidentId, string Reference, string TypeCode, string TypeName, long? VictimId,
        string? VictimName, DateTimeOffset ReportedAt, DateTimeOffset DueAt, bool Overdue, int Version, bool Sensitive, string? MayBeCrimeReason);

    /// <summary>
    /// An incident waiting for an officer to arrive. On a sensitive incident the row gives the reference, type and times
    /// but no location (<see cref="LocationText"/> is null): it may be the victim's address, and opening the incident
    /// asks for the purpose.
    /// </summary>
    public sealed record AttendanceQueueItem(long IncidentId, string Reference, string TypeCode, string TypeName, string Grade, string? LocationText,
        DateTimeOffset ReportedAt, DateTimeOffset DueAt, bool Breached, int Version, bool Sensitive);

    public sealed record ThriveQueueItem(long IncidentId, string Reference, string TypeCode, string TypeName, string? Grade,
        DateTimeOffset ReportedAt, DateTimeOffset DueAt, bool Overdue, int Version);

    public async Task<PagedList<CrimeQueueItem>> CrimeRecordingAsync(Paging paging, bool overdueOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = from c in db.CrimeRecords.AsNoTracking()
                    join i in access.Visible(db.Incidents) on c.IncidentId equals i.Id
                    where c.Status == CrimeRecordingStatus.Pending
                    select new { c, i };
        if (overdueOnly)
        {
            query = query.Where(x => x.c.DueAt < now);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.c.DueAt).ThenBy(x => x.c.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(x => new { x.c.Id, IncidentId = x.i.Id, x.i.Reference, x.i.TypeCode, x.c.VictimId, x.i.ReportedAt, x.c.DueAt, x.c.Version, x.i.Sensitive, x.i.MayBeCrimeReason })
            .ToListAsync(ct);
        var victimIds = rows.Where(r => r.VictimId != null && !r.Sensitive).Select(r => r.VictimId!.Value).ToList();
        var victims = await db.IncidentPeople.AsNoTracking().Where(p => victimIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        // The queue is worked without a purpose for each row: one audit event names every decision listed.
        await reads.AuditListAsync(rows.Select(r => new ListedRecord(r.Id, r.Sensitive)).ToList(), "crime-record.queue", "crime-record", null,
            $"overdueOnly={overdueOnly} page={paging.Page}", ct);
        var items = rows.Select(r => new CrimeQueueItem(r.Id, r.IncidentId, r.Reference, r.TypeCode, IncidentType.Find(r.TypeCode)?.Name ?? r.TypeCode,
            r.VictimId, r.VictimId is { } vid && victims.TryGetValue(vid, out var p) ? p.DisplayName : null, r.ReportedAt, r.DueAt, now > r.DueAt, r.Version,
            r.Sensitive, r.MayBeCrimeReason)).ToList();
        return new PagedList<CrimeQueueItem>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<PagedList<AttendanceQueueItem>> AttendanceAsync(Paging paging, bool breachedOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var query = access.Visible(db.Incidents).AsNoTracking().Where(i => i.AttendanceDueAt != null && i.ArrivedAt == null);
        if (breachedOnly)
        {
            query = query.Where(i => i.AttendanceDueAt < now);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.AttendanceDueAt).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        // Worked without a purpose for each row, like the crime recording queue: one audit event names every incident listed.
        await reads.AuditListAsync(rows.Select(i => new ListedRecord(i.Id, i.Sensitive)).ToList(), "incident.attendance-queue", "incident", null,
            $"breachedOnly={breachedOnly} page={paging.Page}", ct);
        var items = rows.Select(i => new AttendanceQueueItem(i.Id, i.Reference, i.TypeCode, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
            i.GradeCode ?? "", i.Sensitive ? null : i.LocationText, i.ReportedAt, i.AttendanceDueAt!.Value, now > i.AttendanceDueAt, i.Version, i.Sensitive)).ToList();
        return new PagedList<AttendanceQueueItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// THRIVE and risk assessments due to the attending officer after an emergency was dispatched first, or after a risk
    /// assessment with too many "don't know" answers; a supervisor may list only the overdue.
    /// </summary>
    public async Task<PagedList<ThriveQueueItem>> ThriveAsync(Paging paging, CancellationToken ct, bool overdueOnly = false)
    {
        var now = time.GetUtcNow();
        var query = access.Visible(db.Incidents).AsNoTracking().Where(i => i.ThriveDueAt != null && i.ThriveCompletedAt == null);
        if (overdueOnly)
        {
            query = query.Where(i => i.ThriveDueAt < now);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(i => i.ThriveDueAt).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(i => new ThriveQueueItem(i.Id, i.Reference, i.TypeCode, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
            i.GradeCode, i.ReportedAt, i.ThriveDueAt!.Value, now > i.ThriveDueAt, i.Version)).ToList();
        return new PagedList<ThriveQueueItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The outcome of a risk assessment just completed from the queue, shown to whoever completed it: no personal data.</summary>
    public sealed record AssessedItem(string InstrumentName, int Score, string Level, bool Incomplete, string? ReferralName);

    public async Task<AssessedItem?> AssessedAsync(long assessmentId, CancellationToken ct)
    {
        var row = await (from a in db.RiskAssessments.AsNoTracking()
                         join i in access.Visible(db.Incidents) on a.IncidentId equals i.Id
                         where a.Id == assessmentId
                         select a).FirstOrDefaultAsync(ct);
        return row is null ? null : new AssessedItem(row.InstrumentCode, row.Score, row.Level, row.Incomplete, row.ReferralFlag ? row.ReferralName : null);
    }
}
