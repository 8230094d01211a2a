using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Asb;

/// <summary>
/// A recurring problem at a place, worked through SARA (scanning, analysis, response, assessment) with the
/// problem analysis triangle. Once assessed and published it joins the library of what works.
/// </summary>
public sealed class Problem : IVersioned
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public required string ProblemType { get; set; }
    public string? District { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int RadiusMetres { get; set; }
    public double ComparisonLatitude { get; set; }
    public double ComparisonLongitude { get; set; }
    public int ComparisonRadiusMetres { get; set; }
    public required string Scanning { get; set; }
    public string? Analysis { get; set; }
    public string? Victim { get; set; }
    public string? Offender { get; set; }
    public string? Place { get; set; }
    /// <summary>Tactic codes from the taxonomy, comma separated.</summary>
    public string Tactics { get; set; } = "";
    public string? Response { get; set; }
    public DateTimeOffset? ResponseStartedAt { get; set; }
    /// <summary>Worked, DidNotWork or Mixed: the team's judgement, beside the computed figures.</summary>
    public string? Result { get; set; }
    public string? Learning { get; set; }
    public bool Published { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
}

internal sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> p)
    {
        p.ToTable("Problems");
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.ProblemType).HasMaxLength(100);
        p.Property(x => x.District).HasMaxLength(60);
        p.Property(x => x.Scanning).HasMaxLength(4000);
        p.Property(x => x.Analysis).HasMaxLength(4000);
        p.Property(x => x.Victim).HasMaxLength(2000);
        p.Property(x => x.Offender).HasMaxLength(2000);
        p.Property(x => x.Place).HasMaxLength(2000);
        p.Property(x => x.Tactics).HasMaxLength(500);
        p.Property(x => x.Response).HasMaxLength(4000);
        p.Property(x => x.Result).HasMaxLength(20);
        p.Property(x => x.Learning).HasMaxLength(4000);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.HasIndex(x => new { x.Published, x.ProblemType });
    }
}

/// <summary>The tactic taxonomy responses are drawn from: situational, enforcement, diversion, engagement.</summary>
public static class Tactics
{
    public static readonly IReadOnlyList<(string Code, string Name, string Group)> All =
    [
        ("lighting", "Improved street lighting", "Situational"),
        ("cctv", "CCTV", "Situational"),
        ("target-hardening", "Target hardening (locks, gates, alley-gating)", "Situational"),
        ("environmental-clean-up", "Environmental clean-up and repair", "Situational"),
        ("licensing", "Licensing conditions and reviews", "Situational"),
        ("patrols", "High-visibility patrols", "Enforcement"),
        ("dispersal", "Dispersal directions", "Enforcement"),
        ("pspo", "Public spaces protection order", "Enforcement"),
        ("cpn", "Community protection warnings and notices", "Enforcement"),
        ("injunctions", "Civil injunctions and criminal behaviour orders", "Enforcement"),
        ("diversion", "Diversionary youth activities", "Diversion"),
        ("outreach", "Outreach and support (alcohol, drugs, housing)", "Diversion"),
        ("restorative", "Restorative justice and mediation", "Diversion"),
        ("community-engagement", "Community engagement and communication", "Engagement"),
    ];

