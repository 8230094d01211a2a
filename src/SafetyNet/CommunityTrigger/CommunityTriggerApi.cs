using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.CommunityTrigger;

public sealed record TriggerApplicationRequest(long? CaseId, string? ApplicantName, bool? OnBehalfOfVictim, DateTimeOffset? ReceivedAt, int? LeadAgencyId, string? District, string? Summary);

public sealed record TriggerDecisionRequest(int? Version, bool? ThresholdMet, string? Reason);

public sealed record TriggerReviewRequest(int? Version, DateTimeOffset? MeetingAt, string? Outcome);

public sealed record RecommendationRequest(string? Text, int? OwnerAgencyId, DateTimeOffset? DueAt);

public sealed record RecommendationUpdateRequest(int? Version, bool? Completed, string? Outcome);

public sealed record RecommendationResponse(long Id, string Text, AgencyRef OwnerAgency, DateTimeOffset DueAt, bool Overdue, DateTimeOffset? CompletedAt, string? Outcome, int Version);

public sealed record TriggerApplicationResponse(
    long Id, string Reference, long? CaseId, string ApplicantName, bool OnBehalfOfVictim, DateTimeOffset ReceivedAt, AgencyRef LeadAgency, string? District,
    string Summary, int? QualifyingComplaints, string Status, bool? ThresholdMet, string? DecisionReason, DateTimeOffset? DecidedAt, string? DecidedBy,
    DateTimeOffset? ReviewMeetingAt, string? ReviewOutcome, IReadOnlyList<RecommendationResponse> Recommendations, int Version);

/// <summary>A case flagged as meeting the threshold: the rule that judged it, and the complaints that counted and why.</summary>
public sealed record FlaggedCase(long CaseId, string Reference, string Title, DateTimeOffset FlaggedAt, string LeadAgency, bool ApplicationMade,
    string Rule, IReadOnlyList<CountedComplaint> Complaints);

/// <summary>A case against the threshold: when it was flagged (if it was), the rule, and the complaints counted and why.</summary>
public sealed record TriggerStanding(long CaseId, string Reference, DateTimeOffset? FlaggedAt, string Rule, IReadOnlyList<CountedComplaint> Complaints);

/// <summary>The figures a council publishes each year (DOMAIN §7).</summary>
public sealed record TriggerFigures(DateOnly From, DateOnly To, int Applications, int ThresholdMet, int ThresholdNotMet, int AwaitingDecision,
    int ReviewsHeld, int ReviewsWithRecommendations, int RecommendationsMade, int RecommendationsCompleted, int FlaggedBySafetyNet);

/// <summary>
/// The Community Trigger register: cases SafetyNet flagged before anyone asked, applications made by victims, the
/// threshold decisions, review meetings, recommendations and the annual figures. <c>/api/v1/asb/community-trigger</c>.
/// </summary>
public static class CommunityTriggerApi
{
    public static IHostApplicationBuilder AddCommunityTrigger(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<TriggerThreshold>();
        builder.Services.AddScoped<TriggerRegister>();
        builder.Services.AddScoped<TriggerCaseReviews>();
        return builder;
    }

