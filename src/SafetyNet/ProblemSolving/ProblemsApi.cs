using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.ProblemSolving;

public sealed record ProblemRequest(
    int? Version, string? Title, string? ProblemType, string? District, double? Latitude, double? Longitude, int? RadiusMetres,
    double? ComparisonLatitude, double? ComparisonLongitude, int? ComparisonRadiusMetres, string? Scanning, string? Analysis,
    string? Victim, string? Offender, string? Place, List<string>? Tactics, string? Response, DateTimeOffset? ResponseStartedAt,
    string? Result, string? Learning, bool? Published);

/// <summary>Incidents in the problem area and the comparison area, in equal periods before and after the response started.</summary>
public sealed record ProblemAssessment(int Days, int AreaBefore, int AreaAfter, int ComparisonBefore, int ComparisonAfter,
    double? AreaChangePercent, double? ComparisonChangePercent, double? RelativeEffect);

public sealed record ProblemResponse(
    long Id, string Title, string ProblemType, string? District, double Latitude, double Longitude, int RadiusMetres,
    double ComparisonLatitude, double ComparisonLongitude, int ComparisonRadiusMetres, string Scanning, string? Analysis,
    string? Victim, string? Offender, string? Place, IReadOnlyList<string> Tactics, string? Response, DateTimeOffset? ResponseStartedAt,
    string? Result, string? Learning, bool Published, ProblemAssessment? Assessment, int Version);

/// <summary>Problems (<c>/api/v1/problems</c>) and the library of what works (<c>/api/v1/practice</c>).</summary>
public static class ProblemsApi
{
    public static IHostApplicationBuilder AddProblemSolving(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ProblemReader>();
        builder.Services.AddScoped<ProblemWork>();
        return builder;
    }

    public static WebApplication MapProblems(this WebApplication app)
    {
        var problems = app.MapGroup("/api/v1/problems").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Problem solving");
        problems.MapGet("/tactics", () => TypedResults.Ok(Tactics.All.Select(t => new { code = t.Code, name = t.Name, group = t.Group }).ToList()))
            .WithName("listTactics").WithSummary("List the tactics responses are drawn from");
        problems.MapGet("", ListAsync)
            .WithName("listProblems").WithSummary("List problems being worked, newest first");
        problems.MapPost("", CreateAsync)
            .WithName("createProblem").WithSummary("Record a problem to work");
        problems.MapGet("/{id:long}", ReadAsync)
            .WithName("getProblem").WithSummary("Read a problem");
        problems.MapPut("/{id:long}", UpdateAsync)
            .WithName("updateProblem").WithSummary("Change a problem").ProducesProblem(StatusCodes.Status409Conflict);
        var practice = app.MapGroup("/api/v1/practice").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("What works");
        practice.MapGet("", LibraryAsync)
            .WithName("searchPractice").WithSummary("Search the library of what works");
        return app;
    }

    /// <summary>Problems are the force's and its partners' shared work; everyone who works cases may read and record them.</summary>
    internal static bool CanUse(CaseAccess access) => access.CanUseCases;

    private static async Task<Results<Created<ProblemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ProblemRequest request, ProblemWork work, CancellationToken ct) =>
        (await work.CreateAsync(request, ct)).ToCreated(p => p, p => $"/api/v1/problems/{p.Id}", "The problem was not recorded");

    private static async Task<Results<Ok<ProblemResponse>, NotFound>> ReadAsync(long id, AppDb db, CaseAccess access, ProblemReader reader, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var problem = CanUse(access) ? await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (problem is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("problem.read", "problem", id.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        return TypedResults.Ok(ProblemReader.ToResponse(problem, await reader.AssessAsync(problem, time.GetUtcNow(), ct)));
    }

    /// <summary>Problems being worked, published or not, newest first: where a team finds its drafts.</summary>
    private static async Task<Results<Ok<PagedList<ProblemResponse>>, NotFound, ValidationProblem>> ListAsync(
        AppDb db, CaseAccess access, ProblemReader reader, AuditTrail audit, TimeProvider time, string? district, bool? published, int? page, int? pageSize, CancellationToken ct)
    {
        if (!CanUse(access))
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize, 20);
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var query = db.Problems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(p => p.District == district);
        }
        if (published is { } only)
        {
            query = query.Where(p => p.Published == only);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<ProblemResponse>();
        foreach (var row in rows)
        {
            items.Add(ProblemReader.ToResponse(row, await reader.AssessAsync(row, time.GetUtcNow(), ct)));
        }
        await audit.WriteAsync("problem.list", "problem", null, details: $"district={district} published={published} count={items.Count}", cancellationToken: ct);
        return TypedResults.Ok(new PagedList<ProblemResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ProblemRequest request, ProblemWork work, CancellationToken ct) =>
        (await work.UpdateAsync(id, request, ct)).ToOk("The problem was not saved");

    private static async Task<Results<Ok<PagedList<ProblemResponse>>, NotFound, ValidationProblem>> LibraryAsync(
        CaseAccess access, ProblemReader reader, AuditTrail audit, TimeProvider time, string? q, string? problemType, string? tactic, string? district, int? page, int? pageSize, CancellationToken ct)
    {
        if (!CanUse(access))
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize, 20);
        v.MaxLength("q", q, "the search text", 200);
        v.MaxLength("problemType", problemType, "the type of problem", 100);
        v.MaxLength("tactic", tactic, "the tactic", 60);
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        await audit.WriteAsync("practice.search", "problem", null, details: $"q={q} type={problemType} tactic={tactic} district={district}", cancellationToken: ct);
        return TypedResults.Ok(await reader.SearchAsync(q, problemType, tactic, district, paging, time.GetUtcNow(), ct));
    }
}
