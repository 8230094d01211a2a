using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Incidents;

public static class IncidentsApi
{
    public static IHostApplicationBuilder AddIncidents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IncidentAccess>();
        builder.Services.AddScoped<IncidentIntake>();
        builder.Services.AddScoped<IncidentReader>();
        builder.Services.AddScoped<IncidentEditor>();
        builder.Services.AddScoped<FirstContactQueues>();
        builder.Services.AddScoped<MyWork>();
        builder.Services.AddScoped<ForceConfiguration>();
        builder.Services.AddSingleton<ConfigurationCache>();
        builder.Services.AddScoped<IStartupSeeder, IncidentConfigurationSeeder>();
        return builder;
    }

    public static WebApplication MapIncidents(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Incidents");
        var incidents = api.MapGroup("/incidents").RequireAuthorization(Entitlements.ForceOperational);
        incidents.MapPost("", CreateAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("createIncident").WithSummary("Record an incident");
        incidents.MapGet("", ListAsync)
            .WithName("listIncidents").WithSummary("List and search incidents");
        incidents.MapGet("/{id:long}", GetAsync)
            .WithName("getIncident").WithSummary("Read an incident");
        incidents.MapPut("/{id:long}", PutAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("replaceIncident").WithSummary("Replace an incident's details").ProducesProblem(StatusCodes.Status409Conflict);
        incidents.MapPatch("/{id:long}", PatchAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("updateIncident").WithSummary("Change some of an incident's details").ProducesProblem(StatusCodes.Status409Conflict);
        incidents.MapPost("/{id:long}/thrive", ThriveAsync).RequireAuthorization(Entitlements.Thrive)
            .WithName("reassessIncidentThrive").WithSummary("Record a THRIVE reassessment of an incident");
        incidents.MapPost("/{id:long}/assessments", AssessAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("assessIncidentRisk").WithSummary("Record a risk assessment (a completed risk instrument) on an incident");
        incidents.MapPost("/{id:long}/log", AddNoteAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("addIncidentLogEntry").WithSummary("Write a note in an incident's log");
        incidents.MapPost("/{id:long}/links", LinkAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("linkIncident").WithSummary("Link an incident to another, with the reason");
        incidents.MapPost("/{id:long}/closure", CloseAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("closeIncident").WithSummary("Close an incident with its result code").ProducesProblem(StatusCodes.Status409Conflict);
        incidents.MapPut("/{id:long}/crime-records/{crimeRecordId:long}/officer-in-case", AssignCrimeAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("assignCrimeOfficer").WithSummary("Set the officer in the case of a crime").ProducesProblem(StatusCodes.Status409Conflict);

        var queues = api.MapGroup("/queues").RequireAuthorization(Entitlements.ForceOperational).WithTags("Queues");
        queues.MapGet("/attendance", AttendanceQueueAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("listAttendanceQueue").WithSummary("List incidents awaiting attendance");
        queues.MapGet("/thrive", ThriveQueueAsync).RequireAuthorization(Entitlements.Thrive)
            .WithName("listThriveQueue").WithSummary("List incidents awaiting a THRIVE assessment");

        api.MapGet("/my-work", async (MyWork work, CancellationToken ct) => TypedResults.Ok(await work.ForMeAsync(ct)))
            .WithTags("Queues").WithName("getMyWork").WithSummary("Read the signed-in user's incidents, crimes, reviews due, team queue, referral worklist, case actions and meetings, with counts");

        var reference = api.MapGroup("/reference").WithTags("Reference data");
        reference.MapGet("/incident-types", () => TypedResults.Ok(IncidentType.All.Select(t => t.ToResponse()).ToList()))
            .WithName("listIncidentTypes").WithSummary("List the incident types");
        reference.MapGet("/offence-subgroups", () => TypedResults.Ok(OffenceSubgroups.All.Select(s => new { subgroup = s.Subgroup, policeUkCategory = s.Category }).ToList()))
            .WithName("listOffenceSubgroups").WithSummary("List the offence subgroups with their police.uk categories");
        reference.MapGet("/not-crime-reasons", () => TypedResults.Ok(NotCrimeReasons.All))
            .WithName("listNotCrimeReasons").WithSummary("List the reasons a report may be decided as not a crime");
        reference.MapGet("/incident-results", () => TypedResults.Ok(IncidentResults.All))
            .WithName("listIncidentResults").WithSummary("List the result codes an incident is closed with");
        reference.MapGet("/grades", async (ForceConfiguration config, CancellationToken ct) =>
        {
            var grades = await config.CurrentAsync<GradeTable>(GradeTable.Key, ct);
            return TypedResults.Ok(new { version = grades.Version, grades = grades.Value.Grades });
        }).WithName("getGrades").WithSummary("Read the current response grades");
        reference.MapGet("/instruments/{code}", async Task<Results<Ok<RiskInstrument>, NotFound>> (string code, ForceConfiguration config, AppDb db, CancellationToken ct) =>
            await db.ConfigurationVersions.AnyAsync(c => c.Key == RiskInstrument.KeyFor(code), ct)
                ? TypedResults.Ok((await config.CurrentAsync<RiskInstrument>(RiskInstrument.KeyFor(code), ct)).Value)
                : TypedResults.NotFound())
            .WithName("getRiskInstrument").WithSummary("Read a risk instrument's current questions");
        return app;
    }

    private static async Task<Results<Created<IncidentResponse>, Ok<IncidentResponse>, NotFound, ValidationProblem>> CreateAsync(
        CreateIncidentRequest request, HttpContext context, IncidentIntake intake, IncidentReader reader, CancellationToken ct)
    {
        var result = await intake.RecordAsync(request, ct);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "The incident was not recorded");
        }
        // A repeated import of one external reference changes nothing and answers with what is there: a read.
        var answer = await reader.AnswerRecordedAsync(result, Purpose.From(context), ct);
        return answer.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ when result.Created => TypedResults.Created($"/api/v1/incidents/{answer.Value!.Id}", answer.Value),
            _ => TypedResults.Ok(answer.Value!),
        };
    }

    private static async Task<Results<Ok<PagedList<IncidentSummary>>, ValidationProblem>> ListAsync(
        IncidentReader reader, string? type, string? district, string? grade, DateTimeOffset? from, DateTimeOffset? to,
        string? q, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        v.MaxLength("q", q, "the search text", 200);
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await reader.ListAsync(new IncidentFilter(type, district, grade, from, to, q), paging, ct));
    }

    /// <summary>One incident, read through <see cref="IncidentReader.ReadAsync"/>: 404, then the purpose if sensitive, then the audit.</summary>
    private static async Task<Results<Ok<IncidentResponse>, NotFound, ValidationProblem>> GetAsync(
        long id, HttpContext context, IncidentReader reader, CancellationToken ct)
    {
        var read = await reader.ReadAsync(id, Purpose.From(context), null, ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value!),
        };
    }

    private static async Task<Results<Ok<IncidentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PutAsync(
        long id, UpdateIncidentRequest request, HttpContext context, IncidentEditor editor, CancellationToken ct) =>
        (await editor.UpdateAsync(id, new PatchIncidentRequest(request.Version, request.OccurredFrom, request.OccurredTo, request.TypeCode,
            request.Narrative, request.Location ?? new LocationRequest(null, null, null, null, null, null, null), request.OffenderNearby ?? false,
            request.VulnerablePerson ?? false, request.MayBeCrime ?? false, request.OfficerInCaseId, request.OwningTeamId,
            null, null, null, null), replace: true, Purpose.From(context), ct)).ToOk("The incident was not changed");

    private static async Task<Results<Ok<IncidentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PatchAsync(
        long id, PatchIncidentRequest request, HttpContext context, IncidentEditor editor, CancellationToken ct) =>
        (await editor.UpdateAsync(id, request, replace: false, Purpose.From(context), ct)).ToOk("The incident was not changed");

    private static async Task<Results<Created<ThriveResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ThriveAsync(
        long id, ThriveRequest request, IncidentEditor editor, CancellationToken ct) =>
        (await editor.ReassessThriveAsync(id, request, ct)).ToCreated(ThriveResponse.From, _ => $"/api/v1/incidents/{id}", "THRIVE was not recorded");

    private static async Task<Results<Created<AssessmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AssessAsync(
        long id, AssessmentRequest request, IncidentEditor editor, CancellationToken ct) =>
        (await editor.AssessAsync(id, request, ct)).ToCreated(AssessmentResponse.From, _ => $"/api/v1/incidents/{id}", "The assessment was not recorded");

    private static async Task<Results<Created<IncidentLogEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        long id, IncidentNoteRequest request, IncidentEditor editor, CancellationToken ct) =>
        (await editor.AddNoteAsync(id, request, ct)).ToCreated(e => e, _ => $"/api/v1/incidents/{id}", "The log entry was not written");

    private static async Task<Results<Created<IncidentLogEntryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LinkAsync(
        long id, IncidentLinkRequest request, IncidentEditor editor, CancellationToken ct) =>
        (await editor.LinkAsync(id, request, ct)).ToCreated(e => e, _ => $"/api/v1/incidents/{id}", "The incidents were not linked");

    private static async Task<Results<Ok<IncidentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CloseAsync(
        long id, CloseIncidentRequest request, HttpContext context, IncidentEditor editor, CancellationToken ct) =>
        (await editor.CloseAsync(id, request, Purpose.From(context), ct)).ToOk("The incident was not closed");

    private static async Task<Results<Ok<CrimeRecordResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AssignCrimeAsync(
        long id, long crimeRecordId, AssignCrimeRequest request, IncidentEditor editor, AppDb db, TimeProvider time, CancellationToken ct)
    {
        var assigned = await editor.AssignCrimeAsync(id, crimeRecordId, request, ct);
        var decisions = assigned.IsDone
            ? await db.CrimeDecisions.AsNoTracking().Where(d => d.CrimeRecordId == crimeRecordId).OrderBy(d => d.Id).ToListAsync(ct)
            : [];
        return assigned.ToOk(r => IncidentReader.ToResponse(r, decisions, time.GetUtcNow()), "The officer in the case was not set");
    }

    private static async Task<Results<Ok<PagedList<FirstContactQueues.AttendanceQueueItem>>, ValidationProblem>> AttendanceQueueAsync(
        FirstContactQueues queues, bool? breachedOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        return v.IsValid ? TypedResults.Ok(await queues.AttendanceAsync(paging, breachedOnly == true, ct)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Ok<PagedList<FirstContactQueues.ThriveQueueItem>>, ValidationProblem>> ThriveQueueAsync(
        FirstContactQueues queues, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        return v.IsValid ? TypedResults.Ok(await queues.ThriveAsync(paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }
}
