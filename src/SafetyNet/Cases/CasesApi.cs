using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>Multi-agency ASB cases: <c>/api/v1/asb/cases</c>, and the actions a caseworker owns, <c>/api/v1/asb/actions/mine</c>.</summary>
public static class CasesApi
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddScoped<CaseChronology>();
        builder.Services.AddScoped<CaseReading>();
        builder.Services.AddScoped<CaseLifecycle>();
        builder.Services.AddScoped<CaseLinks>();
        builder.Services.AddScoped<CaseSharing>();
        builder.Services.AddScoped<SharingAgreementRegister>();
        builder.Services.AddScoped<CaseActions>();
        builder.Services.AddScoped<PowerRegister>();
        builder.Services.AddScoped<CaseDocuments>();
        // How soon a power's end is a reminder, and what a case accepts as a document: tuned in one place, the Cases section.
        builder.Services.Configure<CaseWorkOptions>(builder.Configuration.GetSection(CaseWorkOptions.Section));
        builder.Services.AddScoped<AsbVolumeSeeder>();
        builder.Services.AddScoped<IStartupSeeder, AsbSeeder>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        var asb = app.MapGroup("/api/v1/asb").RequireAuthorization(AccountsSetup.ApiPolicy);

        var cases = asb.MapGroup("/cases").RequireAuthorization(Entitlements.Partnership).WithTags("ASB cases");
        cases.MapGet("", SearchAsync)
            .WithName("searchCases").WithSummary("Search ASB cases");
        cases.MapGet("/export", ExportAsync)
            .WithName("exportCases").WithSummary("Export the cases a search finds as CSV").Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");
        cases.MapPost("", CreateAsync)
            .WithName("openCase").WithSummary("Open an ASB case");
        cases.MapGet("/{id:long}", ReadAsync)
            .WithName("getCase").WithSummary("Read an ASB case");
        cases.MapPatch("/{id:long}", (long id, UpdateCaseRequest r, CaseLifecycle w, CancellationToken ct) => Changed(w.UpdateAsync(id, r, ct)))
            .WithName("updateCase").WithSummary("Change a case's details").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapGet("/{id:long}/chronology", ChronologyAsync)
            .WithName("getCaseChronology").WithSummary("Read a case's chronology");
        cases.MapGet("/{id:long}/suggestions", SuggestionsAsync).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("suggestCaseIncidents").WithSummary("Suggest incidents to link to a case");
        cases.MapPost("/{id:long}/parties", (long id, CasePartyRequest r, CaseLinks w, CancellationToken ct) => Changed(w.AddPartyAsync(id, r, ct)))
            .WithName("addCaseParty").WithSummary("Add a party to a case: a person known to SafetyNet (the police only) or someone new");
        cases.MapPatch("/{id:long}/parties/{partyId:long}", (long id, long partyId, ChangePartyRoleRequest r, CaseLinks w, CancellationToken ct) => Changed(w.ChangePartyRoleAsync(id, partyId, r, ct)))
            .WithName("changeCasePartyRole").WithSummary("Change a party's role on a case");
        cases.MapPost("/{id:long}/parties/{partyId:long}/removal", (long id, long partyId, RemovePartyRequest r, CaseLinks w, CancellationToken ct) => Changed(w.RemovePartyAsync(id, partyId, r, ct)))
            .WithName("removeCaseParty").WithSummary("Take a party off a case, giving the reason the chronology keeps");
        cases.MapPost("/{id:long}/incidents", (long id, LinkIncidentRequest r, CaseLinks w, CancellationToken ct) => Changed(w.LinkIncidentAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("linkCaseIncident").WithSummary("Link an incident to a case");
        cases.MapPost("/{id:long}/shares", (long id, ShareRequest r, CaseSharing w, CancellationToken ct) => Changed(w.ShareAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("shareCase").WithSummary("Share a case with a partner agency");
        cases.MapDelete("/{id:long}/shares/{shareId:long}", (long id, long shareId, CaseSharing w, CancellationToken ct) => Changed(w.WithdrawShareAsync(id, shareId, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("withdrawCaseShare").WithSummary("Withdraw a case's share with a partner agency");
        cases.MapPost("/{id:long}/actions", (long id, CaseActionRequest r, CaseActions w, CancellationToken ct) => Created(w.AddActionAsync(id, r, ct)))
            .WithName("addCaseAction").WithSummary("Add an action to a case's plan");
        cases.MapPatch("/{id:long}/actions/{actionId:long}", (long id, long actionId, UpdateActionRequest r, CaseActions w, CancellationToken ct) => Changed(w.UpdateActionAsync(id, actionId, r, ct)))
            .WithName("updateCaseAction").WithSummary("Change an action on a case's plan").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:long}/contacts", (long id, ContactRequest r, CaseChronology w, CancellationToken ct) => Created(w.AddContactAsync(id, r, ct)))
            .WithName("recordCaseContact").WithSummary("Record a contact on a case");
        cases.MapPost("/{id:long}/reviews", (long id, CaseReviewRequest r, CaseLifecycle w, CancellationToken ct) => Changed(w.ReviewAsync(id, r, ct))).RequireAuthorization(Entitlements.ForceOperational)
            .WithName("reviewCase").WithSummary("Record a review of a case");
        cases.MapPost("/{id:long}/close", (long id, CloseCaseRequest r, CaseLifecycle w, CancellationToken ct) => Changed(w.CloseAsync(id, r, ct)))
            .WithName("closeCase").WithSummary("Close a case").ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:long}/reopen", (long id, ReopenCaseRequest r, CaseLifecycle w, CancellationToken ct) => Changed(w.ReopenAsync(id, r, ct)))
            .WithName("reopenCase").WithSummary("Reopen a closed case").ProducesProblem(StatusCodes.Status409Conflict);
        asb.MapGet("/actions/mine", async (CaseActions w, CancellationToken ct) => TypedResults.Ok(await w.MyActionsAsync(ct)))
            .RequireAuthorization(Entitlements.Partnership).WithTags("ASB cases")
            .WithName("listMyCaseActions").WithSummary("List the open case actions owned by the caller or the caller's agency");
        return app;
    }

    private static async Task<Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult>> Changed<T>(Task<Outcome<T>> work) => (await work).ToOk();

    private static async Task<Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> Created<T>(Task<Outcome<T>> work) =>
        (await work).ToCreated(value => value, _ => null);

    /// <summary>The cases a search finds, as CSV for a caseworker's own reporting: only what they may see, at most 10,000 rows.</summary>
    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(
        CaseReading reading, CaseAccess access, string? q, string? status, string? risk, string? district, bool? reviewOverdue, CancellationToken ct)
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
        var rows = await reading.ExportAsync(q, status, risk, district, reviewOverdue == true, 10_000, ct);
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
        CaseReading reading, string? q, string? status, string? risk, string? district, bool? reviewOverdue, int? page, int? pageSize, CancellationToken ct)
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
        return TypedResults.Ok(await reading.SearchAsync(q, status, risk, district, reviewOverdue == true, paging, ct));
    }

    private static async Task<Results<Created<CaseResponse>, NotFound, ValidationProblem>> CreateAsync(CreateCaseRequest request, CaseLifecycle lifecycle, CaseReading reading, CancellationToken ct)
    {
        var result = await lifecycle.CreateAsync(request, ct);
        if (!result.IsDone)
        {
            return result.Kind == OutcomeKind.NotFound ? TypedResults.NotFound() : TypedResults.ValidationProblem(result.Errors, title: "The case was not opened");
        }
        var response = (await reading.ReadAsync(result.Value!.Id, ct, auditRead: false))!;
        return TypedResults.Created($"/api/v1/asb/cases/{response.Id}", response);
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> ReadAsync(long id, CaseReading reading, CancellationToken ct) =>
        await reading.ReadAsync(id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<ChronologyItem>>, NotFound>> ChronologyAsync(long id, CaseReading reading, CancellationToken ct) =>
        await reading.ChronologyAsync(id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<Results<Ok<IReadOnlyList<IncidentSuggestion>>, NotFound>> SuggestionsAsync(long id, CaseReading reading, CancellationToken ct) =>
        await reading.SuggestionsAsync(id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();
}
