using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

public sealed record MeetingRequest(string? Title, string? District, DateTimeOffset? HeldAt, List<int>? AgencyIds, string? Attendees);

public sealed record MeetingItemRequest(long? CaseId, string? Decision, string? ActionTitle, int? ActionOwnerAgencyId, DateTimeOffset? ActionDueAt);

public sealed record MeetingItemResponse(long Id, long CaseId, string CaseReference, string Decision, long? ActionId);

public sealed record MeetingResponse(long Id, string Title, string? District, DateTimeOffset HeldAt, IReadOnlyList<AgencyRef> Agencies, string Attendees, IReadOnlyList<MeetingItemResponse> Agenda);

/// <summary>Multi-agency meetings: <c>/api/v1/asb/meetings</c>. Decisions become actions on the case's plan.</summary>
public static class MeetingsApi
{
    public static WebApplication MapMeetings(this WebApplication app)
    {
        var meetings = app.MapGroup("/api/v1/asb/meetings").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Multi-agency meetings");
        meetings.MapGet("", ListAsync)
            .WithName("listMeetings").WithSummary("List multi-agency meetings");
        meetings.MapPost("", CreateAsync)
            .WithName("recordMeeting").WithSummary("Record a multi-agency meeting and who attended");
        meetings.MapGet("/{id:long}", ReadAsync)
            .WithName("getMeeting").WithSummary("Read a meeting and its agenda");
        meetings.MapPost("/{id:long}/agenda", AddItemAsync)
            .WithName("addMeetingAgendaItem").WithSummary("Add a case discussed at a meeting, with its decision");
        return app;
    }

    private static IQueryable<MultiAgencyMeeting> Visible(AppDb db, CaseAccess access)
    {
        if (access.IsForceCaseworker)
        {
            return db.MultiAgencyMeetings;
        }
        if (!access.IsPartnerCaseworker)
        {
            return db.MultiAgencyMeetings.Where(_ => false);
        }
        var token = $",{access.AgencyId},";
        return db.MultiAgencyMeetings.Where(m => ("," + m.AgencyIds + ",").Contains(token));
    }

    private static async Task<MeetingResponse> ToResponseAsync(AppDb db, CaseAccess access, MultiAgencyMeeting m, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var visible = access.Visible(db.AsbCases).Select(c => c.Id);
        // The agenda shows only the cases the reader may see.
        var items = await (from i in db.MeetingItems.AsNoTracking()
                           join c in db.AsbCases on i.CaseId equals c.Id
                           where i.MeetingId == m.Id && visible.Contains(i.CaseId)
                           orderby i.Id
                           select new MeetingItemResponse(i.Id, i.CaseId, c.Reference, i.Decision, i.ActionId)).ToListAsync(ct);
        var ids = m.AgencyIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture));
        return new MeetingResponse(m.Id, m.Title, m.District, m.HeldAt, ids.Where(agencies.ContainsKey).Select(i => agencies[i]).ToList(), m.Attendees, items);
    }

    private static async Task<Results<Ok<PagedList<MeetingResponse>>, ValidationProblem>> ListAsync(AppDb db, CaseAccess access, AuditTrail audit, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var query = Visible(db, access).AsNoTracking();
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<MeetingResponse>();
        foreach (var row in rows)
        {
            items.Add(await ToResponseAsync(db, access, row, ct));
        }
        await audit.WriteAsync("meeting.list", "meeting", null, details: $"count={items.Count}", cancellationToken: ct);
        return TypedResults.Ok(new PagedList<MeetingResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> CreateAsync(
        MeetingRequest request, AppDb db, CaseAccess access, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var title = v.Required("title", request.Title, "the meeting's title", 200);
        var district = v.District("district", request.District);
        var attendees = v.Required("attendees", request.Attendees, "who attended", 2000);
        if (request.HeldAt is null)
        {
            v.Add("heldAt", "Enter when the meeting was held");
        }
        var agencyIds = (request.AgencyIds ?? []).Distinct().ToList();
        if (user.AgencyId is { } own && !agencyIds.Contains(own))
        {
            agencyIds.Insert(0, own);
        }
        if (await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), ct) != agencyIds.Count)
        {
            v.Add("agencyIds", "Select the agencies that attended");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The meeting was not recorded");
        }
        var meeting = new MultiAgencyMeeting
        {
            Title = title!, District = district, HeldAt = request.HeldAt!.Value, AgencyIds = string.Join(',', agencyIds), Attendees = attendees!,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.MultiAgencyMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        audit.Add("meeting.create", "meeting", meeting.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/meetings/{meeting.Id}", await ToResponseAsync(db, access, meeting, ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, NotFound>> ReadAsync(long id, AppDb db, CaseAccess access, AuditTrail audit, CancellationToken ct)
    {
        var meeting = await Visible(db, access).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("meeting.read", "meeting", id.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        return TypedResults.Ok(await ToResponseAsync(db, access, meeting, ct));
    }

    private static async Task<Results<Created<MeetingResponse>, NotFound, ValidationProblem>> AddItemAsync(
        long id, MeetingItemRequest request, AppDb db, CaseAccess access, CaseActions actions, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var meeting = await Visible(db, access).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return TypedResults.NotFound();
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
            return TypedResults.ValidationProblem(v.Errors, title: "The agenda item was not recorded");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        long? actionId = null;
        if (request.ActionTitle is not null)
        {
            var action = await actions.AddActionAsync(request.CaseId!.Value, new CaseActionRequest(request.ActionTitle, null, request.ActionOwnerAgencyId, request.ActionDueAt), ct);
            if (!action.IsDone)
            {
                var errors = new Validation();
                foreach (var (field, messages) in action.Errors)
                {
                    errors.Add("action" + char.ToUpperInvariant(field[0]) + field[1..], messages[0]);
                }
                return TypedResults.ValidationProblem(errors.Errors, title: "The agenda item was not recorded");
            }
            actionId = action.Value!.Id;
        }
        db.MeetingItems.Add(new MeetingItem { MeetingId = id, CaseId = request.CaseId!.Value, Decision = decision!, ActionId = actionId, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name });
        chronology.AddEntry(request.CaseId!.Value, "meeting", $"Discussed at {meeting.Title} ({ForceClock.Format(meeting.HeldAt)}): {decision}");
        audit.Add("meeting.item", "meeting", id.ToString(CultureInfo.InvariantCulture), details: $"case {request.CaseId}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/asb/meetings/{id}", await ToResponseAsync(db, access, meeting, ct));
    }
}
