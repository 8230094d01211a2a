using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Cases;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Desk;

/// <summary>The community focus desk: its queue, and the review of each incident routed to it, <c>/api/v1/asb/desk</c>.</summary>
public static class DeskApi
{
    public static IHostApplicationBuilder AddDesk(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IDeskRouting, VictimHistoryDeskRouting>();
        builder.Services.AddScoped<CommunityFocusDesk>();
        return builder;
    }

    public static WebApplication MapDesk(this WebApplication app)
    {
        var desk = app.MapGroup("/api/v1/asb/desk").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Desk).WithTags("Community focus desk");
        desk.MapGet("", DeskQueueAsync)
            .WithName("listDeskQueue").WithSummary("List the community focus desk's queue, by due time, time reported or risk (sort=due|-due|reported|-reported|risk)");
        desk.MapGet("/{incidentId:long}", DeskReadAsync)
            .WithName("getDeskReview").WithSummary("Read an incident's desk review");
        desk.MapPost("/{incidentId:long}/review", DeskReviewAsync)
            .WithName("reviewDeskIncident").WithSummary("Record the desk's review of an incident").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<PagedList<DeskQueueItem>>, ValidationProblem>> DeskQueueAsync(
        CommunityFocusDesk desk, bool? overdueOnly, bool? reviewed, string? reason, string? district, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (reason is not null)
        {
            v.Enum<DeskRouteReason>("reason", reason, "the reason");
        }
        if (sort is not null && sort is not ("due" or "-due" or "reported" or "-reported" or "risk"))
        {
            v.Add("sort", "sort is one of: due, -due, reported, -reported, risk");
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
        var reviewed = await desk.ReviewAsync(incidentId, request, purpose, ct);
        // The answer is the review as it now stands, read (and audited) for the purpose the review was saved with.
        var read = reviewed.IsDone ? await desk.ReadAsync(incidentId, purpose, "reviewed", ct) : default;
        return reviewed.IsDone && !read.Allowed ? TypedResults.NotFound() : reviewed.ToOk(_ => read.Value!, "The review was not saved");
    }
}
