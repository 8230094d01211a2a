using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Asb;

/// <summary>The community focus desk and multi-agency ASB cases: <c>/api/v1/asb/desk</c> and <c>/api/v1/asb/cases</c>.</summary>
public static class AsbApi
{
    public static IHostApplicationBuilder AddAsb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<IDeskRouting, VictimHistoryDeskRouting>();
        builder.Services.AddScoped<CommunityFocusDesk>();
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddScoped<AsbVolumeSeeder>();
        builder.Services.AddScoped<CommunityTrigger>();
        builder.Services.AddScoped<CommunityPriorities>();
        builder.Services.AddScoped<IStartupSeeder, AsbSeeder>();
        return builder;
    }

    public static WebApplication MapAsb(this WebApplication app)
    {
        var asb = app.MapGroup("/api/v1/asb").RequireAuthorization(AccountsSetup.ApiPolicy);

        var desk = asb.MapGroup("/desk").RequireAuthorization(Entitlements.Desk).WithTags("Community focus desk");
        desk.MapGet("", DeskQueueAsync)
            .WithName("listDeskQueue").WithSummary("List the community focus desk's queue");
        desk.MapGet("/{incidentId:long}", DeskReadAsync)
            .WithName("getDeskReview").WithSummary("Read an incident's desk review");
        desk.MapPost("/{incidentId:long}/review", DeskReviewAsync)
            .WithName("reviewDeskIncident").WithSummary("Record the desk's review of an incident").ProducesProblem(StatusCodes.Status409Conflict);

        var cases = asb.MapGroup("/cases").RequireAuthorization(Entitlements.Partnership).WithTags("ASB cases");
        cases.MapGet("", SearchAsync)
            .WithName("searchCases").WithSummary("Search ASB cases");
        cases.MapGet("/export", ExportAsync)
            .WithName("exportCases").WithSummary("Export the cases a search finds as CSV").Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");
        cases.MapPost("", CreateAsync)
            .WithName("openCase").WithSummary("Open an ASB case");
        cases.MapGet("/{id:long}", ReadAsync)
            .WithName("getCase").WithSummary("Read an ASB case");
        cases.MapPatch("/{id:long}", (long id, UpdateCaseRequest r, CaseWork w, CancellationToken ct) => Respond(w.UpdateAsync(id, r, ct)))
            .WithName("updateCase").WithSummary("Change a case's details").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/{id:long}/chronology", ChronologyAsync)
            .WithName("getCaseChronology").WithSummary("Read a case's chronology");
        cases.MapGet("/{id:long}/suggestions", SuggestionsAsync).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("suggestCaseIncidents").WithSummary("Suggest incidents to link to a case");
        cases.MapPost("/{id:long}/parties", (long id, CasePartyRequest r, CaseWork w, CancellationToken ct) => Respond(w.AddPartyAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("addCaseParty").WithSummary("Add a party to a case");
        cases.MapPost("/{id:long}/incidents", (long id, LinkIncidentRequest r, CaseWork w, CancellationToken ct) => Respond(w.LinkIncidentAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("linkCaseIncident").WithSummary("Link an incident to a case");
        cases.MapPost("/{id:long}/shares", (long id, ShareRequest r, CaseWork w, CancellationToken ct) => Respond(w.ShareAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("shareCase").WithSummary("Share a case with a partner agency");
        cases.MapDelete("/{id:long}/shares/{shareId:long}", (long id, long shareId, CaseWork w, CancellationToken ct) => Respond(w.WithdrawShareAsync(id, shareId, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("withdrawCaseShare").WithSummary("Withdraw a case's share with a partner agency");
        cases.MapPost("/{id:long}/actions", (long id, CaseActionRequest r, CaseWork w, CancellationToken ct) => Respond(w.AddActionAsync(id, r, ct), created: true))
            .WithName("addCaseAction").WithSummary("Add an action to a case's plan");
        cases.MapPatch("/{id:long}/actions/{actionId:long}", (long id, long actionId, UpdateActionRequest r, CaseWork w, CancellationToken ct) => Respond(w.UpdateActionAsync(id, actionId, r, ct)))
            .WithName("updateCaseAction").WithSummary("Change an action on a case's plan").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:long}/contacts", (long id, ContactRequest r, CaseWork w, CancellationToken ct) => Respond(w.AddContactAsync(id, r, ct), created: true))
            .WithName("recordCaseContact").WithSummary("Record a contact on a case");
        cases.MapPost("/{id:long}/reviews", (long id, CaseReviewRequest r, CaseWork w, CancellationToken ct) => Respond(w.ReviewAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("reviewCase").WithSummary("Record a review of a case");
        cases.MapPost("/{id:long}/close", (long id, CloseCaseRequest r, CaseWork w, CancellationToken ct) => Respond(w.CloseAsync(id, r, ct)))
            .WithName("closeCase").WithSummary("Close a case").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:long}/reopen", (long id, ReopenCaseRequest r, CaseWork w, CancellationToken ct) => Respond(w.ReopenAsync(id, r, ct)))
            .WithName("reopenCase").WithSummary("Reopen a closed case").ProducesProblem(StatusCodes.Status409Conflict);
        asb.MapGet("/actions/mine", async (CaseWork w, CancellationToken ct) => TypedResults.Ok(await w.MyActionsAsync(ct)))
            .RequireAuthorization(Entitlements.Partnership).WithTags("ASB cases")
            .WithName("listMyCaseActions").WithSummary("List the open case actions owned by the caller or the caller's agency");

        var agreements = asb.MapGroup("/sharing-agreements").WithTags("Information sharing");
        agreements.MapGet("", AgreementsAsync).RequireAuthorization(Entitlements.SharingAgreements)
            .WithName("listSharingAgreements").WithSummary("List information-sharing agreements");
        agreements.MapPost("", CreateAgreementAsync).RequireAuthorization(Entitlements.Administration)
            .WithName("createSharingAgreement").WithSummary("Record an information-sharing agreement with a partner agency");
        app.MapCommunityTrigger();
        app.MapCaseRecords();
        app.MapMeetings();
        app.MapProblems();
        app.MapCommunityPriorities();
        return app;
    }

    private static async Task<Results<Ok<T>, Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> Respond<T>(Task<Outcome<T>> work, bool created = false) =>
        (await work).ToHttp(created);

    private static async Task<Results<Ok<PagedList<DeskQueueItem>>, ValidationProblem>> DeskQueueAsync(
        CommunityFocusDesk desk, bool? overdueOnly, bool? reviewed, string? reason, string? district, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (reason is not null)
        {
            v.Enum<DeskRouteReason>("reason", reason, "the reason");
        }
        if (sort is not null && sort is not ("due" or "-due" or "reported" or "-reported"))
        {
            v.Add("sort", "sort is one of: due, -due, reported, -reported");
        }
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await desk.QueueAsync(new CommunityFocusDesk.QueueFilter(overdueOnly == true, reviewed == true, reason, district, sort), paging, ct));
    }

    private static async Task<Results<Ok<DeskReviewResponse>, NotFound, ValidationProblem>> DeskReadAsync(
        long incidentId, HttpContext context, CommunityFocusDesk desk, CancellationToken ct)
    {
        var read = await desk.ReadAsync(incidentId, Purpose.From(context), null, ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value!),
        };
    }

    /// <summary>
    /// Saves the desk's review and answers the review as it now stands; a sensitive incident needs the purpose before
    /// anything is saved, and the answer is read for it.
    /// </summary>
    private static async Task<Results<Ok<DeskReviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DeskReviewAsync(
        long incidentId, DeskReviewRequest request, HttpContext context, CommunityFocusDesk desk, CancellationToken ct)
    {
        var purpose = Purpose.From(context);
        var (outcome, errors, version) = await desk.ReviewAsync(incidentId, request, purpose, ct);
        switch (outcome)
        {
            case DeskOutcome.NotFound:
                return TypedResults.NotFound();
            case DeskOutcome.PurposeRequired:
                return TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required");
            case DeskOutcome.Invalid:
                return TypedResults.ValidationProblem(errors, title: "The review was not saved");
            case DeskOutcome.Stale:
                return TypedResults.Problem(OutcomeHttp.Stale(version));
        }
        var read = await desk.ReadAsync(incidentId, purpose, "reviewed", ct);
        return read.Allowed ? TypedResults.Ok(read.Value!) : TypedResults.NotFound();
    }

    /// <summary>The cases a search finds, as CSV for a caseworker's own reporting: only what they may see, at most 10,000 rows.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(
        CaseWork work, CaseAccess access, string? q, string? status, string? risk, string? district, bool? reviewOverdue, CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        v.MaxLength("q", q, "the search text", 200);
        if (status is not null)
        {
            v.Enum<AsbCaseStatus>("status", status, "the status");
        }
        if (risk is not null && AsbRules.NormaliseLevel(risk) is null)
        {
            v.Add("risk", $"risk is one of: {string.Join(", ", AsbRules.RiskLevels)}");
        }
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var rows = await work.ExportAsync(q, status, risk, district, reviewOverdue == true, 10_000, ct);
        var csv = new System.Text.StringBuilder("reference,title,category,status,risk_level,district,lead_agency,opened_at,next_review_due_at,review_overdue,trigger_flagged\r\n");
        foreach (var c in rows)
        {
            string[] fields =
            [
                c.Reference, c.Title, c.Category, c.Status, c.RiskLevel ?? "", c.District ?? "", c.LeadAgency,
                c.OpenedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                c.NextReviewDueAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "",
                c.ReviewOverdue ? "true" : "false", c.TriggerFlagged ? "true" : "false",
            ];
            csv.Append(string.Join(',', fields.Select(Insight.PackExport.Field))).Append("\r\n");
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "asb-cases.csv");
    }

    private static async Task<Results<Ok<PagedList<CaseSummary>>, ValidationProblem>> SearchAsync(
        CaseWork work, string? q, string? status, string? risk, string? district, bool? reviewOverdue, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        v.MaxLength("q", q, "the search text", 200);
        if (status is not null)
        {
            v.Enum<AsbCaseStatus>("status", status, "the status");
        }
        if (risk is not null && AsbRules.NormaliseLevel(risk) is null)
        {
            v.Add("risk", $"risk is one of: {string.Join(", ", AsbRules.RiskLevels)}");
        }
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await work.SearchAsync(q, status, risk, district, reviewOverdue == true, paging, ct));
    }

    private static async Task<Results<Created<CaseResponse>, NotFound, ValidationProblem>> CreateAsync(CreateCaseRequest request, CaseWork work, CancellationToken ct)
    {
        var result = await work.CreateAsync(request, ct);
        if (!result.IsDone)
        {
            return result.Kind == OutcomeKind.NotFound ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "The case was not opened");
        }
        var response = (await work.ReadAsync(result.Value!.Id, ct, auditRead: false))!;
        return TypedResults.Created($"/api/v1/asb/cases/{response.Id}", response);
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> ReadAsync(long id, CaseWork work, CancellationToken ct) =>
        await work.ReadAsync(id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ChronologyItem>>, NotFound>> ChronologyAsync(long id, CaseWork work, CancellationToken ct) =>
        await work.ChronologyAsync(id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<IncidentSuggestion>>, NotFound>> SuggestionsAsync(long id, CaseWork work, CancellationToken ct) =>
        await work.SuggestionsAsync(id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

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