    public static bool IsTactic(string code) => All.Any(t => t.Code == code);
}

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

    private const double EarthRadiusMetres = 6_371_000;

    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(a));
    }

    private static async Task<(int Before, int After)> CountAsync(AppDb db, double lat, double lon, int radius, DateTimeOffset start, int days, CancellationToken ct)
    {
        var dLat = radius / 111_320.0;
        var dLon = radius / (111_320.0 * Math.Cos(double.DegreesToRadians(lat)));
        var from = start.AddDays(-days);
        var to = start.AddDays(days);
        var points = await db.Incidents.AsNoTracking()
            .Where(i => i.Latitude != null && i.Latitude >= lat - dLat && i.Latitude <= lat + dLat && i.Longitude >= lon - dLon && i.Longitude <= lon + dLon
                        && i.ReportedAt >= from && i.ReportedAt < to)
            .Select(i => new { i.Latitude, i.Longitude, i.ReportedAt }).ToListAsync(ct);
        var inside = points.Where(p => DistanceMetres(lat, lon, p.Latitude!.Value, p.Longitude!.Value) <= radius).ToList();
        return (inside.Count(p => p.ReportedAt < start), inside.Count(p => p.ReportedAt >= start));
    }

    /// <summary>
    /// Before and after periods of equal length either side of the response's start, as long as has passed since
    /// it (at most a year). The relative effect is (area after ÷ before) ÷ (comparison after ÷ before): below 1, the
    /// problem area improved more than the comparison area.
    /// </summary>
    public static async Task<ProblemAssessment?> AssessAsync(AppDb db, Problem p, DateTimeOffset now, CancellationToken ct)
    {
        if (p.ResponseStartedAt is not { } start || start >= now)
        {
            return null;
        }
        var days = (int)Math.Clamp(Math.Floor((now - start).TotalDays), 1, 365);
        var area = await CountAsync(db, p.Latitude, p.Longitude, p.RadiusMetres, start, days, ct);
        var comparison = await CountAsync(db, p.ComparisonLatitude, p.ComparisonLongitude, p.ComparisonRadiusMetres, start, days, ct);
        static double? Change(int before, int after) => before == 0 ? null : Math.Round(100.0 * (after - before) / before, 1);
        double? effect = area.Before > 0 && comparison.Before > 0 && comparison.After > 0
            ? Math.Round((double)area.After / area.Before / ((double)comparison.After / comparison.Before), 2) : null;
        return new ProblemAssessment(days, area.Before, area.After, comparison.Before, comparison.After, Change(area.Before, area.After), Change(comparison.Before, comparison.After), effect);
    }

    public static ProblemResponse ToResponse(Problem p, ProblemAssessment? assessment) => new(
        p.Id, p.Title, p.ProblemType, p.District, p.Latitude, p.Longitude, p.RadiusMetres, p.ComparisonLatitude, p.ComparisonLongitude, p.ComparisonRadiusMetres,
        p.Scanning, p.Analysis, p.Victim, p.Offender, p.Place, p.Tactics.Split(',', StringSplitOptions.RemoveEmptyEntries), p.Response, p.ResponseStartedAt,
        p.Result, p.Learning, p.Published, assessment, p.Version);

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
            && DistanceMetres(a, c, b, d) < ra + rb)
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
        ProblemRequest request, AppDb db, CaseAccess access, CurrentUser user, AuditTrail audit, TimeProvider time, CancellationToken ct)
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
        return TypedResults.Created($"/api/v1/problems/{problem.Id}", ToResponse(problem, await AssessAsync(db, problem, time.GetUtcNow(), ct)));
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound>> ReadAsync(long id, AppDb db, CaseAccess access, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var problem = CanUse(access) ? await db.Problems.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (problem is null)
        {
            return TypedResults.NotFound();
        }
        await audit.WriteAsync("problem.read", "problem", id.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        return TypedResults.Ok(ToResponse(problem, await AssessAsync(db, problem, time.GetUtcNow(), ct)));
    }

    /// <summary>Problems being worked, published or not, newest first: where a team finds its drafts.</summary>
    private static async Task<Results<Ok<PagedList<ProblemResponse>>, NotFound, ValidationProblem>> ListAsync(
        AppDb db, CaseAccess access, AuditTrail audit, TimeProvider time, string? district, bool? published, int? page, int? pageSize, CancellationToken ct)
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
            items.Add(ToResponse(row, await AssessAsync(db, row, time.GetUtcNow(), ct)));
        }
        await audit.WriteAsync("problem.list", "problem", null, details: $"district={district} published={published} count={items.Count}", cancellationToken: ct);
        return TypedResults.Ok(new PagedList<ProblemResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ProblemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ProblemRequest request, AppDb db, CaseAccess access, AuditTrail audit, TimeProvider time, CancellationToken ct)
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
        return TypedResults.Ok(ToResponse(problem, await AssessAsync(db, problem, time.GetUtcNow(), ct)));
    }

    /// <summary>The library: published problems by type, tactic, place and free text. Problems carry no case or person data.</summary>
    public static async Task<PagedList<ProblemResponse>> SearchAsync(AppDb db, string? q, string? problemType, string? tactic, string? district, Paging paging, DateTimeOffset now, CancellationToken ct)
    {
        var query = db.Problems.AsNoTracking().Where(p => p.Published);
        if (!string.IsNullOrWhiteSpace(problemType))
        {
            var type = problemType.Trim().ToLower();
            query = query.Where(p => p.ProblemType.ToLower() == type);
        }
        if (!string.IsNullOrWhiteSpace(tactic))
        {
            var code = tactic.Trim().ToLowerInvariant();
            query = query.Where(p => ("," + p.Tactics + ",").Contains("," + code + ","));
        }
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(p => p.District == district);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(p => p.Title.ToLower().Contains(text) || p.ProblemType.ToLower().Contains(text) || (p.Learning != null && p.Learning.ToLower().Contains(text))
                || (p.Response != null && p.Response.ToLower().Contains(text)) || p.Scanning.ToLower().Contains(text));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.ResponseStartedAt).ThenByDescending(p => p.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<ProblemResponse>();
        foreach (var row in rows)
        {
            items.Add(ToResponse(row, await AssessAsync(db, row, now, ct)));
        }
        return new PagedList<ProblemResponse>(items, paging.Page, paging.PageSize, total);
    }

    private static async Task<Results<Ok<PagedList<ProblemResponse>>, NotFound, ValidationProblem>> LibraryAsync(
        AppDb db, CaseAccess access, AuditTrail audit, TimeProvider time, string? q, string? problemType, string? tactic, string? district, int? page, int? pageSize, CancellationToken ct)
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
        return TypedResults.Ok(await SearchAsync(db, q, problemType, tactic, district, paging, time.GetUtcNow(), ct));
    }
}