    public static WebApplication MapCommunityTrigger(this WebApplication app)
    {
        var trigger = app.MapGroup("/api/v1/asb/community-trigger").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Community Trigger");
        trigger.MapGet("/flagged", FlaggedAsync)
            .WithName("listTriggerFlaggedCases").WithSummary("List open cases flagged as meeting the Community Trigger threshold");
        trigger.MapGet("/cases/{caseId:long}", StandingAsync)
            .WithName("getCaseTriggerStanding").WithSummary("Read a case against the threshold: whether it was flagged, and the complaints counted and why");
        trigger.MapGet("/applications", ListAsync)
            .WithName("listTriggerApplications").WithSummary("List Community Trigger applications");
        trigger.MapPost("/applications", CreateAsync)
            .WithName("createTriggerApplication").WithSummary("Record a Community Trigger application");
        trigger.MapGet("/applications/{id:long}", ReadAsync)
            .WithName("getTriggerApplication").WithSummary("Read a Community Trigger application");
        trigger.MapPost("/applications/{id:long}/decision", DecideAsync)
            .WithName("decideTriggerApplication").WithSummary("Decide whether an application meets the threshold").ProducesProblem(StatusCodes.Status409Conflict);
        trigger.MapPost("/applications/{id:long}/review", ReviewAsync)
            .WithName("recordTriggerReview").WithSummary("Record the case review's meeting and outcome").ProducesProblem(StatusCodes.Status409Conflict);
        trigger.MapPost("/applications/{id:long}/recommendations", RecommendAsync)
            .WithName("addTriggerRecommendation").WithSummary("Add a recommendation from the case review");
        trigger.MapPatch("/applications/{id:long}/recommendations/{recommendationId:long}", UpdateRecommendationAsync)
            .WithName("updateTriggerRecommendation").WithSummary("Record progress on a recommendation").ProducesProblem(StatusCodes.Status409Conflict);
        trigger.MapGet("/figures", GetFiguresAsync)
            .WithName("getTriggerFigures").WithSummary("Read a financial year's Community Trigger figures for publication");
        trigger.MapGet("/figures/export", ExportFiguresAsync)
            .WithName("exportTriggerFigures").WithSummary("Export a financial year's Community Trigger figures as CSV").Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv");
        // The register page downloads with the signed-in cookie; the figures and the audit are the same.
        app.MapGet("/asb/community-trigger/figures.csv", ExportFiguresAsync).RequireAuthorization(Entitlements.Partnership).ExcludeFromDescription();
        return app;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Ok<List<FlaggedCase>>> FlaggedAsync(TriggerRegister register, AuditTrail audit, CancellationToken ct)
    {
        var flagged = await register.FlaggedCasesAsync(ct);
        await audit.WriteAsync("trigger.flagged", "case", null, details: $"{flagged.Count} flagged", cancellationToken: ct);
        return TypedResults.Ok(flagged);
    }

    private static async Task<Results<Ok<TriggerStanding>, NotFound>> StandingAsync(long caseId, TriggerRegister register, AuditTrail audit, CancellationToken ct)
    {
        if (await register.StandingAsync(caseId, ct) is not { } standing)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("trigger.standing", "case", Id(caseId), cancellationToken: ct);
        return TypedResults.Ok(standing);
    }

    private static async Task<Results<Ok<PagedList<TriggerApplicationResponse>>, ValidationProblem>> ListAsync(
        AppDb db, TriggerRegister register, AuditTrail audit, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var wanted = status is null ? null : v.Enum<TriggerStatus>("status", status, "the status");
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var query = register.Visible(db.TriggerApplications).AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<TriggerApplicationResponse>();
        foreach (var row in rows)
        {
            items.Add(await register.ToResponseAsync(row, ct));
        }
        await audit.WriteAsync("trigger.search", "trigger-application", null, details: $"status={status} page={paging.Page}", cancellationToken: ct);
        return TypedResults.Ok(new PagedList<TriggerApplicationResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Created<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TriggerApplicationRequest request, TriggerCaseReviews reviews, CancellationToken ct) =>
        (await reviews.ApplyAsync(request, ct)).ToCreated(a => a, a => $"/api/v1/asb/community-trigger/applications/{a.Id}", "The application was not recorded");

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound>> ReadAsync(long id, AppDb db, TriggerRegister register, AuditTrail audit, CancellationToken ct)
    {
        var application = await register.Visible(db.TriggerApplications).AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("trigger.read", "trigger-application", Id(id), cancellationToken: ct);
        return TypedResults.Ok(await register.ToResponseAsync(application, ct));
    }

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        long id, TriggerDecisionRequest request, TriggerCaseReviews reviews, CancellationToken ct) =>
        (await reviews.DecideAsync(id, request, ct)).ToOk("The decision was not recorded");

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        long id, TriggerReviewRequest request, TriggerCaseReviews reviews, CancellationToken ct) =>
        (await reviews.ReviewAsync(id, request, ct)).ToOk("The review was not recorded");

    private static async Task<Results<Created<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecommendAsync(
        long id, RecommendationRequest request, TriggerCaseReviews reviews, CancellationToken ct) =>
        (await reviews.RecommendAsync(id, request, ct)).ToCreated(a => a, _ => $"/api/v1/asb/community-trigger/applications/{id}", "The recommendation was not recorded");

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateRecommendationAsync(
        long id, long recommendationId, RecommendationUpdateRequest request, TriggerCaseReviews reviews, CancellationToken ct) =>
        (await reviews.UpdateRecommendationAsync(id, recommendationId, request, ct)).ToOk("The recommendation was not updated");

    private static async Task<Results<Ok<TriggerFigures>, ValidationProblem>> GetFiguresAsync(TriggerRegister register, AuditTrail audit, int? year, CancellationToken ct)
    {
        if (year is < 2014 or > 2100)
        {
            return TypedResults.ValidationProblem(YearProblem);
        }
        var figures = await register.FiguresAsync(year ?? register.CurrentFinancialYear, ct);
        await audit.WriteAsync("trigger.figures", "trigger-application", null, details: $"year={figures.From.Year}", cancellationToken: ct);
        return TypedResults.Ok(figures);
    }

    /// <summary>The year's figures as the council publishes them, one figure a row; the register page downloads the same.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportFiguresAsync(TriggerRegister register, AuditTrail audit, int? year, CancellationToken ct)
    {
        if (year is < 2014 or > 2100)
        {
            return TypedResults.ValidationProblem(YearProblem);
        }
        var figures = await register.FiguresAsync(year ?? register.CurrentFinancialYear, ct);
        await audit.WriteAsync("trigger.figures.export", "trigger-application", null, details: $"year={figures.From.Year}", cancellationToken: ct);
        var csv = new System.Text.StringBuilder("Figure,Count\r\n");
        foreach (var (name, count) in TriggerRegister.Rows(figures))
        {
            csv.Append(CultureInfo.InvariantCulture, $"{name},{count}\r\n");
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"community-trigger-{figures.From.Year}-{figures.To.Year}.csv");
    }

    private static readonly Dictionary<string, string[]> YearProblem = new()
    {
        ["year"] = ["Give the financial year by the year it starts, 2014 or later (the Act came into force in October 2014)"],
    };
}
