using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Priorities;

/// <summary>Community priorities under <c>/api/v1/asb/priorities</c>.</summary>
public static class CommunityPrioritiesApi
{
    public static IHostApplicationBuilder AddCommunityPriorities(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CommunityPriorities>();
        return builder;
    }

    public static WebApplication MapCommunityPriorities(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/asb/priorities").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Community priorities");
        group.MapGet("", ListAsync)
            .WithName("listPriorities").WithSummary("List community priorities");
        group.MapPost("", async (PriorityRequest r, CommunityPriorities p, CancellationToken ct) => (await p.CreateAsync(r, ct)).ToCreated(v => v, Location, Title))
            .WithName("setPriority").WithSummary("Set a community priority");
        group.MapGet("/{id:long}", async Task<Results<Ok<PriorityResponse>, NotFound>> (long id, CommunityPriorities p, CancellationToken ct) =>
            await p.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithName("getPriority").WithSummary("Read a community priority");
        group.MapPut("/{id:long}", async (long id, PriorityRequest r, CommunityPriorities p, CancellationToken ct) => (await p.UpdateAsync(id, r, ct)).ToOk(Title))
            .WithName("updatePriority").WithSummary("Change a community priority").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/actions", async (long id, PriorityActionRequest r, CommunityPriorities p, CancellationToken ct) => (await p.AddActionAsync(id, r, ct)).ToCreated(v => v, Location, Title))
            .WithName("addPriorityAction").WithSummary("Add an action to a community priority");
        return app;
    }

    private static async Task<Results<Ok<PagedList<PriorityResponse>>, NotFound, ValidationProblem>> ListAsync(
        CommunityPriorities priorities, string? district, string? status, bool? dueForReview, int? page, int? pageSize, CancellationToken ct)
    {
        if (!priorities.CanRead)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize, 50);
        district = v.District("district", district);
        if (status is not null && !PriorityStatus.All.Contains(status))
        {
            v.Add("status", "The status is one of: Active, Achieved, Closed");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await priorities.ListAsync(district, status, dueForReview == true, paging, ct));
    }

    private const string Title = "The priority was not saved";

    private static string Location(PriorityResponse priority) => $"/api/v1/asb/priorities/{priority.Id}";
}
