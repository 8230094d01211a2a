using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Feedback;

public sealed record SurveyRequest(long? IncidentId, long? PersonId, string? Trigger, DateTimeOffset? ContactAt, bool? SafeChannel);

public sealed record SurveyInvitationResponse(long Id, long IncidentId, long? PersonId, string Route, string Trigger, DateTimeOffset SendAt, DateTimeOffset ExpiresAt, string Status, string TemplateName)
{
    public static SurveyInvitationResponse From(SurveyInvitation i) =>
        new(i.Id, i.IncidentId, i.PersonId, i.Route.ToString(), i.Trigger, i.SendAt, i.ExpiresAt, i.Status.ToString(), i.TemplateName);
}

public sealed record TelephoneAnswersRequest(Dictionary<string, int?>? Scores, string? Comment);

public sealed record RecoveryTaskResponse(long Id, long IncidentId, string IncidentReference, string? Team, int Overall, string? Comment, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue, string Status, string? Outcome, int Version);

public sealed record RecoveryRequest(string? Outcome, int? Version);

public sealed record AcknowledgeRequest(string? ActionTaken);

public sealed record TeamAlertResponse(long Id, string? Team, DateTimeOffset RaisedAt, int PoorAnswers, string Reason);

/// <summary>Who sees feedback: supervisors, analysts and the crime service team, and the desk's work lists.</summary>
public sealed class FeedbackDesk(AppDb db, CurrentUser user, IncidentAccess access, AuditTrail audit, TimeProvider time)
{
    public bool CanSeeResults => user.IsForce && user.IsInAnyRole([Roles.Supervisor, Roles.Analyst, Roles.CrimeServiceTeam]);

    public bool CanRecover => user.IsForce && user.IsInRole(Roles.Supervisor);

    public bool CanTakeByTelephone => user.IsForce && user.IsInAnyRole([Roles.CrimeServiceTeam, Roles.Supervisor]);

    public async Task<List<RecoveryTaskResponse>> RecoveryTasksAsync(bool openOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from t in db.ServiceRecoveryTasks.AsNoTracking()
                          join r in db.SurveyResponses.AsNoTracking() on t.ResponseId equals r.Id
                          join i in db.Incidents.AsNoTracking() on t.IncidentId equals i.Id
                          join team in db.Teams.AsNoTracking() on t.TeamId equals team.Id into teams
                          from team in teams.DefaultIfEmpty()
                          where !openOnly || t.Status == RecoveryStatus.Open
                          orderby t.DueAt, t.Id
                          select new { t, r.Overall, r.Comment, i.Reference, TeamName = team == null ? null : team.Name }).Take(500).ToListAsync(ct);
        return rows.Select(x => new RecoveryTaskResponse(x.t.Id, x.t.IncidentId, x.Reference, x.TeamName, x.Overall, x.Comment, x.t.CreatedAt, x.t.DueAt,
            x.t.Status == RecoveryStatus.Open && x.t.DueAt < now, x.t.Status.ToString(), x.t.Outcome, x.t.Version)).ToList();
    }

    public async Task<List<TeamAlertResponse>> AlertsAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var alerts = await db.TeamAlerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderByDescending(a => a.RaisedAt).ToListAsync(ct);
        return alerts.Select(a => new TeamAlertResponse(a.Id, a.TeamId is { } t ? teams.GetValueOrDefault(t) : null, a.RaisedAt, a.PoorAnswers, a.Reason)).ToList();
    }

    public async Task<Outcome<Nothing>> CompleteRecoveryAsync(long id, RecoveryRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var task = CanRecover ? await db.ServiceRecoveryTasks.FirstOrDefaultAsync(t => t.Id == id, ct) : null;
        if (task is null)
        {
            return Outcome<Nothing>.NotFound;
        }
        if (request.Version is not { } version)
        {
            return Outcome<Nothing>.Invalid("version", "Send the version of the task you read");
        }
        if (!db.Matches(task, version))
        {
            return Outcome<Nothing>.Stale(task.Version);
        }
        var outcome = v.Required("outcome", request.Outcome, "what was done to recover the service", 2000);
        if (task.Status == RecoveryStatus.Done)
        {
            v.Add("outcome", "This task is already done");
        }
        if (!v.IsValid)
        {
            return Outcome<Nothing>.Invalid(v.Errors);
        }
        task.Status = RecoveryStatus.Done;
        task.Outcome = outcome;
        task.DoneAt = time.GetUtcNow();
        task.DoneBy = user.Name;
        audit.Add("survey.recovery", "recovery-task", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done();
    }

    /// <summary>
    /// A supervisor records what they did about a team's run of poor answers; the alert leaves the list. One
    /// acknowledgement per alert: a second, from the same page read before the first, is stale.
    /// </summary>
    public async Task<Outcome<Nothing>> AcknowledgeAlertAsync(long id, string? actionTaken, CancellationToken ct)
    {
        var v = new Validation();
        var alert = CanRecover ? await db.TeamAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (alert is null)
        {
            return Outcome<Nothing>.NotFound;
        }
        if (alert.AcknowledgedAt is not null)
        {
            return Outcome<Nothing>.Stale(0);
        }
        var action = v.Required("actionTaken", actionTaken, "what was done about the run of poor answers", 2000);
        if (!v.IsValid)
        {
            return Outcome<Nothing>.Invalid(v.Errors);
        }
        // Claimed with a condition on it being open, so two supervisors at once cannot both acknowledge it.
        var (now, by) = (time.GetUtcNow(), user.Name);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.TeamAlerts.Where(a => a.Id == id && a.AcknowledgedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.AcknowledgedAt, now).SetProperty(a => a.AcknowledgedBy, by).SetProperty(a => a.ActionTaken, action), ct);
        if (claimed == 0)
        {
            return Outcome<Nothing>.Stale(0);
        }
        audit.Add("survey.alert-acknowledged", "team-alert", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome.Done();
    }

    public IQueryable<SurveyInvitation> VisibleInvitations => access.CanRead ? db.SurveyInvitations : db.SurveyInvitations.Where(_ => false);
}

