using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

public sealed record MaracReferralResponse(
    long Id, long IncidentId, string IncidentReference, string Reason, DateTimeOffset ReferredAt, DateTimeOffset DueAt, bool Overdue,
    DateTimeOffset? LastListedAt, int Version);

public sealed record MaracListingRequest(long? ReferralId, string? Summary);

public sealed record MaracActionRequest(int? OwnerAgencyId, string? Action, DateTimeOffset? DueAt);

public sealed record MaracActionDoneRequest(int? Version, string? Outcome);

public sealed record MaracActionResponse(
    long Id, long ListingId, AgencyRef Owner, string Action, DateTimeOffset DueAt, bool Overdue, DateTimeOffset? CompletedAt, string? CompletedBy,
    string? Outcome, int Version);

public sealed record MaracListingResponse(
    long Id, long ReferralId, long IncidentId, string IncidentReference, string Reason, bool RepeatListing, string Summary, IReadOnlyList<MaracActionResponse> Actions);

public sealed record MaracMeetingResponse(
    long Id, string Title, string? District, DateTimeOffset HeldAt, IReadOnlyList<AgencyRef> Agencies, string Attendees, IReadOnlyList<MaracListingResponse> Agenda);

public sealed record MaracMeetingSummary(long Id, string Title, string? District, DateTimeOffset HeldAt, int Listed);

