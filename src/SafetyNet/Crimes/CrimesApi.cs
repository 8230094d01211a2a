using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Crimes;

/// <summary>
/// Crime recording: a decision for each victim of a report that is or may be a crime
/// (<c>/api/v1/incidents/{id}/crime-decisions</c>) and the queue of decisions due (<c>/api/v1/queues/crime-recording</c>).
/// </summary>
public static class CrimesApi
{
    public static IHostApplicationBuilder AddCrimes(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CrimeRecording>();
        return builder;
    }

    public static WebApplication MapCrimes(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Incidents");
        var incidents = api.MapGroup("/incidents").RequireAuthorization(Entitlements.ForceOperational);
        incidents.MapPost("/{id:long}/crime-decisions", DecideAsync).WithTags("Crime recording")
            .WithName("decideCrimeRecording").WithSummary("Record a crime-recording decision on an incident").ProducesProblem(StatusCodes.Status409Conflict);

        var queues = api.MapGroup("/queues").RequireAuthorization(Entitlements.ForceOperational).WithTags("Queues");
        queues.MapGet("/crime-recording", CrimeRecordingQueueAsync)
            .WithName("listCrimeRecordingQueue").WithSummary("List incidents awaiting a crime-recording decision");
        return app;
    }

    private static async Task<Results<Ok<CrimeRecordResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        long id, CrimeDecisionRequest request, CrimeRecording recording, AppDb db, TimeProvider time, CancellationToken ct)
    {
        var decided = await recording.DecideAsync(id, request, ct);
        var decisions = decided.Value is { } record
            ? await db.CrimeDecisions.AsNoTracking().Where(d => d.CrimeRecordId == record.Id).OrderBy(d => d.Id).ToListAsync(ct)
            : [];
        return decided.ToOk(r => IncidentReader.ToResponse(r, decisions, time.GetUtcNow()), "The decision was not recorded");
    }

    private static async Task<Results<Ok<PagedList<FirstContactQueues.CrimeQueueItem>>, ValidationProblem>> CrimeRecordingQueueAsync(
        FirstContactQueues queues, bool? overdueOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        return v.IsValid ? TypedResults.Ok(await queues.CrimeRecordingAsync(paging, overdueOnly == true, ct)) : TypedResults.ValidationProblem(v.Errors);
    }
}
