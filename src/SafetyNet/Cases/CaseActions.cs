using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>A case's action plan: actions owned by a person or an agency, their outcomes, and the open actions a user owns.</summary>
public sealed class CaseActions(AppDb db, CaseAccess access, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<Outcome<CaseActionResponse>> AddActionAsync(long id, CaseActionRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null)
        {
            return Outcome<CaseActionResponse>.NotFound;
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Actions))
        {
            v.Add("title", "Your agency's sharing agreement does not include the action plan");
        }
        var title = v.Required("title", request.Title, "what is to be done", 500);
        string? ownerName = null;
        if (request.OwnerUserId is not null)
        {
            var owner = await db.Users.Where(u => u.Id == request.OwnerUserId).Select(u => new { u.DisplayName, u.AgencyId }).FirstOrDefaultAsync(ct);
            ownerName = owner?.DisplayName;
            var ownerAgency = owner?.AgencyId is { } ownerAgencyId ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == ownerAgencyId, ct) : null;
            if (owner is null || ownerAgency is null)
            {
                v.Add("ownerUserId", "Select the person who owns the action");
            }
            else if (await access.WhyAgencyCannotSeeAsync(c, ownerAgency, ct) is { } refusal)
            {
                // An action its owner cannot open would sit unseen on their list: refuse it and say why.
                v.Add("ownerUserId", $"{owner.DisplayName} cannot own this action. {refusal.Reason}");
            }
        }
        if (request.OwnerAgencyId is { } agencyId)
        {
            var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
            if (agency is null)
            {
                v.Add("ownerAgencyId", "Select the agency that owns the action");
            }
            else if (await access.WhyAgencyCannotSeeAsync(c, agency, ct) is { } refusal)
            {
                v.Add("ownerAgencyId", refusal.Reason);
            }
        }
        if (request.OwnerUserId is null && request.OwnerAgencyId is null)
        {
            v.Add("ownerUserId", "Give the action an owner: a person or an agency");
        }
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter the date the action is due");
        }
        else if (request.DueAt < time.GetUtcNow().AddDays(-1))
        {
            v.Add("dueAt", "The due date must not be in the past");
        }
        if (c.Status == AsbCaseStatus.Closed)
        {
            v.Add("title", "Reopen the case before adding actions");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseActionResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        var action = new CaseAction
        {
            CaseId = id, Title = title!, OwnerUserId = request.OwnerUserId, OwnerName = ownerName, OwnerAgencyId = request.OwnerAgencyId,
            DueAt = request.DueAt!.Value, Status = CaseActionStatus.Open, CreatedAt = now, CreatedBy = user.Name,
        };
        db.CaseActions.Add(action);
        chronology.AddEntry(id, "action", $"Action: {title} (due {ForceClock.Format(action.DueAt)}, {ownerName ?? "agency"})");
        audit.Add("case.action.add", "case", Id(id));
        await db.SaveChangesAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        return Outcome<CaseActionResponse>.Done(ToResponse(action, agencies, now));
    }

    public async Task<Outcome<CaseActionResponse>> UpdateActionAsync(long id, long actionId, UpdateActionRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        var action = c is null ? null : await db.CaseActions.FirstOrDefaultAsync(a => a.Id == actionId && a.CaseId == id, ct);
        if (c is null || view is null || action is null || !view.Can(DataCategories.Actions))
        {
            return Outcome<CaseActionResponse>.NotFound;
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the action you read");
        }
        else if (!db.Matches(action, request.Version.Value))
        {
            return Outcome<CaseActionResponse>.Stale(action.Version);
        }
        var status = v.Enum<CaseActionStatus>("status", request.Status, "the status", required: false);
        var outcome = v.MaxLength("outcome", request.Outcome, "the outcome", 2000);
        if (status is CaseActionStatus.Done or CaseActionStatus.Cancelled && outcome is null)
        {
            v.Add("outcome", "Record the outcome of the action");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseActionResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        if (status is { } newStatus && newStatus != action.Status)
        {
            action.Status = newStatus;
            action.CompletedAt = newStatus == CaseActionStatus.Open ? null : now;
            chronology.AddEntry(id, "action", $"Action {newStatus.ToString().ToLowerInvariant()}: {action.Title}{(outcome is null ? "" : $" – {outcome}")}");
        }
        if (outcome is not null)
        {
            action.Outcome = outcome;
        }
        if (request.DueAt is { } due && due != action.DueAt)
        {
            chronology.AddEntry(id, "action", $"Action re-dated to {ForceClock.Format(due)}: {action.Title}");
            action.DueAt = due;
        }
        audit.Add("case.action.update", "case", Id(id), details: $"action {actionId} {action.Status}");
        await db.SaveChangesAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        return Outcome<CaseActionResponse>.Done(ToResponse(action, agencies, now));
    }

    /// <summary>The open actions the user owns, personally or through their agency, on cases they may see.</summary>
    public async Task<IReadOnlyList<CaseActionResponse>> MyActionsAsync(CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return [];
        }
        var me = user.Id;
        var agency = user.AgencyId;
        var visible = access.Visible(db.AsbCases).Select(c => c.Id);
        var rows = await db.CaseActions.AsNoTracking()
            .Where(a => a.Status == CaseActionStatus.Open && (a.OwnerUserId == me || (a.OwnerUserId == null && a.OwnerAgencyId == agency)) && visible.Contains(a.CaseId))
            .OrderBy(a => a.DueAt).ThenBy(a => a.Id).Take(200).ToListAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var now = time.GetUtcNow();
        return rows.Select(a => ToResponse(a, agencies, now)).ToList();
    }

    public static CaseActionResponse ToResponse(CaseAction a, IReadOnlyDictionary<int, AgencyRef> agencies, DateTimeOffset now) =>
        new(a.Id, a.CaseId, a.Title, a.OwnerUserId, a.OwnerName, a.OwnerAgencyId is { } ag && agencies.TryGetValue(ag, out var agency) ? agency : null,
            a.DueAt, a.Status.ToString(), a.Status == CaseActionStatus.Open && now > a.DueAt, a.Outcome, a.CompletedAt, a.Version);
}
