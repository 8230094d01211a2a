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
    private static bool CanUse(CaseAccess access) => access.CanUseCases;

    private static void Apply(Validation v, Problem p, ProblemRequest r)
    {
        p.Title = v.Required("title", r.Title, "a title for the problem", 200) ?? p.Title;
        p.ProblemType = v.Required("problemType", r.ProblemType, "the type of problem, such as street drinking", 100) ?? p.ProblemType;
        p.District = v.District("district", r.District);
        p.Scanning = v.Required("scanning", r.Scanning, "what scanning found", 4000) ?? p.Scanning;
        p.Analysis = v.MaxLength("analysis", r.Analysis, "the analysis", 4000);
        p.Victim = v.MaxLength("victim", r.Victim, "the victim side of the triangle", 2000);
        p.Offender = v.MaxLength("offender", r.Offender, "the offender side of the triangle", 2000);
        p.Place = v.MaxLength("place", r.Place, "the place side of the triangle", 2000);
        p.Response = v.MaxLength("response", r.Response, "the response", 4000);
        p.Learning = v.MaxLength("learning", r.Learning, "the learning", 4000);
        foreach (var (name, lat, lon, radius) in new[] { ("", r.Latitude, r.Longitude, r.RadiusMetres), ("comparison", r.ComparisonLatitude, r.ComparisonLongitude, r.ComparisonRadiusMetres) })
        {
            var prefix = name.Length == 0 ? "" : "comparison";
            string Key(string field) => prefix.Length == 0 ? field : prefix + char.ToUpperInvariant(field[0]) + field[1..];
            if (lat is not (>= 49 and <= 61))
            {
                v.Add(Key("latitude"), "Give a latitude in the United Kingdom (49 to 61)");
            }
            if (lon is not (>= -9 and <= 3))
            {
                v.Add(Key("longitude"), "Give a longitude in the United Kingdom (-9 to 3)");
            }
            if (radius is not (>= 50 and <= 5000))
            {
                v.Add(Key("radiusMetres"), "Give a radius from 50 to 5,000 metres");
            }
        }
        p.Latitude = r.Latitude ?? 0;
        p.Longitude = r.Longitude ?? 0;
        p.RadiusMetres = r.RadiusMetres ?? 0;
        p.ComparisonLatitude = r.ComparisonLatitude ?? 0;
        p.ComparisonLongitude = r.ComparisonLongitude ?? 0;
        p.ComparisonRadiusMetres = r.ComparisonRadiusMetres ?? 0;
        if (r.Latitude is { } a && r.ComparisonLatitude is { } b && r.Longitude is { } c && r.ComparisonLongitude is { } d && r.RadiusMetres is { } ra && r.ComparisonRadiusMetres is { } rb
            && ProblemReader.DistanceMetres(a, c, b, d) < ra + rb)
        {
            v.Add("comparisonLatitude", "The comparison area must not overlap the problem area");
        }
        var tactics = (r.Tactics ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        foreach (var unknown in tactics.Where(t => !Tactics.IsTactic(t)))
        {
            v.Add("tactics", $"'{unknown}' is not a tactic: see /api/v1/problems/tactics");
        }
        p.Tactics = string.Join(',', tactics);
        p.ResponseStartedAt = r.ResponseStartedAt;
        if (r.Result is not null && r.Result is not ("Worked" or "DidNotWork" or "Mixed"))
        {
            v.Add("result", "The result is one of: Worked, DidNotWork, Mixed");
        }
        p.Result = r.Result;
        p.Published = r.Published == true;
        if (p.Published && (p.Result is null || p.Learning is null || p.ResponseStartedAt is null))
        {
            v.Add("published", "Publish to the library once the response, the result and the learning are recorded");
        }
    }

    private static async Task<Results<Created<ProblemResponse>, NotFound, ValidationProblem>> CreateAsync(
        ProblemRequest request, AppDb db, CaseAccess access, ProblemReader reader, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        if (!CanUse(access))
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var problem = new Problem { Title = "", ProblemType = "", Scanning = "", CreatedAt = time.GetUtcNow(), CreatedBy = user.Name };
        Apply(v, problem, request);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The problem was not recorded");
        }
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        audit.Add("problem.create", "problem", problem.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/problems/{problem.Id}", ProblemReader.ToResponse(problem, await reader.AssessAsync(problem, time.GetUtcNow(), ct)));
    }

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
        long id, ProblemRequest request, AppDb db, CaseAccess access, ProblemReader reader, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var problem = CanUse(access) ? await db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (problem is null)
        {
            return TypedResults.NotFound();
        }
        if (request.Version is null || !db.Matches(problem, request.Version.Value))
        {
            return request.Version is null
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["Send the version of the problem you read"] })
                : TypedResults.Problem(OutcomeHttp.Stale(problem.Version));
        }
        var v = new Validation();
        Apply(v, problem, request);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors, title: "The problem was not saved");
        }
        audit.Add("problem.update", "problem", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProblemReader.ToResponse(problem, await reader.AssessAsync(problem, time.GetUtcNow(), ct)));
    }

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
