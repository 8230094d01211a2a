using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>
/// Information sharing agreements, <c>/api/v1/asb/sharing-agreements</c>: which categories of case data each partner
/// agency may see on a case shared with it.
/// </summary>
public static class SharingAgreementsApi
{
    public static WebApplication MapSharingAgreements(this WebApplication app)
    {
        var agreements = app.MapGroup("/api/v1/asb/sharing-agreements").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Information sharing");
        agreements.MapGet("", AgreementsAsync).RequireAuthorization(Entitlements.SharingAgreements)
            .WithName("listSharingAgreements").WithSummary("List information-sharing agreements");
        agreements.MapPost("", CreateAgreementAsync).RequireAuthorization(Entitlements.Administration)
            .WithName("createSharingAgreement").WithSummary("Record an information-sharing agreement with a partner agency");
        return app;
    }

    public sealed record AgreementResponse(long Id, AgencyRef Agency, string Title, IReadOnlyList<string> Categories, DateOnly StartsOn, DateOnly? EndsOn, int Version);

    public sealed record AgreementRequest(int? AgencyId, string? Title, List<string>? Categories, DateOnly? StartsOn, DateOnly? EndsOn);

    /// <summary>Force staff and administrators see every agreement; a partner sees its own agency's.</summary>
    private static async Task<Ok<List<AgreementResponse>>> AgreementsAsync(AppDb db, CurrentUser user, CancellationToken ct)
    {
        var query = db.SharingAgreements.AsNoTracking();
        if (!user.IsForce)
        {
            query = query.Where(a => a.AgencyId == user.AgencyId);
        }
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => new AgencyRef(a.Id, a.Name), ct);
        var rows = await query.OrderBy(a => a.AgencyId).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(a => new AgreementResponse(a.Id, agencies[a.AgencyId], a.Title, [.. a.CategorySet.Order()], a.StartsOn, a.EndsOn, a.Version)).ToList());
    }

    private static async Task<Results<Created<AgreementResponse>, ValidationProblem>> CreateAgreementAsync(
        AgreementRequest request, AppDb db, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
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
            v.Add("categories", $"Select the categories of data the agency may see: {string.Join(", ", DataCategories.All)}");
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
            v.Add("endsOn", "The agreement must end after it starts");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var agreement = new SharingAgreement
        {
            AgencyId = agency!.Id, Title = title!, Categories = string.Join(',', categories), StartsOn = request.StartsOn!.Value, EndsOn = request.EndsOn,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.SharingAgreements.Add(agreement);
        audit.Add("sharing-agreement.create", "agency", agency.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: agreement.Categories);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/sharing-agreements/{agreement.Id}",
            new AgreementResponse(agreement.Id, new AgencyRef(agency.Id, agency.Name), agreement.Title, [.. agreement.CategorySet.Order()], agreement.StartsOn, agreement.EndsOn, agreement.Version));
    }
}
