using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>An investigation's state after it is finalised or re-opened.</summary>
public sealed record InvestigationStateResponse(long Id, InvestigationStatus Status, string? OutcomeCode, string? PoliceUkCategory, DateTimeOffset? FinalisedAt, int Version)
{
    public static InvestigationStateResponse From(Investigation i) =>
        new(i.Id, i.Status, i.OutcomeCode, HomeOfficeOutcomes.Find(i.OutcomeCode)?.PoliceUkCategory, i.FinalisedAt, i.Version);
}

/// <summary>
/// Supervisory reviews, their queues, finalisation and re-opening: <c>/api/v1/investigations/{id}/reviews</c>,
/// <c>/api/v1/investigations/reviews/due</c>, <c>/api/v1/investigations/{id}/finalisation</c> and <c>/reopening</c>.
/// </summary>
public static class SupervisionApi
{
    public static IHostApplicationBuilder AddSupervision(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Supervision>();
        builder.Services.AddScoped<Finalisation>();
        builder.Services.AddScoped<IStartupSeeder, ReviewsDemoSeeder>();
        return builder;
    }

    public static WebApplication MapSupervision(this WebApplication app)
    {
        var investigations = app.MapGroup("/api/v1/investigations")
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Investigations).WithTags("Investigations");
        investigations.MapGet("/{id:long}/reviews", ReviewsAsync)
            .WithName("listInvestigationReviews").WithSummary("List an investigation's supervisory reviews, done and waiting");
        investigations.MapPost("/{id:long}/reviews", async (long id, ReviewRequest request, HttpContext context, Supervision supervision, CancellationToken ct) =>
                (await supervision.CompleteAsync(id, request, Purpose.From(context), ct)).ToOk("The review was not completed"))
            .WithName("completeInvestigationReview")
            .WithSummary("Complete the review waiting on an investigation: risk re-graded, actions checked, quality note, new actions, next review date");
        investigations.MapGet("/reviews/due", DueAsync)
            .WithName("listDueInvestigationReviews")
            .WithSummary("A page of the caller's reviews due and overdue, and for an inspector those of them overdue past the force's threshold");
        investigations.MapPost("/{id:long}/finalisation", async (long id, FinalisationRequest request, HttpContext context, Finalisation finalisation, CancellationToken ct) =>
                (await finalisation.FinaliseAsync(id, request, Purpose.From(context), ct)).ToOk(InvestigationStateResponse.From, "The investigation was not finalised"))
            .WithName("finaliseInvestigation").WithSummary("Finalise an investigation with a Home Office outcome type, under the rules the outcome carries");
        investigations.MapPost("/{id:long}/reopening", async (long id, ReopeningRequest request, HttpContext context, Finalisation finalisation, CancellationToken ct) =>
                (await finalisation.ReopenAsync(id, request, Purpose.From(context), ct)).ToOk(InvestigationStateResponse.From, "The investigation was not re-opened"))
            .WithName("reopenInvestigation").WithSummary("Re-open a finalised investigation, with the reason, keeping its history");
        return app;
    }

    private static async Task<Results<Ok<ReviewQueue>, NotFound, ValidationProblem>> DueAsync(
        int? page, int? pageSize, Supervision supervision, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return await supervision.QueueAsync(paging, ct) is { } queue ? TypedResults.Ok(queue) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<IReadOnlyList<ReviewView>>, NotFound, ValidationProblem>> ReviewsAsync(
        long id, HttpContext context, Supervision supervision, CancellationToken ct)
    {
        var read = await supervision.ReadAsync(id, Purpose.From(context), ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value.Reviews),
        };
    }
}
