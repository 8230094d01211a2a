using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Cases;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Desk;

/// <summary>
/// An incident in the desk's queue. On a sensitive incident the row gives the reference, type, reasons and times but no
/// location (<see cref="LocationText"/> is null): it may be the victim's address, and opening the review asks for the purpose.
/// </summary>
public sealed record DeskQueueItem(
    long IncidentId, string Reference, string TypeCode, string TypeName, string Reasons, string? District, string? LocationText,
    DateTimeOffset ReportedAt, DateTimeOffset DueAt, bool Overdue, DateTimeOffset? ReviewedAt, string? RiskLevel, int Version, bool Sensitive);

/// <summary>An incident listed on a desk review; a sensitive one has no place (<see cref="LocationText"/> null), as in every list.</summary>
public sealed record DeskHistoryItem(long IncidentId, string Reference, string TypeName, DateTimeOffset ReportedAt, string? LocationText, string Role, bool Sensitive);

public sealed record DeskCaseItem(long CaseId, string Reference, string Title, string Status, string RiskLevel);

public sealed record DeskReviewResponse(
    long IncidentId, string Reference, string TypeCode, string TypeName, string Narrative, string LocationText, string? District,
    string? Grade, DateTimeOffset? AttendanceDueAt, bool VulnerablePerson, string Reasons, DateTimeOffset ReportedAt, DateTimeOffset DueAt, bool Overdue,
    IReadOnlyList<AssessmentResponse> Assessments, string? CurrentRiskLevel, IReadOnlyList<PersonResponse> Victims,
    IReadOnlyList<DeskHistoryItem> VictimHistory, IReadOnlyList<DeskHistoryItem> LinkedIncidents, IReadOnlyList<DeskCaseItem> VictimCases,
    DeskDecisionResponse? Decision, int Version);

public sealed record DeskDecisionResponse(
    DateTimeOffset ReviewedAt, string ReviewedBy, string RiskDecision, string? RiskLevel, string? RiskReason, bool? OfficerAttends,
    string? AttendanceReason, string CaseDecision, long? CaseId, int? ReferredToAgencyId, string? ReferralNote, string? Notes);

public sealed record DeskReviewRequest(
    int? Version, string? RiskDecision, string? RiskLevel, string? Reason, bool? OfficerAttends, string? AttendanceReason,
    string? CaseDecision, long? CaseId, int? ReferToAgencyId, string? ReferralNote, string? Notes);

