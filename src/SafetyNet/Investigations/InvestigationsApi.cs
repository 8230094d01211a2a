using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>The investigations API: the list, one investigation, and allocation (the queue, the workload, the step).</summary>
public static class InvestigationsApi
{
    public static IHostApplicationBuilder AddInvestigationAllocation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InvestigationAllocation>();
        return builder;
    }

    public static WebApplication MapInvestigations(this WebApplication app)
    {
        var investigations = app.MapGroup("/api/v1/investigations")
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Investigations).WithTags("Investigations");
        investigations.MapGet("", ListAsync)
            .WithName("listInvestigations").WithSummary("List investigations, by status, the caller's own (mine=true) or a team's");
        investigations.MapGet("/allocation-queue", async Task<Results<Ok<PagedList<InvestigationListItem>>, NotFound, ValidationProblem>> (
            InvestigationAllocation allocation, int? page, int? pageSize, CancellationToken ct) =>
        {
            var v = new Validation();
            var paging = Paging.Read(v, page, pageSize);
            if (!v.IsValid)
            {
                return TypedResults.ValidationProblem(v.Errors);
            }
            return await allocation.QueueAsync(paging, ct) is { } queue ? TypedResults.Ok(queue) : TypedResults.NotFound();
        }).WithName("listAllocationQueue").WithSummary("List the investigations awaiting allocation, high risk first, then the oldest (supervisors)");
        investigations.MapGet("/workload", async Task<Results<Ok<IReadOnlyList<InvestigatorWorkload>>, NotFound>> (InvestigationAllocation allocation, CancellationToken ct) =>
            await allocation.WorkloadAsync(ct) is { } workload ? TypedResults.Ok(workload) : TypedResults.NotFound())
            .WithName("listInvestigatorWorkload").WithSummary("List each investigator's PIP level, rank and open investigations by risk (supervisors)");
        investigations.MapGet("/{id:long}", GetAsync)
            .WithName("getInvestigation").WithSummary("Read an investigation with its history (X-Purpose when the crime is sensitive)");
        investigations.MapPost("/{id:long}/allocation", async (long id, AllocationRequest request, HttpContext context, InvestigationAllocation allocation, CancellationToken ct) =>
            (await allocation.AllocateAsync(id, request, Purpose.From(context), ct)).ToOk("The investigation was not allocated"))
            .WithName("allocateInvestigation")
            .WithSummary("Allocate or re-allocate an investigation to an investigator and team (supervisors); give the reason when re-allocating or below the PIP level needed")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<PagedList<InvestigationListItem>>, ValidationProblem>> ListAsync(
        InvestigationAllocation allocation, string? status, bool? mine, int? teamId, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var s = v.Enum<InvestigationStatus>("status", status, "the status: AwaitingAllocation, Allocated or Finalised", required: false);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var filter = new InvestigationFilter(s, mine == true, teamId is { } team ? [team] : null);
        return TypedResults.Ok(await allocation.ListAsync(filter, paging, ct));
    }

    private static async Task<Results<Ok<InvestigationView>, NotFound, ValidationProblem>> GetAsync(
        long id, HttpContext context, InvestigationAccess access, CancellationToken ct)
    {
        var read = await access.ReadAsync(id, Purpose.From(context), ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value!),
        };
    }
}
