using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

public sealed record AgreementResponse(long Id, AgencyRef Agency, string Title, IReadOnlyList<string> Categories, DateOnly StartsOn, DateOnly? EndsOn,
    bool Current, int Version);

public sealed record AgreementRequest(int? AgencyId, string? Title, List<string>? Categories, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record EndAgreementRequest(DateOnly? EndsOn, int? Version);

/// <summary>
/// Information sharing agreements: which categories of case data each partner agency may see on a case shared with
/// it. Force staff and administrators read every agreement, a partner its own agency's; only an administrator records
/// or ends one. Page and API both come here.
/// </summary>
public sealed class SharingAgreementRegister(AppDb db, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public async Task<List<AgreementResponse>> ListAsync(CancellationToken ct)
    {
        var query = db.SharingAgreements.AsNoTracking();
        if (!user.IsForce)
        {
            query = query.Where(a => a.AgencyId == user.AgencyId);
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var rows = await query.OrderBy(a => a.AgencyId).ThenBy(a => a.Id).ToListAsync(ct);
        var today = ForceClock.DayOf(time.GetUtcNow());
        return rows.Select(a => Answer(a, agencies[a.AgencyId], today)).ToList();
    }

    public async Task<Outcome<AgreementResponse>> CreateAsync(AgreementRequest request, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrator))
        {
            return Outcome<AgreementResponse>.NotFound;
        }
        var v = new Validation();
        var agency = request.AgencyId is { } id ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == id && a.Kind != AgencyKind.Force, ct) : null;
        if (agency is null)
        {
            v.Add("agencyId", "Select the partner agency");
        }
        var title = v.Required("title", request.Title, "the agreement's title", 200);
        var categories = (request.Categories ?? []).Select(c => c.Trim().ToLowerInvariant()).Distinct().ToList();
        if (categories.Count == 0)
        {
            v.Add("categories", "Select the categories of data the agency may see");
        }
        foreach (var unknown in categories.Where(c => !DataCategories.All.Contains(c)))
        {
            v.Add("categories", $"'{unknown}' is not a category: use {string.Join(", ", DataCategories.All)}");
        }
        if (request.StartsOn is null)
        {
            v.Add("startsOn", "Enter the date the agreement starts");
        }
        if (request.EndsOn is { } ends && request.StartsOn is { } starts && ends < starts)
        {
            v.Add("endsOn", "The date the agreement ends must be on or after the date it starts");
        }
        if (!v.IsValid)
        {
            return Outcome<AgreementResponse>.Invalid(v.Errors);
        }
        var agreement = new SharingAgreement
        {
            AgencyId = agency!.Id, Title = title!, Categories = string.Join(',', categories), StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.SharingAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        audit.Add("sharing-agreement.create", "sharing-agreement", agreement.Id.ToString(CultureInfo.InvariantCulture), details: $"agency {agency.Id}: {agreement.Categories}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(Answer(agreement, new AgencyRef(agency.Id, agency.Name), ForceClock.DayOf(time.GetUtcNow())));
    }

    /// <summary>
    /// Ends an agreement on a date (today when none is given): from the day after, the agency sees nothing more of the
    /// cases shared under it. An agreement cannot end before it started or be ended twice.
    /// </summary>
    public async Task<Outcome<AgreementResponse>> EndAsync(long id, EndAgreementRequest request, CancellationToken ct)
    {
        var agreement = user.IsInRole(Roles.Administrator) ? await db.SharingAgreements.FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (agreement is null)
        {
            return Outcome<AgreementResponse>.NotFound;
        }
        if (db.Unchanged<AgreementResponse, SharingAgreement>(agreement, request.Version) is { } refused)
        {
            return refused;
        }
        var today = ForceClock.DayOf(time.GetUtcNow());
        var ends = request.EndsOn ?? today;
        if (agreement.EndsOn is { } ended && ended <= today)
        {
            return Outcome<AgreementResponse>.Invalid("endsOn", $"This agreement already ends on {ended:d MMMM yyyy}");
        }
        if (ends < agreement.StartsOn)
        {
            return Outcome<AgreementResponse>.Invalid("endsOn", "The date the agreement ends must be on or after the date it starts");
        }
        agreement.EndsOn = ends;
        audit.Add("sharing-agreement.end", "sharing-agreement", id.ToString(CultureInfo.InvariantCulture), details: $"agency {agreement.AgencyId} ends {ends:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agreement.AgencyId, ct);
        return Outcome.Done(Answer(agreement, new AgencyRef(agency.Id, agency.Name), today));
    }

    private static AgreementResponse Answer(SharingAgreement a, AgencyRef agency, DateOnly today) =>
        new(a.Id, agency, a.Title, [.. a.CategorySet.Order()], a.StartsOn, a.EndsOn, a.StartsOn <= today && (a.EndsOn is null || a.EndsOn >= today), a.Version);
}

/// <summary>Information sharing agreements in the API, <c>/api/v1/asb/sharing-agreements</c>.</summary>
public static class SharingAgreementsApi
{
    public static WebApplication MapSharingAgreements(this WebApplication app)
    {
        var agreements = app.MapGroup("/api/v1/asb/sharing-agreements").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Information sharing");
        agreements.MapGet("", async (SharingAgreementRegister register, CancellationToken ct) => TypedResults.Ok(await register.ListAsync(ct)))
            .RequireAuthorization(Entitlements.SharingAgreements)
            .WithName("listSharingAgreements").WithSummary("List information-sharing agreements");
        agreements.MapPost("", async (AgreementRequest request, SharingAgreementRegister register, CancellationToken ct) =>
                (await register.CreateAsync(request, ct)).ToCreated(a => a, a => $"/api/v1/asb/sharing-agreements/{a.Id}", "The agreement was not recorded"))
            .RequireAuthorization(Entitlements.Administration)
            .WithName("createSharingAgreement").WithSummary("Record an information-sharing agreement with a partner agency");
        agreements.MapPost("/{id:long}/end", async (long id, EndAgreementRequest request, SharingAgreementRegister register, CancellationToken ct) =>
                (await register.EndAsync(id, request, ct)).ToOk("The agreement was not ended"))
            .RequireAuthorization(Entitlements.Administration)
            .WithName("endSharingAgreement").WithSummary("End an information-sharing agreement on a date (today when none is given)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
