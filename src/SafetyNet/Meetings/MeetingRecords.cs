using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

public sealed record MeetingRequest(string? Title, string? District, DateTimeOffset? HeldAt, List<int>? AgencyIds, string? Attendees);

/// <summary>What every multi-agency meeting records, ASB panel or MARAC: title, date, the agencies present and who attended.</summary>
public static class MeetingRecords
{
    /// <summary>
    /// Records a meeting of the kind given from the request, by the signed-in user and with their own agency present, and
    /// audits it under <paramref name="action"/>; answers with <paramref name="respond"/>, or the errors when the request is invalid.
    /// </summary>
    public static async Task<Outcome<TResponse>> CreateAsync<TResponse>(AppDb db, AuditTrail audit, CurrentUser user, TimeProvider time,
        MeetingRequest request, MeetingKind kind, string action, Func<MultiAgencyMeeting, CancellationToken, Task<TResponse>> respond, CancellationToken ct)
    {
        var v = new Validation();
        var meeting = await ReadAsync(v, db, request, kind, user.AgencyId, user.Name, time.GetUtcNow(), ct);
        if (meeting is null)
        {
            return Outcome<TResponse>.Invalid(v.Errors);
        }
        db.MultiAgencyMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        audit.Add(action, "meeting", meeting.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await respond(meeting, ct));
    }

    /// <summary>A new meeting from the request, with the recorder's own agency always present; null with errors when invalid.</summary>
    private static async Task<MultiAgencyMeeting?> ReadAsync(Validation v, AppDb db, MeetingRequest request, MeetingKind kind, int? ownAgency,
        string by, DateTimeOffset now, CancellationToken ct)
    {
        var title = v.Required("title", request.Title, "the meeting's title", 200);
        var district = v.District("district", request.District);
        var attendees = v.Required("attendees", request.Attendees, "who attended", 2000);
        if (request.HeldAt is null)
        {
            v.Add("heldAt", "Enter when the meeting was held");
        }
        var agencyIds = (request.AgencyIds ?? []).Distinct().ToList();
        if (ownAgency is { } own && !agencyIds.Contains(own))
        {
            agencyIds.Insert(0, own);
        }
        if (await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), ct) != agencyIds.Count)
        {
            v.Add("agencyIds", "Select the agencies that attended");
        }
        if (!v.IsValid)
        {
            return null;
        }
        return new MultiAgencyMeeting
        {
            Kind = kind, Title = title!, District = district, HeldAt = request.HeldAt!.Value, AgencyIds = string.Join(',', agencyIds), Attendees = attendees!,
            CreatedAt = now, CreatedBy = by,
        };
    }

    public static IReadOnlyList<int> AgencyIdsOf(MultiAgencyMeeting meeting) =>
        meeting.AgencyIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    public static async Task<List<AgencyRef>> AgenciesAsync(AppDb db, MultiAgencyMeeting meeting, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        return AgencyIdsOf(meeting).Where(agencies.ContainsKey).Select(i => agencies[i]).ToList();
    }

    /// <summary>The meetings a partner's agency attended.</summary>
    public static IQueryable<MultiAgencyMeeting> Attended(IQueryable<MultiAgencyMeeting> meetings, int agencyId)
    {
        var token = $",{agencyId},";
        return meetings.Where(m => ("," + m.AgencyIds + ",").Contains(token));
    }
}
