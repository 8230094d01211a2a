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

public sealed record FlaggedCase(long CaseId, string Reference, string Title, DateTimeOffset FlaggedAt, string LeadAgency, bool ApplicationMade);

/// <summary>The figures a council publishes each year (DOMAIN §7).</summary>
public sealed record TriggerFigures(DateOnly From, DateOnly To, int Applications, int ThresholdMet, int ThresholdNotMet, int AwaitingDecision,
    int ReviewsHeld, int RecommendationsMade, int RecommendationsCompleted, int FlaggedBySafetyNet);

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
        return builder;
    }

    public static WebApplication MapCommunityTrigger(this WebApplication app)
    {
        var trigger = app.MapGroup("/api/v1/asb/community-trigger").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Community Trigger");
        trigger.MapGet("/flagged", FlaggedAsync)
            .WithName("listTriggerFlaggedCases").WithSummary("List open cases flagged as meeting the Community Trigger threshold");
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
        return app;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Ok<List<FlaggedCase>>> FlaggedAsync(TriggerRegister register, AuditTrail audit, CancellationToken ct)
    {
        var flagged = await register.FlaggedCasesAsync(ct);
        await audit.WriteAsync("trigger.flagged", "case", null, details: $"{flagged.Count} flagged", cancellationToken: ct);
        return TypedResults.Ok(flagged);
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

    private static async Task<Results<Created<TriggerApplicationResponse>, NotFound, ValidationProblem>> CreateAsync(
        TriggerApplicationRequest request, AppDb db, CaseAccess access, TriggerThreshold trigger, TriggerRegister register, ForceConfiguration configuration, CurrentUser user,
        AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var now = time.GetUtcNow();
        AsbCase? asbCase = null;
        if (request.CaseId is { } caseId)
        {
            asbCase = await access.Visible(db.AsbCases).FirstOrDefaultAsync(c => c.Id == caseId, ct);
            if (asbCase is null)
            {
                v.Add("caseId", "Select a case you can see, or leave it out");
            }
        }
        var applicant = v.Required("applicantName", request.ApplicantName, "the applicant's name", 200);
        var receivedAt = request.ReceivedAt ?? now;
        if (receivedAt > now.AddMinutes(5))
        {
            v.Add("receivedAt", "The application cannot have been received in the future");
        }
        var lead = request.LeadAgencyId ?? asbCase?.LeadAgencyId ?? user.AgencyId;
        if (lead is null || !await db.Agencies.AnyAsync(a => a.Id == lead, ct))
        {
            v.Add("leadAgencyId", "Select the agency that leads the case review");
        }
        else if (access.IsPartnerCaseworker && lead != user.AgencyId)
        {
            v.Add("leadAgencyId", "A partner records applications its own agency leads");
        }
        var district = v.District("district", request.District) ?? asbCase?.District;
        var summary = v.Required("summary", request.Summary, "what the applicant says has not been dealt with", 4000);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The application was not recorded");
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var application = new TriggerApplication
        {
            CaseId = asbCase?.Id, ApplicantName = applicant!, OnBehalfOfVictim = request.OnBehalfOfVictim == true, ReceivedAt = receivedAt, LeadAgencyId = lead!.Value,
            District = district, Summary = summary!, Status = TriggerStatus.Received, CreatedAt = now, CreatedBy = user.Name,
            QualifyingComplaints = asbCase is null ? null : (await trigger.QualifyingComplaintsAsync(asbCase.Id, receivedAt, rules.Value, ct)).Count,
        };
        db.TriggerApplications.Add(application);
        await db.SaveChangesAsync(ct);
        application.Reference = $"CT-{ForceClock.ToLocal(receivedAt):yy}-{application.Id:D5}";
        if (asbCase is not null)
        {
            db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = now, Kind = "community-trigger", By = user.Name,
                Text = $"Community Trigger application {application.Reference} received from {applicant}" });
        }
        audit.Add("trigger.apply", "trigger-application", Id(application.Id), details: application.Reference);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/community-trigger/applications/{application.Id}", await register.ToResponseAsync(application, ct));
    }

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
        long id, TriggerDecisionRequest request, AppDb db, TriggerRegister register, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var application = await register.Visible(db.TriggerApplications).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the application you read");
        }
        else if (!db.Matches(application, request.Version.Value))
        {
            return TypedResults.Problem(OutcomeHttp.Stale(application.Version));
        }
        if (application.Status != TriggerStatus.Received)
        {
            v.Add("thresholdMet", "The threshold has already been decided");
        }
        if (request.ThresholdMet is null)
        {
            v.Add("thresholdMet", "Decide whether the threshold is met");
        }
        var reason = v.Required("reason", request.Reason, "the reason for the decision", 2000);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The decision was not recorded");
        }
        application.ThresholdMet = request.ThresholdMet;
        application.DecisionReason = reason;
        application.DecidedAt = time.GetUtcNow();
        application.DecidedBy = user.Name;
        application.Status = request.ThresholdMet == true ? TriggerStatus.ReviewDue : TriggerStatus.ThresholdNotMet;
        audit.Add("trigger.decide", "trigger-application", Id(id), details: $"threshold met={request.ThresholdMet}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await register.ToResponseAsync(application, ct));
    }

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        long id, TriggerReviewRequest request, AppDb db, TriggerRegister register, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var application = await register.Visible(db.TriggerApplications).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the application you read");
        }
        else if (!db.Matches(application, request.Version.Value))
        {
            return TypedResults.Problem(OutcomeHttp.Stale(application.Version));
        }
        if (application.Status != TriggerStatus.ReviewDue)
        {
            v.Add("meetingAt", "A review is held once the threshold is decided as met");
        }
        if (request.MeetingAt is null)
        {
            v.Add("meetingAt", "Enter when the review meeting was held");
        }
        else if (request.MeetingAt > time.GetUtcNow().AddMinutes(5))
        {
            v.Add("meetingAt", "Record the review once the meeting has been held");
        }
        var outcome = v.Required("outcome", request.Outcome, "what the review concluded", 4000);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The review was not recorded");
        }
        application.ReviewMeetingAt = request.MeetingAt;
        application.ReviewOutcome = outcome;
        application.Status = TriggerStatus.Reviewed;
        audit.Add("trigger.review", "trigger-application", Id(id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await register.ToResponseAsync(application, ct));
    }

    private static async Task<Results<Created<TriggerApplicationResponse>, NotFound, ValidationProblem>> RecommendAsync(
        long id, RecommendationRequest request, AppDb db, TriggerRegister register, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var application = await register.Visible(db.TriggerApplications).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (application.Status != TriggerStatus.Reviewed)
        {
            v.Add("text", "Recommendations come from a review: record the review first");
        }
        var text = v.Required("text", request.Text, "the recommendation", 2000);
        if (request.OwnerAgencyId is not { } owner || !await db.Agencies.AnyAsync(a => a.Id == owner, ct))
        {
            v.Add("ownerAgencyId", "Select the agency that carries out the recommendation");
        }
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter the date the recommendation is due");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The recommendation was not recorded");
        }
        db.TriggerRecommendations.Add(new TriggerRecommendation
        {
            ApplicationId = id, Text = text!, OwnerAgencyId = request.OwnerAgencyId!.Value, DueAt = request.DueAt!.Value, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        });
        audit.Add("trigger.recommend", "trigger-application", Id(id));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/asb/community-trigger/applications/{id}", await register.ToResponseAsync(application, ct));
    }

    private static async Task<Results<Ok<TriggerApplicationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateRecommendationAsync(
        long id, long recommendationId, RecommendationUpdateRequest request, AppDb db, TriggerRegister register, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var application = await register.Visible(db.TriggerApplications).FirstOrDefaultAsync(a => a.Id == id, ct);
        var recommendation = application is null ? null : await db.TriggerRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.ApplicationId == id, ct);
        if (application is null || recommendation is null)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the recommendation you read");
        }
        else if (!db.Matches(recommendation, request.Version.Value))
        {
            return TypedResults.Problem(OutcomeHttp.Stale(recommendation.Version));
        }
        var outcome = v.MaxLength("outcome", request.Outcome, "the outcome", 2000);
        if (request.Completed == true && outcome is null)
        {
            v.Add("outcome", "Record what was done to complete the recommendation");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        recommendation.CompletedAt = request.Completed == true ? recommendation.CompletedAt ?? time.GetUtcNow() : null;
        recommendation.Outcome = outcome ?? recommendation.Outcome;
        audit.Add("trigger.recommendation.update", "trigger-application", Id(id), details: $"recommendation {recommendationId} completed={request.Completed}");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await register.ToResponseAsync(application, ct));
    }

    private static async Task<Results<Ok<TriggerFigures>, ValidationProblem>> GetFiguresAsync(TriggerRegister register, AuditTrail audit, TimeProvider time, int? year, CancellationToken ct)
    {
        var today = ForceClock.ToLocal(time.GetUtcNow());
        var current = today.Month >= 4 ? today.Year : today.Year - 1;
        if (year is < 2014 or > 2100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give the financial year by the year it starts, 2014 or later (the Act came into force in October 2014)"] });
        }
        var figures = await register.FiguresAsync(year ?? current, ct);
        await audit.WriteAsync("trigger.figures", "trigger-application", null, details: $"year={year ?? current}", cancellationToken: ct);
        return TypedResults.Ok(figures);
    }
}
