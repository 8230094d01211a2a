using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

public sealed record MeetingItemRequest(long? CaseId, string? Decision, string? ActionTitle, int? ActionOwnerAgencyId, DateTimeOffset? ActionDueAt);

public sealed record MeetingItemResponse(long Id, long CaseId, string CaseReference, string Decision, long? ActionId);

public sealed record MeetingResponse(long Id, string Title, string? District, DateTimeOffset HeldAt, IReadOnlyList<AgencyRef> Agencies, string Attendees, IReadOnlyList<MeetingItemResponse> Agenda);

/// <summary>
/// ASB multi-agency panels as each user may see them: force caseworkers all, a partner those its agency attended. The
/// agenda shows only the cases the reader may see; a decision becomes an action on the case's plan.
/// </summary>
public sealed class AsbMeetings(AppDb db, CaseAccess access, CaseActions actions, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private IQueryable<MultiAgencyMeeting> Visible
    {
        get
        {
            var panels = db.MultiAgencyMeetings.Where(m => m.Kind == MeetingKind.AsbPanel);
            if (access.IsForceCaseworker)
            {
                return panels;
            }
            return access.IsPartnerCaseworker ? MeetingRecords.Attended(panels, access.AgencyId!.Value) : panels.Where(_ => false);
        }
    }

    private async Task<MeetingResponse> ToResponseAsync(MultiAgencyMeeting m, CancellationToken ct)
    {
        var visible = access.Visible(db.AsbCases).Select(c => c.Id);
        var items = await (from i in db.MeetingItems.AsNoTracking()
                           join c in db.AsbCases on i.CaseId equals c.Id
                           where i.MeetingId == m.Id && visible.Contains(c.Id)
                           orderby i.Id
                           select new MeetingItemResponse(i.Id, c.Id, c.Reference, i.Decision, i.ActionId)).ToListAsync(ct);
        return new MeetingResponse(m.Id, m.Title, m.District, m.HeldAt, await MeetingRecords.AgenciesAsync(db, m, ct), m.Attendees, items);
    }

    public async Task<PagedList<MeetingResponse>> ListAsync(Paging paging, CancellationToken ct)
    {
        var query = Visible.AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<MeetingResponse>();
        foreach (var row in rows)
        {
            items.Add(await ToResponseAsync(row, ct));
        }
        await audit.WriteAsync("meeting.list", "meeting", null, details: $"count={items.Count}", cancellationToken: ct);
        return new PagedList<MeetingResponse>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>Force caseworkers and partner caseworkers record panels.</summary>
    public Task<bool> MayRecordAsync(CancellationToken ct) => Task.FromResult(access.CanUseCases);

    public async Task<Outcome<MeetingResponse>> CreateAsync(MeetingRequest request, CancellationToken ct) =>
        access.CanUseCases
            ? await MeetingRecords.CreateAsync(db, audit, user, time, request, MeetingKind.AsbPanel, "meeting.create", ToResponseAsync, ct)
            : Outcome<MeetingResponse>.NotFound;

    public async Task<MeetingResponse?> ReadAsync(long id, CancellationToken ct)
    {
        var meeting = await Visible.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }
        await audit.WriteAsync("meeting.read", "meeting", id.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        return await ToResponseAsync(meeting, ct);
    }

    public async Task<Outcome<MeetingResponse>> AddItemAsync(long id, MeetingItemRequest request, CancellationToken ct)
    {
        var meeting = await Visible.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Outcome<MeetingResponse>.NotFound;
        }
        var v = new Validation();
        var view = request.CaseId is { } caseId ? await access.ViewAsync(caseId, ct) : null;
        if (view is null)
        {
            v.Add("caseId", "Select a case you can see");
        }
        var decision = v.Required("decision", request.Decision, "what the meeting decided", 2000);
        if (!v.IsValid)
        {
            return Outcome<MeetingResponse>.Invalid(v.Errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? actionId = null;
        if (!string.IsNullOrWhiteSpace(request.ActionTitle))
        {
            var action = await actions.AddActionAsync(request.CaseId!.Value, new CaseActionRequest(request.ActionTitle, null, request.ActionOwnerAgencyId, request.ActionDueAt), ct);
            if (!action.IsDone)
            {
                var errors = new Validation();
                foreach (var (field, messages) in action.Errors)
                {
                    errors.Add("action" + char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
                }
                return Outcome<MeetingResponse>.Invalid(errors.Errors);
            }
            actionId = action.Value!.Id;
        }
        db.MeetingItems.Add(new MeetingItem { MeetingId = id, CaseId = request.CaseId!.Value, Decision = decision!, ActionId = actionId, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name });
        chronology.AddEntry(request.CaseId!.Value, "meeting", $"Discussed at {meeting.Title} ({ForceClock.Format(meeting.HeldAt)}): {decision}");
        audit.Add("meeting.item", "meeting", id.ToString(CultureInfo.InvariantCulture), details: $"case {request.CaseId}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Done(await ToResponseAsync(meeting, ct));
    }
}