/// <summary>
/// The MARAC co-ordinator's work: the MARAC referral list, MARAC meetings, listing a referral's case on a meeting's
/// agenda, and the actions agreed for it. MARAC co-ordination team members and supervisors do all of it; a partner
/// reads the meetings its agency attended and completes its own agency's actions; to anyone else none of it exists.
/// Referrals are read through <see cref="ReferralDesk.Visible"/>; every read of a listing is audited.
/// </summary>
public sealed class MaracMeetings(
    AppDb db, ReferralDesk referrals, ForceConfiguration configuration, RecordReads reads, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private bool? _coordinator;

    /// <summary>A member of the MARAC co-ordination team, or a supervisor.</summary>
    public async Task<bool> IsCoordinatorAsync(CancellationToken ct) => _coordinator ??= user.IsForce
        && (user.IsInRole(Roles.Supervisor) || (user.Id is { } id && await db.TeamMemberships.AnyAsync(m => m.UserId == id && m.Team!.Code == ReferralTeams.Marac, ct)));

    private bool IsPartner => !user.IsForce && user.IsInRole(Roles.PartnerCaseworker) && user.AgencyId is not null;

    /// <summary>May use the MARAC pages at all: a co-ordinator, or a partner (who sees only the meetings its agency attended).</summary>
    public async Task<bool> MayUseAsync(CancellationToken ct) => IsPartner || await IsCoordinatorAsync(ct);

    private async Task<IQueryable<MultiAgencyMeeting>> VisibleAsync(CancellationToken ct)
    {
        var marac = db.MultiAgencyMeetings.Where(m => m.Kind == MeetingKind.Marac);
        if (await IsCoordinatorAsync(ct))
        {
            return marac;
        }
        return IsPartner ? MeetingRecords.Attended(marac, user.AgencyId!.Value) : marac.Where(_ => false);
    }

    private IQueryable<Referral> Waiting => referrals.Visible.Where(r => r.Kind == ReferralKind.Marac && r.Status == ReferralStatus.Sent
        && !db.MeetingItems.Any(i => i.ReferralId == r.Id));

    /// <summary>The MARAC referral list: cases waiting to be listed, soonest due first, each with any listing of the same victim in the past year.</summary>
    public async Task<Outcome<List<MaracReferralResponse>>> WaitingAsync(CancellationToken ct)
    {
        if (!await IsCoordinatorAsync(ct))
        {
            return Outcome<List<MaracReferralResponse>>.NotFound;
        }
        var rules = (await configuration.CurrentAsync<MaracRules>(MaracRules.Key, ct)).Value;
        var rows = await (from r in Waiting.AsNoTracking()
                          join i in db.Incidents on r.IncidentId equals i.Id
                          join p in db.IncidentPeople on r.PersonId equals p.Id into victims
                          from p in victims.DefaultIfEmpty()
                          orderby r.DueAt, r.Id
                          select new { r.Id, r.IncidentId, i.Reference, r.Reason, r.CreatedAt, r.DueAt, r.Version, IdentityId = p == null ? null : p.IdentityId }).Take(500).ToListAsync(ct);
        var now = time.GetUtcNow();
        var answer = new List<MaracReferralResponse>();
        foreach (var r in rows)
        {
            var last = r.IdentityId is { } identity ? await MaracListing.LastListingAsync(db, identity, now.AddMonths(-rules.RepeatMonths), now, ct) : null;
            answer.Add(new MaracReferralResponse(r.Id, r.IncidentId, r.Reference, r.Reason, r.CreatedAt, r.DueAt, r.DueAt < now, last, r.Version));
        }
        // The list names incidents and criteria, not people: a work queue, audited naming every referral listed.
        await reads.AuditListAsync(answer.Select(r => new ListedRecord(r.Id, true)).ToList(), "marac.referrals", "referral", null, null, ct);
        return Outcome.Done(answer);
    }

    public async Task<Outcome<List<MaracMeetingSummary>>> MeetingsAsync(CancellationToken ct)
    {
        if (!await MayUseAsync(ct))
        {
            return Outcome<List<MaracMeetingSummary>>.NotFound;
        }
        var meetings = await VisibleAsync(ct);
        var rows = await meetings.AsNoTracking().OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Take(200)
            .Select(m => new MaracMeetingSummary(m.Id, m.Title, m.District, m.HeldAt, db.MeetingItems.Count(i => i.MeetingId == m.Id && i.ReferralId != null)))
            .ToListAsync(ct);
        return Outcome.Done(rows);
    }

    public async Task<Outcome<MaracMeetingResponse>> CreateAsync(MeetingRequest request, CancellationToken ct)
    {
        if (!await IsCoordinatorAsync(ct))
        {
            return Outcome<MaracMeetingResponse>.NotFound;
        }
        return await MeetingRecords.CreateAsync(db, audit, user, time, request, MeetingKind.Marac, "marac.meeting.create", ToResponseAsync, ct);
    }

    /// <summary>A MARAC meeting and its agenda: a read of each listed victim's case, audited naming every referral.</summary>
    public async Task<Outcome<MaracMeetingResponse>> ReadAsync(long id, CancellationToken ct)
    {
        var meeting = await (await VisibleAsync(ct)).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return Outcome<MaracMeetingResponse>.NotFound;
        }
        var answer = await ToResponseAsync(meeting, ct);
        await reads.AuditSearchAsync(answer.Agenda.Select(a => new ListedRecord(a.ReferralId, true)).ToList(), "marac.meeting.read", "referral", null,
            $"meeting {id}", ct);
        return Outcome.Done(answer);
    }

    private async Task<MaracMeetingResponse> ToResponseAsync(MultiAgencyMeeting m, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var items = await (from i in db.MeetingItems.AsNoTracking()
                           join r in db.Referrals on i.ReferralId equals r.Id
                           join inc in db.Incidents on r.IncidentId equals inc.Id
                           where i.MeetingId == m.Id
                           orderby i.Id
                           select new { i.Id, ReferralId = r.Id, r.IncidentId, inc.Reference, r.Reason, i.RepeatListing, i.Decision }).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var now = time.GetUtcNow();
        var actions = await db.Set<MaracAction>().AsNoTracking().Where(a => itemIds.Contains(a.MeetingItemId)).OrderBy(a => a.DueAt).ThenBy(a => a.Id).ToListAsync(ct);
        var agenda = items.Select(i => new MaracListingResponse(i.Id, i.ReferralId, i.IncidentId, i.Reference, i.Reason, i.RepeatListing, i.Decision,
            actions.Where(a => a.MeetingItemId == i.Id).Select(a => new MaracActionResponse(a.Id, a.MeetingItemId,
                agencies.GetValueOrDefault(a.OwnerAgencyId) ?? new AgencyRef(a.OwnerAgencyId, ""), a.Text, a.DueAt, a.CompletedAt is null && a.DueAt < now,
                a.CompletedAt, a.CompletedBy, a.Outcome, a.Version)).ToList())).ToList();
        var present = MeetingRecords.AgencyIdsOf(m).Where(agencies.ContainsKey).Select(a => agencies[a]).ToList();
        return new MaracMeetingResponse(m.Id, m.Title, m.District, m.HeldAt, present, m.Attendees, agenda);
    }

    /// <summary>Lists a referral's case on a MARAC's agenda, which marks the referral listed (accepted, with the meeting's date as feedback).</summary>
    public async Task<Outcome<MaracMeetingResponse>> ListCaseAsync(long meetingId, MaracListingRequest request, CancellationToken ct)
    {
        var meeting = await IsCoordinatorAsync(ct) ? await (await VisibleAsync(ct)).FirstOrDefaultAsync(m => m.Id == meetingId, ct) : null;
        if (meeting is null)
        {
            return Outcome<MaracMeetingResponse>.NotFound;
        }
        var v = new Validation();
        var referral = request.ReferralId is { } referralId ? await Waiting.FirstOrDefaultAsync(r => r.Id == referralId, ct) : null;
        if (referral is null)
        {
            v.Add("referralId", "Select a case on the MARAC referral list");
        }
        var summary = v.MaxLength("summary", request.Summary, "the summary", 2000);
        if (!v.IsValid)
        {
            return Outcome<MaracMeetingResponse>.Invalid(v.Errors);
        }
        var rules = (await configuration.CurrentAsync<MaracRules>(MaracRules.Key, ct)).Value;
        var identity = await db.IncidentPeople.Where(p => p.Id == referral!.PersonId).Select(p => p.IdentityId).FirstOrDefaultAsync(ct);
        var repeat = identity is { } id && await MaracListing.LastListingAsync(db, id, meeting.HeldAt.AddMonths(-rules.RepeatMonths), meeting.HeldAt, ct) is not null;
        var now = time.GetUtcNow();
        db.MeetingItems.Add(new MeetingItem
        {
            MeetingId = meetingId, ReferralId = referral!.Id, RepeatListing = repeat, Decision = summary ?? "Listed for discussion",
            CreatedAt = now, CreatedBy = user.Name,
        });
        referral.Status = ReferralStatus.Accepted;
        referral.Feedback = $"Listed at {meeting.Title} on {ForceClock.Format(meeting.HeldAt)}{(repeat ? " (repeat listing)" : "")}";
        referral.FeedbackAt = now;
        referral.FeedbackBy = user.Name;
        audit.Add("marac.list", "referral", referral.Id.ToString(CultureInfo.InvariantCulture), details: $"meeting {meetingId}{(repeat ? " repeat" : "")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await ToResponseAsync(meeting, ct));
    }

    /// <summary>Records an action agreed at the MARAC for a listed case, owned by one of the agencies present.</summary>
    public async Task<Outcome<MaracMeetingResponse>> AddActionAsync(long meetingId, long listingId, MaracActionRequest request, CancellationToken ct)
    {
        var meeting = await IsCoordinatorAsync(ct) ? await (await VisibleAsync(ct)).FirstOrDefaultAsync(m => m.Id == meetingId, ct) : null;
        if (meeting is null || !await db.MeetingItems.AnyAsync(i => i.Id == listingId && i.MeetingId == meetingId && i.ReferralId != null, ct))
        {
            return Outcome<MaracMeetingResponse>.NotFound;
        }
        var v = new Validation();
        if (request.OwnerAgencyId is not { } owner || !MeetingRecords.AgencyIdsOf(meeting).Contains(owner))
        {
            v.Add("ownerAgencyId", "Select the agency that owns the action, from those at the meeting");
        }
        var text = v.Required("action", request.Action, "the action agreed", 1000);
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter when the action is due");
        }
        if (!v.IsValid)
        {
            return Outcome<MaracMeetingResponse>.Invalid(v.Errors);
        }
        var action = new MaracAction
        {
            MeetingItemId = listingId, OwnerAgencyId = request.OwnerAgencyId!.Value, Text = text!, DueAt = request.DueAt!.Value,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.Set<MaracAction>().Add(action);
        await db.SaveChangesAsync(ct);
        audit.Add("marac.action", "meeting", meetingId.ToString(CultureInfo.InvariantCulture), details: $"action {action.Id} on listing {listingId}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await ToResponseAsync(meeting, ct));
    }

    /// <summary>Marks an action done: a co-ordinator, or a partner for its own agency's action at a meeting it attended.</summary>
    public async Task<Outcome<MaracMeetingResponse>> CompleteActionAsync(long meetingId, long actionId, MaracActionDoneRequest request, CancellationToken ct)
    {
        var meeting = await (await VisibleAsync(ct)).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var action = meeting is null ? null : await (from a in db.Set<MaracAction>()
                                                      join i in db.MeetingItems on a.MeetingItemId equals i.Id
                                                      where a.Id == actionId && i.MeetingId == meetingId
                                                      select a).FirstOrDefaultAsync(ct);
        if (action is null || (!await IsCoordinatorAsync(ct) && action.OwnerAgencyId != user.AgencyId))
        {
            return Outcome<MaracMeetingResponse>.NotFound;
        }
        var v = new Validation();
        var outcome = v.Required("outcome", request.Outcome, "what was done", 1000);
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the action you read");
        }
        if (action.CompletedAt is not null)
        {
            v.Add("outcome", "This action is already done");
        }
        if (!v.IsValid)
        {
            return Outcome<MaracMeetingResponse>.Invalid(v.Errors);
        }
        if (!db.Matches(action, request.Version!.Value))
        {
            return Outcome<MaracMeetingResponse>.Stale(action.Version);
        }
        action.CompletedAt = time.GetUtcNow();
        action.CompletedBy = user.Name;
        action.Outcome = outcome;
        audit.Add("marac.action.done", "meeting", meetingId.ToString(CultureInfo.InvariantCulture), details: $"action {actionId}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await ToResponseAsync(meeting!, ct));
    }
}
