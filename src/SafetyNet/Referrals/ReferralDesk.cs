using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Messaging;
using SafetyNet.Platform;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Referrals;

/// <summary>Which referrals a list shows: those waiting for my team or agency, those I or my teams made, or all.</summary>
public enum ReferralView
{
    Worklist,
    Made,
    All,
}

/// <summary>
/// Referrals as each user may see them (force staff all, a partner those sent to its agency) and the rules of their
/// lifecycle: the referrer sends, edits or dismisses a suggestion; the receiving team or agency accepts or declines
/// it, records its contacts, gives feedback and closes it. Each stage has its due time; an agency without an
/// information sharing agreement is never sent one.
/// </summary>
public sealed class ReferralDesk(AppDb db, IncidentAccess access, CurrentUser user, AuditTrail audit, TimeProvider time, Outbox outbox, ForceConfiguration configuration)
{
    private static readonly ReferralStatus[] PartnerVisible =
        [ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.FeedbackGiven, ReferralStatus.Closed];

    private static readonly ReferralStatus[] NotYetSent = [ReferralStatus.Suggested, ReferralStatus.AwaitingOptIn];

    /// <summary>Still waiting on the receiver: to be answered, or accepted and owing feedback, or with feedback given and to be closed.</summary>
    private static readonly ReferralStatus[] Waiting = [ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.FeedbackGiven];

    public IQueryable<Referral> Visible
    {
        get
        {
            if (access.CanRead)
            {
                return db.Referrals;
            }
            var agency = user.AgencyId;
            return user.IsInRole(Roles.PartnerCaseworker) && agency is not null
                ? db.Referrals.Where(r => r.ToAgencyId == agency && PartnerVisible.Contains(r.Status))
                : db.Referrals.Where(_ => false);
        }
    }

    /// <summary>
    /// The referrals the signed-in user receives: those to a team they belong to, and for a partner caseworker those to
    /// their agency, unless they are for a team within it that the caseworker is not in (the IDVA service's, say).
    /// </summary>
    public IQueryable<Referral> Receiving
    {
        get
        {
            var me = user.Id;
            var agency = user.AgencyId;
            var partner = user.IsInRole(Roles.PartnerCaseworker) && agency is not null;
            var teams = db.TeamMemberships.Where(m => m.UserId == me).Select(m => (int?)m.TeamId);
            return Visible.Where(r => !NotYetSent.Contains(r.Status) && r.Status != ReferralStatus.Dismissed
                && (teams.Contains(r.ToTeamId)
                    || (partner && r.ToAgencyId == agency && (r.ToTeamId == null || db.Teams.Any(t => t.Id == r.ToTeamId && t.AgencyId != agency)))));
        }
    }

    /// <summary>The referrals the signed-in user made, or made on an incident one of their teams owns.</summary>
    private IQueryable<Referral> Made
    {
        get
        {
            var me = user.Id;
            var name = user.Name;
            var teams = db.TeamMemberships.Where(m => m.UserId == me).Select(m => (int?)m.TeamId);
            var teamIncidents = db.Incidents.Where(i => teams.Contains(i.OwningTeamId)).Select(i => i.Id);
            return access.CanRead ? Visible.Where(r => r.CreatedBy == name || teamIncidents.Contains(r.IncidentId)) : db.Referrals.Where(_ => false);
        }
    }

    /// <summary>True when the user belongs to a receiving team or is a partner caseworker: their list opens on their worklist.</summary>
    public async Task<bool> ReceivesReferralsAsync(CancellationToken ct)
    {
        if (user.IsInRole(Roles.PartnerCaseworker))
        {
            return true;
        }
        var me = user.Id;
        string[] receiving = [ReferralTeams.OlderPersonLiaison, ReferralTeams.Marac, ReferralTeams.Mash, ReferralTeams.Idva];
        return await db.TeamMemberships.AnyAsync(m => m.UserId == me && db.Teams.Any(t => t.Id == m.TeamId && receiving.Contains(t.Code)), ct);
    }

    /// <summary>The incident a new referral is about, with the people on it to choose from (none named on a sensitive incident).</summary>
    public sealed record ReferralSubject(string Reference, IReadOnlyList<(long Id, string Name)> People);