public static class FeedbackApi
{
    public static IHostApplicationBuilder AddFeedback(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SurveyService>();
        builder.Services.AddScoped<SatisfactionReport>();
        builder.Services.AddScoped<FeedbackDesk>();
        return builder;
    }

    public static WebApplication MapFeedback(this WebApplication app)
    {
        var feedback = app.MapGroup("/api/v1/feedback").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Feedback");
        feedback.MapPost("/surveys", ScheduleAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("scheduleSurvey").WithSummary("Schedule a victim satisfaction survey");
        feedback.MapGet("/surveys", ListAsync).RequireAuthorization(Entitlements.TelephoneSurvey)
            .WithName("listSurveys").WithSummary("List satisfaction surveys");
        feedback.MapPost("/surveys/{id:long}/answers", TelephoneAsync).RequireAuthorization(Entitlements.TelephoneSurvey)
            .WithName("recordTelephoneSurveyAnswers").WithSummary("Record a survey's answers taken by telephone");
        feedback.MapGet("/results", ResultsAsync).RequireAuthorization(Entitlements.FeedbackResults)
            .WithName("getSatisfactionResults").WithSummary("Report satisfaction results for a period");
        feedback.MapGet("/recovery-tasks", async Task<Results<Ok<List<RecoveryTaskResponse>>, NotFound>> (FeedbackDesk desk, bool? all, CancellationToken ct) =>
            desk.CanRecover ? TypedResults.Ok(await desk.RecoveryTasksAsync(all != true, ct)) : TypedResults.NotFound()).RequireAuthorization(Entitlements.ServiceRecovery)
            .WithName("listRecoveryTasks").WithSummary("List service recovery tasks raised by dissatisfied answers");
        feedback.MapPost("/recovery-tasks/{id:long}/complete", CompleteAsync).RequireAuthorization(Entitlements.ServiceRecovery)
            .WithName("completeRecoveryTask").WithSummary("Complete a service recovery task with its outcome").ProducesProblem(StatusCodes.Status409Conflict);
        feedback.MapGet("/alerts", async Task<Results<Ok<List<TeamAlertResponse>>, NotFound>> (FeedbackDesk desk, CancellationToken ct) =>
            desk.CanSeeResults ? TypedResults.Ok(await desk.AlertsAsync(ct)) : TypedResults.NotFound()).RequireAuthorization(Entitlements.FeedbackResults)
            .WithName("listTeamAlerts").WithSummary("List team alerts raised by a run of poor survey answers");
        feedback.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Entitlements.ServiceRecovery)
            .WithName("acknowledgeTeamAlert").WithSummary("Acknowledge a team alert with the action taken").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Created<SurveyInvitationResponse>, NotFound, ValidationProblem>> ScheduleAsync(
        SurveyRequest request, SurveyService surveys, IncidentAccess access, AppDb db, TimeProvider time, CancellationToken ct)
    {
        if (!access.CanWrite)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var incident = request.IncidentId is { } id ? await access.Visible(db.Incidents).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) : null;
        if (incident is null)
        {
            v.Add("incidentId", "Select the incident the survey is about");
            return TypedResults.ValidationProblem(v.Errors);
        }
        var person = request.PersonId is { } p ? await db.IncidentPeople.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p && x.IncidentId == incident.Id, ct) : null;
        if (person is null)
        {
            v.Add("personId", "Select the caller or victim on this incident to survey");
        }
        var trigger = request.Trigger?.Trim().ToLowerInvariant();
        if (trigger is not ("contact" or "closure"))
        {
            v.Add("trigger", "Say whether the survey follows a contact or the closing of the case");
        }
        var now = time.GetUtcNow();
        if (request.ContactAt > now)
        {
            v.Add("contactAt", "The contact cannot be in the future");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "No survey was scheduled");
        }
        var safe = request.SafeChannel ?? await db.VictimContactContracts.AnyAsync(c => c.IncidentId == incident.Id && c.VictimId == person!.Id && c.SafeToContact, ct);
        var (invitation, _, whyNot) = await surveys.ScheduleAsync(incident, person!, trigger!, request.ContactAt ?? now, safe, ct);
        if (invitation is null)
        {
            v.Add("personId", whyNot!);
            return TypedResults.ValidationProblem(v.Errors, title: "No survey was scheduled");
        }
        return TypedResults.Created($"/api/v1/feedback/surveys?incidentId={incident.Id}", SurveyInvitationResponse.From(invitation));
    }

    private static async Task<Results<Ok<PagedList<SurveyInvitationResponse>>, ValidationProblem>> ListAsync(
        FeedbackDesk desk, long? incidentId, string? route, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var r = v.Enum<SurveyRoute>("route", route, "the route", required: false);
        var s = v.Enum<SurveyStatus>("status", status, "the status", required: false);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var query = desk.VisibleInvitations.AsNoTracking();
        if (incidentId is { } i)
        {
            query = query.Where(x => x.IncidentId == i);
        }
        if (r is { } rr)
        {
            query = query.Where(x => x.Route == rr);
        }
        if (s is { } ss)
        {
            query = query.Where(x => x.Status == ss);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(x => x.SendAt).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<SurveyInvitationResponse>(items.Select(SurveyInvitationResponse.From).ToList(), paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> TelephoneAsync(
        long id, TelephoneAnswersRequest request, SurveyService surveys, FeedbackDesk desk, CancellationToken ct)
    {
        if (!desk.CanTakeByTelephone)
        {
            return TypedResults.NotFound();
        }
        var (state, errors) = await surveys.AnswerByTelephoneAsync(id, new SurveyAnswers(request.Scores ?? [], request.Comment), ct);
        return state switch
        {
            SurveyLinkState.Unknown => TypedResults.NotFound(),
            SurveyLinkState.Used => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["This survey has already been answered"] }),
            SurveyLinkState.Expired => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["This survey has expired"] }),
            SurveyLinkState.NotYetDue => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["This survey is not due yet: call after the time shown on the list"] }),
            _ when errors.Count > 0 => TypedResults.ValidationProblem(errors, title: "The answers were not recorded"),
            _ => TypedResults.NoContent(),
        };
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(
        long id, AcknowledgeRequest request, FeedbackDesk desk, CancellationToken ct) =>
        (await desk.AcknowledgeAlertAsync(id, request.ActionTaken, ct)).ToNoContent("The alert was not acknowledged");

    private static async Task<Results<Ok<SatisfactionResults>, NotFound, ValidationProblem>> ResultsAsync(
        FeedbackDesk desk, SatisfactionReport report, string? by, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        if (!desk.CanSeeResults)
        {
            return TypedResults.NotFound();
        }
        if (by is not null && !SatisfactionReport.Dimensions.Contains(by))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [$"Slice by one of: {string.Join(", ", SatisfactionReport.Dimensions)}"] });
        }
        return TypedResults.Ok(await report.ResultsAsync(by ?? "type", from, to, ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> CompleteAsync(long id, RecoveryRequest request, FeedbackDesk desk, CancellationToken ct) =>
        (await desk.CompleteRecoveryAsync(id, request, ct)).ToNoContent("The task was not completed");
}