/// <summary>
/// The community focus desk: every ASB incident, and every incident whose victim is repeat or vulnerable, is
/// reviewed within the configured time. The reviewer confirms or reassesses the risk, decides on attendance,
/// opens or links a case and refers.
/// </summary>
public sealed class CommunityFocusDesk(
    AppDb db, Identities people, ForceConfiguration configuration, IDeskRouting routing, CaseAccess access, CaseLifecycle lifecycle, CaseLinks links,
    CaseChronology chronology, TriggerThreshold trigger, CurrentUser user, AuditTrail audit, RecordReads reads, TimeProvider time)
{
    /// <summary>
    /// Puts an incident in the desk's queue when it qualifies. The caller saves. Safe to call again for an incident
    /// already routed (for example after its victim's identity was resolved): it adds nothing twice.
    /// </summary>
    public async Task<DeskReview?> RouteAsync(Incident incident, CancellationToken ct)
    {
        // A new ASB report, or one whose victim has just been recognised, may be the complaint that meets the
        // Community Trigger threshold on a case it was never linked to.
        await trigger.CheckCasesOfAsync(incident.Id, ct);
        if (db.ChangeTracker.Entries<DeskReview>().Any(e => e.Entity.IncidentId == incident.Id)
            || await db.DeskReviews.AnyAsync(r => r.IncidentId == incident.Id, ct))
        {
            return null;
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var reasons = new List<DeskRouteReason>();
        if (IncidentType.Find(incident.TypeCode)?.IsAsb == true)
        {
            reasons.Add(DeskRouteReason.Asb);
        }
        var standing = await routing.VictimStandingAsync(incident, rules.Value, ct);
        if (standing.Repeat)
        {
            reasons.Add(DeskRouteReason.RepeatVictim);
        }
        if (standing.Vulnerable)
        {
            reasons.Add(DeskRouteReason.VulnerableVictim);
        }
        if (reasons.Count == 0)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var review = new DeskReview
        {
            IncidentId = incident.Id,
            Reason = reasons[0],
            Reasons = string.Join(',', reasons),
            District = incident.District,
            ReportedAt = incident.ReportedAt,
            RoutedAt = now,
            DueAt = now.AddHours(rules.Value.DeskReviewHours),
            RulesVersion = rules.Version,
        };
        db.DeskReviews.Add(review);
        return review;
    }

    /// <summary>Routes an incident already saved (after an identity was resolved, or for imported records), and saves.</summary>
    public async Task<bool> RouteAndSaveAsync(long incidentId, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return false;
        }
        var review = await RouteAsync(incident, ct);
        if (review is not null)
        {
            audit.Add("desk.route", "incident", Id(incidentId));
        }
        // Routing may also have flagged a case to the Community Trigger.
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
        return review is not null;
    }

    public sealed record QueueFilter(bool OverdueOnly, bool Reviewed, string? Reason, string? District, string? Sort);

    public async Task<PagedList<DeskQueueItem>> QueueAsync(QueueFilter filter, Paging paging, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (!access.IsDesk)
        {
            return new PagedList<DeskQueueItem>([], paging.Page, paging.PageSize, 0);
        }
        var query = db.DeskReviews.AsNoTracking().Where(r => filter.Reviewed ? r.ReviewedAt != null : r.ReviewedAt == null);
        if (filter.OverdueOnly)
        {
            query = query.Where(r => r.DueAt < now);
        }
        if (Enum.TryParse<DeskRouteReason>(filter.Reason, true, out var reason))
        {
            var text = reason.ToString();
            query = query.Where(r => r.Reasons.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            query = query.Where(r => r.District == filter.District);
        }
        var total = await query.CountAsync(ct);
        query = filter.Sort switch
        {
            // Highest risk first: the desk's own level once reviewed, else the incident's latest assessment; then soonest due.
            "risk" => (from r in query
                       let level = r.RiskLevel ?? db.RiskAssessments.Where(a => a.IncidentId == r.IncidentId).OrderByDescending(a => a.Id).Select(a => a.Level).FirstOrDefault()
                       orderby (level == "High" ? 3 : level == "Medium" ? 2 : level == null ? 0 : 1) descending, r.DueAt, r.Id
                       select r),
            "reported" => query.OrderBy(r => r.ReportedAt).ThenBy(r => r.Id),
            "-reported" => query.OrderByDescending(r => r.ReportedAt).ThenByDescending(r => r.Id),
            "-due" => query.OrderByDescending(r => r.DueAt).ThenByDescending(r => r.Id),
            _ => query.OrderBy(r => r.DueAt).ThenBy(r => r.Id),
        };
        var rows = await query.Skip(paging.Skip).Take(paging.PageSize)
            .Join(db.Incidents, r => r.IncidentId, i => i.Id, (r, i) => new { r, i.Reference, i.TypeCode, i.LocationText, i.Sensitive })
            .ToListAsync(ct);
        var ids = rows.Select(x => x.r.IncidentId).ToList();
        var levels = (await db.RiskAssessments.AsNoTracking().Where(a => ids.Contains(a.IncidentId))
                .Select(a => new { a.IncidentId, a.Id, a.Level }).ToListAsync(ct))
            .GroupBy(a => a.IncidentId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Id)!.Level);
        var items = rows.Select(x => new DeskQueueItem(x.r.IncidentId, x.Reference, x.TypeCode, IncidentType.Find(x.TypeCode)?.Name ?? x.TypeCode,
            x.r.Reasons, x.r.District, x.Sensitive ? null : x.LocationText, x.r.ReportedAt, x.r.DueAt, x.r.ReviewedAt is null && now > x.r.DueAt, x.r.ReviewedAt,
            x.r.RiskLevel ?? levels.GetValueOrDefault(x.r.IncidentId), x.r.Version, x.Sensitive)).ToList();
        // Worked without a purpose for each row, like the attendance queue: one audit event names every incident listed.
        await reads.AuditListAsync(rows.Select(x => new ListedRecord(x.r.IncidentId, x.Sensitive)).ToList(), "desk.queue", "incident", null,
            $"overdue={filter.OverdueOnly} reviewed={filter.Reviewed} reason={filter.Reason} district={filter.District} page={paging.Page}", ct);
        return new PagedList<DeskQueueItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// Reads the desk's review of an incident: not found unless the caller works the desk and the incident was routed
    /// to it, a stated purpose if the incident is sensitive, and the read audited with that purpose before anything is
    /// returned.
    /// </summary>
    public async Task<Read<DeskReviewResponse>> ReadAsync(long incidentId, string? purpose, string? details, CancellationToken ct)
    {
        var review = access.IsDesk ? await db.DeskReviews.AsNoTracking().FirstOrDefaultAsync(r => r.IncidentId == incidentId, ct) : null;
        var incident = review is null ? null : await db.Incidents.Include(i => i.People).AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        var decided = await reads.DecideAsync(review is null ? null : incident?.Sensitive, "desk.read", "incident", incidentId, purpose, details, ct);
        return decided.Allowed ? decided.With(await ComposeAsync(review!, incident!, ct)) : decided.Refused<DeskReviewResponse>();
    }

    private async Task<DeskReviewResponse> ComposeAsync(DeskReview review, Incident incident, CancellationToken ct)
    {
        var incidentId = incident.Id;
        var now = time.GetUtcNow();
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.IncidentId == incidentId).OrderBy(a => a.Id).ToListAsync(ct);
        var identities = await people.VictimIdentitiesAsync(incidentId, ct);
        var history = await (from p in db.IncidentPeople.AsNoTracking()
                             join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                             where p.IdentityId != null && identities.Contains(p.IdentityId.Value) && i.Id != incidentId
                             orderby i.ReportedAt descending
                             select new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, i.LocationText, i.Sensitive, p.Role }).Take(50).ToListAsync(ct);
        var since = incident.ReportedAt.AddDays(-90);
        var samePlace = await db.Incidents.AsNoTracking().AtPlace(incident.LocationKey, incident.District, incident.Uprn)
            .Where(i => i.Id != incidentId && i.ReportedAt >= since && i.ReportedAt <= incident.ReportedAt)
            .OrderByDescending(i => i.ReportedAt).Take(20)
            .Select(i => new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, i.LocationText, i.Sensitive }).ToListAsync(ct);
        var victimCases = await db.AsbCases.AsNoTracking()
            .Where(c => db.CaseParties.Any(p => p.CaseId == c.Id && identities.Contains(p.IdentityId)) || db.CaseIncidents.Any(l => l.CaseId == c.Id && l.IncidentId == incidentId))
            .OrderByDescending(c => c.OpenedAt).Take(20)
            .Select(c => new DeskCaseItem(c.Id, c.Reference, c.Title, c.Status.ToString(), c.RiskLevel)).ToListAsync(ct);
        return new DeskReviewResponse(incident.Id, incident.Reference, incident.TypeCode, IncidentType.Find(incident.TypeCode)?.Name ?? incident.TypeCode,
            incident.Narrative, incident.LocationText, incident.District, incident.GradeCode, incident.AttendanceDueAt, incident.VulnerablePerson,
            review.Reasons, review.ReportedAt, review.DueAt, review.ReviewedAt is null && now > review.DueAt,
            assessments.Select(AssessmentResponse.From).ToList(), assessments.LastOrDefault()?.Level,
            incident.People.Where(p => p.Role == PersonRole.Victim).OrderBy(p => p.Id).Select(PersonResponse.From).ToList(),
            history.Select(h => new DeskHistoryItem(h.Id, h.Reference, IncidentType.Find(h.TypeCode)?.Name ?? h.TypeCode, h.ReportedAt, h.Sensitive ? null : h.LocationText, h.Role.ToString(), h.Sensitive)).ToList(),
            samePlace.Select(h => new DeskHistoryItem(h.Id, h.Reference, IncidentType.Find(h.TypeCode)?.Name ?? h.TypeCode, h.ReportedAt, h.Sensitive ? null : h.LocationText, "Same place", h.Sensitive)).ToList(),
            victimCases,
            review.ReviewedAt is { } at ? new DeskDecisionResponse(at, review.ReviewedBy!, review.RiskDecision!, review.RiskLevel, review.RiskReason,
                review.OfficerAttends, review.AttendanceReason, review.CaseDecision.ToString(), review.CaseId, review.ReferredToAgencyId, review.ReferralNote, review.Notes) : null,
            review.Version);
    }

    /// <summary>
    /// Saves the desk's review. Its answer is the review as it now stands, read through <see cref="ReadAsync"/>: so a
    /// sensitive incident needs the purpose, asked after the 404 and before anything is saved (decision 0081).
    /// </summary>
    public async Task<Outcome<Nothing>> ReviewAsync(long incidentId, DeskReviewRequest request, string? purpose, CancellationToken ct)
    {
        if (!access.IsDesk)
        {
            return Outcome<Nothing>.NotFound;
        }
        var review = await db.DeskReviews.FirstOrDefaultAsync(r => r.IncidentId == incidentId, ct);
        var incident = review is null ? null : await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (review is null || incident is null)
        {
            return Outcome<Nothing>.NotFound;
        }
        if (RecordReads.MayOpen(incident.Sensitive, purpose) == ReadOutcome.PurposeRequired)
        {
            return Outcome<Nothing>.PurposeRequired;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the review you read");
        }
        else if (!db.Matches(review, request.Version.Value))
        {
            return Outcome<Nothing>.Stale(review.Version);
        }
        if (review.ReviewedAt is not null)
        {
            v.Add("riskDecision", "This incident has already been reviewed");
        }
        var now = time.GetUtcNow();
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var latest = await db.RiskAssessments.Where(a => a.IncidentId == incidentId).OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var decision = request.RiskDecision?.Trim().ToLowerInvariant();
        var reason = v.MaxLength("reason", request.Reason, "the reason", 1000);
        string? level = null;
        switch (decision)
        {
            case "confirm":
                level = request.RiskLevel is null ? latest?.Level : AsbRules.NormaliseLevel(request.RiskLevel) ?? latest?.Level;
                if (level is null)
                {
                    v.Add("riskLevel", "There is no risk assessment to confirm: select the risk level");
                }
                else if (latest is not null && !string.Equals(level, latest.Level, StringComparison.OrdinalIgnoreCase))
                {
                    v.Add("riskLevel", $"Confirming keeps the assessed level ({latest.Level}); to change it, reassess with a reason");
                }
                break;
            case "reassess":
                level = AsbRules.NormaliseLevel(request.RiskLevel);
                if (level is null)
                {
                    v.Add("riskLevel", $"Select the risk level: {string.Join(", ", AsbRules.RiskLevels)}");
                }
                if (reason is null)
                {
                    v.Add("reason", "Give the reason for reassessing the risk");
                }
                break;
            default:
                v.Add("riskDecision", "Select whether you confirm or reassess the risk");
                break;
        }
        var attendanceReason = v.MaxLength("attendanceReason", request.AttendanceReason, "the attendance reason", 1000);
        var attendanceOpen = incident.AttendanceDueAt is null && incident.ArrivedAt is null;
        if (attendanceOpen && request.OfficerAttends is null)
        {
            v.Add("officerAttends", "Decide whether an officer attends");
        }
        if (request.OfficerAttends == true && attendanceOpen && attendanceReason is null)
        {
            v.Add("attendanceReason", "Give the vulnerability that means an officer attends");
        }
        var caseDecision = v.Enum<DeskCaseDecision>("caseDecision", request.CaseDecision ?? "None", "the case decision");
        AsbCase? linked = null;
        if (caseDecision == DeskCaseDecision.Link)
        {
            linked = request.CaseId is { } caseId ? await access.Visible(db.AsbCases).FirstOrDefaultAsync(c => c.Id == caseId, ct) : null;
            if (linked is null)
            {
                v.Add("caseId", "Select the case to link the incident to");
            }
        }
        var referralNote = v.MaxLength("referralNote", request.ReferralNote, "the referral note", 1000);
        if (request.ReferToAgencyId is { } agencyId)
        {
            if (!await db.Agencies.AnyAsync(a => a.Id == agencyId && a.Kind != AgencyKind.Force, ct))
            {
                v.Add("referToAgencyId", "Select a partner agency to refer to");
            }
            if (referralNote is null)
            {
                v.Add("referralNote", "Say what the referral asks the agency to do");
            }
        }
        var notes = v.MaxLength("notes", request.Notes, "the notes", 4000);
        if (!v.IsValid)
        {
            return Outcome<Nothing>.Invalid(v.Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        review.ReviewedAt = now;
        review.ReviewedBy = user.Name;
        review.RiskDecision = decision == "confirm" ? "Confirmed" : "Reassessed";
        review.RiskLevel = level;
        review.RiskReason = reason;
        review.OfficerAttends = request.OfficerAttends;
        review.AttendanceReason = attendanceReason;
        review.CaseDecision = caseDecision!.Value;
        review.ReferredToAgencyId = request.ReferToAgencyId;
        review.ReferralNote = referralNote;
        review.Notes = notes;
        if (decision == "reassess" && latest is not null)
        {
            var reassessment = new RiskAssessment
            {
                IncidentId = incidentId,
                PersonId = latest.PersonId,
                InstrumentCode = latest.InstrumentCode,
                InstrumentVersion = latest.InstrumentVersion,
                AnswersJson = latest.AnswersJson,
                Score = latest.Score,
                ComputedLevel = latest.ComputedLevel,
                Level = level!,
                OverrideReason = reason,
                IsReassessment = true,
                SupersedesId = latest.Id,
                CreatedAt = now,
                CreatedBy = user.Name,
            };
            db.RiskAssessments.Add(reassessment);
            audit.Add("assessment.reassess", "incident", Id(incidentId), details: $"{latest.InstrumentCode} {latest.Level} → {level} at desk review");
        }
        if (request.OfficerAttends == true && attendanceOpen)
        {
            incident.AttendanceDueAt = now.AddHours(rules.Value.DeskAttendanceHours);
        }
        await db.SaveChangesAsync(ct);
        if (caseDecision == DeskCaseDecision.Open)
        {
            var opened = await lifecycle.OpenFromIncidentAsync(incident, level ?? "Low", ct);
            review.CaseId = opened.Id;
        }
        else if (linked is not null)
        {
            await links.LinkIncidentAsync(linked, incident.Id, ct);
            review.CaseId = linked.Id;
        }
        if (request.ReferToAgencyId is { } referredTo)
        {
            // The referral reaches the agency's caseworkers in their referrals list, with a due date, and they
            // answer it there; sharing ASB information with a relevant authority rests on section 115.
            var victim = await db.IncidentPeople.Where(p => p.IncidentId == incidentId && p.Role == PersonRole.Victim).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            db.Referrals.Add(new Referral
            {
                IncidentId = incidentId, PersonId = victim, Kind = ReferralKind.Partner, ToAgencyId = referredTo, Status = ReferralStatus.Sent,
                SentAt = now, DueAt = WorkingDays.EnglandAndWales.DueAfter(now, 2), Reason = referralNote!,
                LawfulBasis = "Crime and Disorder Act 1998, section 115", CreatedAt = now, CreatedBy = user.Name,
                ReferrerEmail = user.Id is { } userId ? await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct) : null,
            });
            audit.Add("referral.create", "incident", Id(incidentId), details: $"Partner to agency {referredTo} at desk review");
        }
        if (review.CaseId is { } reviewedCase)
        {
            chronology.AddEntry(reviewedCase, "desk-review",
                $"Desk review of {incident.Reference}: risk {review.RiskDecision!.ToLowerInvariant()} as {level}{(reason is null ? "" : $" ({reason})")}" +
                (request.OfficerAttends == true ? "; an officer attends" : "") + (request.ReferToAgencyId is null ? "" : "; referred to a partner"), policeOnly: incident.Sensitive);
        }
        audit.Add("desk.review", "incident", Id(incidentId), RecordReads.Valid(purpose),
            details: $"{review.RiskDecision} {level}; attends={request.OfficerAttends}; case={caseDecision} {review.CaseId}; referred={request.ReferToAgencyId}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Done();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