    public async Task<ReferralSubject?> SubjectAsync(long incidentId, CancellationToken ct)
    {
        var incident = access.CanWrite ? await access.Visible(db.Incidents).AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct) : null;
        if (incident is null)
        {
            return null;
        }
        var people = incident.Sensitive ? [] : await db.IncidentPeople.AsNoTracking().Where(p => p.IncidentId == incidentId).OrderBy(p => p.Id).ToListAsync(ct);
        if (people.Count > 0)
        {
            audit.Add("referral.people", "incident", incidentId.ToString(CultureInfo.InvariantCulture), details: "people listed to choose whom a referral is about");
            await db.SaveChangesAsync(ct);
        }
        return new ReferralSubject(incident.Reference, [.. people.Select(p => (p.Id, $"{p.DisplayName} ({Labels.Of(p.Role)})"))]);
    }

    /// <summary>The partner agencies a referral to a named partner may go to.</summary>
    public async Task<IReadOnlyList<(int Id, string Name)>> PartnerAgenciesAsync(CancellationToken ct) =>
        (await db.Agencies.AsNoTracking().Where(a => a.Kind != AgencyKind.Force).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .Select(a => (a.Id, a.Name)).ToList();

    /// <summary>Whether the user may make, send, change and dismiss referrals: force staff who record.</summary>
    public bool MayRefer => access.CanWrite;

    /// <summary>Whether the user may see every referral rather than their own: force staff who can read incidents.</summary>
    public bool MaySeeAll => access.CanRead;

    public async Task<PagedList<ReferralResponse>> ListAsync(ReferralStatus? status, ReferralKind? kind, Paging paging, CancellationToken ct) =>
        await ListAsync(ReferralView.All, status, kind, paging, ct);

    public async Task<PagedList<ReferralResponse>> ListAsync(ReferralView view, ReferralStatus? status, ReferralKind? kind, Paging paging, CancellationToken ct)
    {
        var query = (view switch
        {
            ReferralView.Worklist => Receiving,
            ReferralView.Made => Made,
            _ => Visible,
        }).AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }
        var total = await query.CountAsync(ct);
        // A worklist puts what still waits on the receiver first, soonest due first.
        var ordered = view == ReferralView.Worklist
            ? query.OrderBy(r => Waiting.Contains(r.Status) ? 0 : 1).ThenBy(r => r.Status == ReferralStatus.Accepted ? r.FeedbackDueAt : r.DueAt)
            : query.OrderBy(r => r.DueAt);
        var rows = await ordered.ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await audit.WriteAsync("referral.search", "referral", null, details: $"view={view} status={status} kind={kind}", cancellationToken: ct);
        return new PagedList<ReferralResponse>(await ToResponsesAsync(rows, ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>The referrals of one incident, for its page: every one to the force's staff.</summary>
    public async Task<List<ReferralResponse>> ForIncidentAsync(long incidentId, CancellationToken ct)
    {
        var rows = await Visible.AsNoTracking().Where(r => r.IncidentId == incidentId).OrderBy(r => r.Id).ToListAsync(ct);
        return await ToResponsesAsync(rows, ct);
    }

    /// <summary>The referrals of one victim's crime, for the contract page.</summary>
    public async Task<List<ReferralResponse>> ForCrimeAsync(long crimeRecordId, long? personId, CancellationToken ct)
    {
        var rows = await Visible.AsNoTracking().Where(r => r.CrimeRecordId == crimeRecordId && (personId == null || r.PersonId == personId))
            .OrderBy(r => r.Id).ToListAsync(ct);
        return await ToResponsesAsync(rows, ct);
    }

    /// <summary>The referrals of the incidents an ASB case holds, for the case page.</summary>
    public async Task<List<ReferralResponse>> ForIncidentsAsync(IReadOnlyCollection<long> incidentIds, CancellationToken ct)
    {
        var rows = await Visible.AsNoTracking().Where(r => incidentIds.Contains(r.IncidentId)).OrderBy(r => r.Id).ToListAsync(ct);
        return await ToResponsesAsync(rows, ct);
    }

    public async Task<Outcome<ReferralDetailResponse>> ReadAsync(long id, CancellationToken ct)
    {
        var referral = await Visible.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return Outcome<ReferralDetailResponse>.NotFound;
        }
        var response = (await ToResponsesAsync([referral], ct))[0];
        var contacts = await db.ReferralContacts.AsNoTracking().Where(c => c.ReferralId == id).OrderBy(c => c.ContactedOn).ThenBy(c => c.Id)
            .Select(c => new ReferralContactResponse(c.Id, c.ContactedOn, c.Summary, c.RecordedAt, c.RecordedBy)).ToListAsync(ct);
        var receiving = await Receiving.AnyAsync(r => r.Id == id, ct);
        var history = new List<ReferralEventResponse> { new(referral.CreatedAt, referral.SentAt == referral.CreatedAt ? "Made" : "Suggested", referral.CreatedBy, referral.Reason) };
        if (referral.SentAt is { } sent && sent > referral.CreatedAt)
        {
            history.Add(new(sent, "Sent", null, null));
        }
        if (referral.AnsweredAt is { } answered)
        {
            history.Add(new(answered, referral.DeclineReason is null ? "Accepted" : "Declined", referral.AnsweredBy, referral.DeclineReason));
        }
        history.AddRange(contacts.Select(c => new ReferralEventResponse(c.RecordedAt, $"Contact on {ForceClock.FormatDay(c.ContactedOn)}", c.RecordedBy, c.Summary)));
        if (referral.FeedbackAt is { } feedbackAt && referral.Feedback is { } feedback)
        {
            history.Add(new(feedbackAt, "Feedback given", referral.FeedbackBy, feedback));
        }
        if (referral.ClosedAt is { } closed)
        {
            history.Add(new(closed, "Closed", null, null));
        }
        if (referral.DismissReason is { } dismissed)
        {
            history.Add(new(referral.ClosedAt ?? referral.CreatedAt, "Dismissed", null, dismissed));
        }
        audit.Add("referral.read", "referral", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(new ReferralDetailResponse(response, contacts, [.. history.OrderBy(h => h.At)], receiving,
            access.CanWrite && NotYetSent.Contains(referral.Status)));
    }

    public async Task<List<ReferralResponse>> ToResponsesAsync(IReadOnlyCollection<Referral> rows, CancellationToken ct)
    {
        var incidentIds = rows.Select(r => r.IncidentId).Distinct().ToList();
        var references = await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var now = time.GetUtcNow();
        return rows.Select(r =>
        {
            var next = NextDue(r);
            return new ReferralResponse(r.Id, r.IncidentId, references.GetValueOrDefault(r.IncidentId, ""), r.CrimeRecordId, r.Kind.ToString(),
                r.ToAgencyId, r.ToAgencyId is { } a ? agencies.GetValueOrDefault(a) : null, r.ToTeamId, r.ToTeamId is { } t ? teams.GetValueOrDefault(t) : null,
                r.Status.ToString(), r.DueAt, next, next < now, r.SentAt, r.Reason, r.LawfulBasis, r.Consent, r.AnsweredAt, r.AnsweredBy, r.DeclineReason,
                r.FeedbackDueAt, r.Feedback, r.FeedbackAt, r.FeedbackBy, r.ClosedAt, r.DismissReason, r.Version);
        }).ToList();
    }

    /// <summary>When the stage the referral is in falls due: its answer, or the receiver's feedback once accepted; nothing after.</summary>
    public static DateTimeOffset? NextDue(Referral r) => r.Status switch
    {
        ReferralStatus.Suggested or ReferralStatus.AwaitingOptIn or ReferralStatus.Sent => r.DueAt,
        ReferralStatus.Accepted => r.FeedbackDueAt,
        _ => null,
    };

    public async Task<Outcome<Referral>> CreateAsync(ReferralRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (!access.CanWrite)
        {
            return Outcome<Referral>.NotFound;
        }
        var incident = request.IncidentId is { } id ? await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct) : null;
        if (incident is null)
        {
            v.Add("incidentId", "Select the incident the referral is about");
        }
        var kind = v.Enum<ReferralKind>("kind", request.Kind, "the service referred to");
        var reason = v.Required("reason", request.Reason, "the reason for the referral", 1000);
        var basis = v.Required("lawfulBasis", request.LawfulBasis, "the lawful basis for sharing", 300);
        People.IncidentPerson? person = null;
        if (request.PersonId is { } personId && incident is not null)
        {
            person = await db.IncidentPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.IncidentId == incident.Id, ct);
            if (person is null)
            {
                v.Add("personId", "Select a person on this incident");
            }
        }
        var to = new ReferralDestination(request.ToAgencyId, null);
        if (kind == ReferralKind.Partner)
        {
            if (request.ToAgencyId is not { } agency)
            {
                v.Add("toAgencyId", "Select the agency to refer to");
            }
            else if (!await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            {
                v.Add("toAgencyId", "Select an agency that uses SafetyNet");
            }
        }
        else if (kind is { } routed)
        {
            // Every kind but a referral to a named partner goes where routing says: the officer does not choose.
            var today = ForceClock.DayOf(time.GetUtcNow());
            var child = person?.DateOfBirth is { } born && born.AddYears(18) > today;
            to = await ReferralRouting.ResolveAsync(db, routed, child, ct);
        }
        if (v.IsValid && await RefusalAsync(to.AgencyId, ct) is { } refused)
        {
            v.Add("toAgencyId", refused);
        }
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        var timescales = (await configuration.CurrentAsync<ReferralTimescales>(ReferralTimescales.Key, ct)).Value;
        var referral = new Referral
        {
            IncidentId = incident!.Id,
            PersonId = request.PersonId,
            Kind = kind!.Value,
            ToAgencyId = to.AgencyId,
            ToTeamId = to.TeamId,
            Status = ReferralStatus.Sent,
            SentAt = now,
            DueAt = WorkingDays.EnglandAndWales.DueAfter(now, timescales.AnswerWorkingDays),
            Reason = reason!,
            LawfulBasis = basis,
            Consent = request.Consent,
            CreatedAt = now,
            CreatedBy = user.Name,
            ReferrerEmail = await ReferrerEmailAsync(ct),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        audit.Add("referral.create", "referral", referral.Id.ToString(CultureInfo.InvariantCulture), details: $"{referral.Kind} to agency {referral.ToAgencyId} team {referral.ToTeamId}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral);
    }

    /// <summary>
    /// Why a referral may not go to this agency, or null when it may: the force shares with a partner only under an
    /// information sharing agreement in force today. The force itself (and its own teams) needs none.
    /// </summary>
    public async Task<string?> RefusalAsync(int? agencyId, CancellationToken ct)
    {
        if (agencyId is not { } id)
        {
            return null;
        }
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null || agency.Kind == AgencyKind.Force)
        {
            return null;
        }
        var today = ForceClock.DayOf(time.GetUtcNow());
        var agreed = await db.SharingAgreements.AnyAsync(a => a.AgencyId == id && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today), ct);
        return agreed ? null : $"{agency.Name} has no information sharing agreement with the force in force today, so no referral can be shared with it";
    }

    private async Task<string?> ReferrerEmailAsync(CancellationToken ct) =>
        user.Id is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) : null;

    /// <summary>The referral for a change by its referrer (force staff who may refer), checked against the version read.</summary>
    private async Task<(Referral? Referral, Outcome<Referral>? Answer)> ForReferrerAsync(long id, int? version, CancellationToken ct)
    {
        var referral = access.CanWrite ? await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (referral is null)
        {
            return (null, Outcome<Referral>.NotFound);
        }
        if (db.Unchanged<Referral, Referral>(referral, version) is { } refused)
        {
            return (null, refused);
        }
        return NotYetSent.Contains(referral.Status)
            ? (referral, null)
            : (null, Outcome<Referral>.Invalid("status", "This referral has already been sent or dismissed"));
    }

    /// <summary>
    /// The referral for a step by its receiver: anyone else is told it is not there. The step's own field errors in
    /// <paramref name="v"/> are the answer once the referral is found at the version read and the stage expected.
    /// </summary>
    private async Task<(Referral? Referral, Outcome<Referral>? Answer)> ForReceiverAsync(
        long id, int? version, ReferralStatus expected, string wrongStage, CancellationToken ct, Validation? v = null)
    {
        if (!await Receiving.AnyAsync(r => r.Id == id, ct))
        {
            return (null, Outcome<Referral>.NotFound);
        }
        var referral = await db.Referrals.FirstAsync(r => r.Id == id, ct);
        if (db.Unchanged<Referral, Referral>(referral, version) is { } refused)
        {
            return (null, refused);
        }
        if (referral.Status != expected)
        {
            return (null, Outcome<Referral>.Invalid("status", wrongStage));
        }
        return v is { IsValid: false } ? (null, Outcome<Referral>.Invalid(v.Errors)) : (referral, null);
    }

    /// <summary>The receiver's answer to a sent referral, accepted or declined: when and by whom.</summary>
    private DateTimeOffset Answer(Referral referral, ReferralStatus answer)
    {
        var now = time.GetUtcNow();
        referral.Status = answer;
        referral.AnsweredAt = now;
        referral.AnsweredBy = user.Name;
        return now;
    }

    /// <summary>A step on a referral: audited, saved, and answered with what it changed.</summary>
    private async Task<Outcome<T>> SavedAsync<T>(string action, long id, T changed, CancellationToken ct, string? details = null)
    {
        audit.Add(action, "referral", id.ToString(CultureInfo.InvariantCulture), details: details);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(changed);
    }

    /// <summary>Makes a suggested referral (or one awaiting the victim's opt-in, once given) to the receiving agency.</summary>
    public async Task<Outcome<Referral>> SendAsync(long id, int? version, CancellationToken ct)
    {
        var (referral, answer) = await ForReferrerAsync(id, version, ct);
        if (referral is null)
        {
            return answer!;
        }
        if (referral.Status == ReferralStatus.AwaitingOptIn
            && !await db.VictimContactContracts.AnyAsync(c => c.CrimeRecordId == referral.CrimeRecordId && c.VictimId == referral.PersonId && c.VictimSupportOptIn, ct))
        {
            return Outcome<Referral>.Invalid("status", "The victim has not opted in: record their opt-in on the Victims' Code contract first");
        }
        if (await RefusalAsync(referral.ToAgencyId, ct) is { } refused)
        {
            return Outcome<Referral>.Invalid("toAgencyId", refused);
        }
        var now = time.GetUtcNow();
        referral.Status = ReferralStatus.Sent;
        referral.SentAt = now;
        referral.ReferrerEmail = await ReferrerEmailAsync(ct);
        return await SavedAsync("referral.send", id, referral, ct, details: referral.Kind.ToString());
    }

    /// <summary>Changes a suggestion before it is sent: its reason, and for a referral to a named partner, the agency.</summary>
    public async Task<Outcome<Referral>> EditAsync(long id, ReferralEditRequest request, CancellationToken ct)
    {
        var (referral, answer) = await ForReferrerAsync(id, request.Version, ct);
        if (referral is null)
        {
            return answer!;
        }
        var v = new Validation();
        var reason = v.Required("reason", request.Reason, "the reason for the referral", 1000);
        if (request.ToAgencyId is { } agency && agency != referral.ToAgencyId)
        {
            if (referral.Kind != ReferralKind.Partner)
            {
                v.Add("toAgencyId", $"A {Labels.Of(referral.Kind)} referral goes where routing sends it: only a referral to a named partner changes agency");
            }
            else if (!await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            {
                v.Add("toAgencyId", "Select an agency that uses SafetyNet");
            }
            else if (await RefusalAsync(agency, ct) is { } refused)
            {
                v.Add("toAgencyId", refused);
            }
        }
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        referral.Reason = reason!;
        if (referral.Kind == ReferralKind.Partner && request.ToAgencyId is { } to)
        {
            referral.ToAgencyId = to;
        }
        return await SavedAsync("referral.edit", id, referral, ct);
    }

    /// <summary>Decides not to send a suggestion, saying why.</summary>
    public async Task<Outcome<Referral>> DismissAsync(long id, ReferralReasonRequest request, CancellationToken ct)
    {
        var (referral, answer) = await ForReferrerAsync(id, request.Version, ct);
        if (referral is null)
        {
            return answer!;
        }
        var v = new Validation();
        var reason = v.Required("reason", request.Reason, "why the referral is not needed", 1000);
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        referral.Status = ReferralStatus.Dismissed;
        referral.DismissReason = reason;
        referral.ClosedAt = time.GetUtcNow();
        return await SavedAsync("referral.dismiss", id, referral, ct);
    }

    /// <summary>The receiver takes the referral on; their feedback then falls due.</summary>
    public async Task<Outcome<Referral>> AcceptAsync(long id, int? version, CancellationToken ct)
    {
        var (referral, answer) = await ForReceiverAsync(id, version, ReferralStatus.Sent, "Only a referral waiting for an answer can be accepted", ct);
        if (referral is null)
        {
            return answer!;
        }
        var now = Answer(referral, ReferralStatus.Accepted);
        var timescales = (await configuration.CurrentAsync<ReferralTimescales>(ReferralTimescales.Key, ct)).Value;
        referral.FeedbackDueAt = WorkingDays.EnglandAndWales.DueAfter(now, timescales.FeedbackWorkingDays);
        return await SavedAsync("referral.accept", id, referral, ct);
    }

    /// <summary>The receiver cannot take the referral on, and says why; the referrer is told.</summary>
    public async Task<Outcome<Referral>> DeclineAsync(long id, ReferralReasonRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var reason = v.Required("reason", request.Reason, "why you are declining the referral", 1000);
        var (referral, answer) = await ForReceiverAsync(id, request.Version, ReferralStatus.Sent, "Only a referral waiting for an answer can be declined", ct, v);
        if (referral is null)
        {
            return answer!;
        }
        Answer(referral, ReferralStatus.Declined);
        referral.DeclineReason = reason;
        await TellReferrerAsync(referral, ct);
        return await SavedAsync("referral.decline", id, referral, ct);
    }

    /// <summary>A contact or visit the receiver made while working the referral.</summary>
    public async Task<Outcome<ReferralContact>> RecordContactAsync(long id, ReferralContactRequest request, CancellationToken ct)
    {
        if (!await Receiving.AnyAsync(r => r.Id == id, ct))
        {
            return Outcome<ReferralContact>.NotFound;
        }
        var v = new Validation();
        var referral = await db.Referrals.AsNoTracking().FirstAsync(r => r.Id == id, ct);
        var now = time.GetUtcNow();
        if (referral.Status != ReferralStatus.Accepted)
        {
            v.Add("status", "Contacts are recorded on a referral you have accepted and not yet given feedback on");
        }
        if (request.ContactedOn is not { } on)
        {
            v.Add("contactedOn", "Enter the date of the contact");
        }
        else if (on > ForceClock.DayOf(now))
        {
            v.Add("contactedOn", "The date of the contact must be today or in the past");
        }
        var summary = v.Required("summary", request.Summary, "what happened", 1000);
        if (!v.IsValid)
        {
            return Outcome<ReferralContact>.Invalid(v.Errors);
        }
        var contact = new ReferralContact { ReferralId = id, ContactedOn = request.ContactedOn!.Value, Summary = summary!, RecordedAt = now, RecordedBy = user.Name };
        db.ReferralContacts.Add(contact);
        return await SavedAsync("referral.contact", id, contact, ct);
    }

    /// <summary>The receiver tells the referrer what was done: by e-mail, with the incident reference only.</summary>
    public async Task<Outcome<Referral>> FeedbackAsync(long id, ReferralFeedbackRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var feedback = v.Required("feedback", request.Feedback, "feedback for the referrer", 2000);
        var (referral, answer) = await ForReceiverAsync(id, request.Version, ReferralStatus.Accepted, "Feedback is given on a referral you have accepted", ct, v);
        if (referral is null)
        {
            return answer!;
        }
        referral.Status = ReferralStatus.FeedbackGiven;
        referral.Feedback = feedback;
        referral.FeedbackAt = time.GetUtcNow();
        referral.FeedbackBy = user.Name;
        await TellReferrerAsync(referral, ct);
        return await SavedAsync("referral.feedback", id, referral, ct, details: referral.Status.ToString());
    }

    /// <summary>The receiver's work on the referral is finished.</summary>
    public async Task<Outcome<Referral>> CloseAsync(long id, int? version, CancellationToken ct)
    {
        var (referral, answer) = await ForReceiverAsync(id, version, ReferralStatus.FeedbackGiven, "Give the referrer feedback before closing the referral", ct);
        if (referral is null)
        {
            return answer!;
        }
        referral.Status = ReferralStatus.Closed;
        referral.ClosedAt = time.GetUtcNow();
        return await SavedAsync("referral.close", id, referral, ct);
    }

    private async Task TellReferrerAsync(Referral referral, CancellationToken ct)
    {
        if (referral.ReferrerEmail is { } to)
        {
            var reference = await db.Incidents.Where(i => i.Id == referral.IncidentId).Select(i => i.Reference).FirstAsync(ct);
            outbox.Enqueue(MessageChannel.Email, to, $"Referral feedback: {reference}",
                $"Your {Labels.Of(referral.Kind)} referral for {reference} is now {Labels.Of(referral.Status).ToLowerInvariant()}. Read the answer in SafetyNet.",
                "referral-feedback", reference);
        }
    }
}
