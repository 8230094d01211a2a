using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.ProblemSolving;

/// <summary>
/// Recording a problem and working it through SARA, the same for the pages and the API. A change sends back the version
/// it read (<see cref="Versioning.Unchanged"/>): a stale edit changes nothing.
/// </summary>
public sealed class ProblemWork(AppDb db, CaseAccess access, ProblemReader reader, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    /// <summary>The problem as it stands, as a change to it: a page changes one SARA stage and sends the rest back unchanged.</summary>
    public static ProblemRequest Unchanged(ProblemResponse p) => new(
        p.Version, p.Title, p.ProblemType, p.District, p.Latitude, p.Longitude, p.RadiusMetres, p.ComparisonLatitude, p.ComparisonLongitude, p.ComparisonRadiusMetres,
        p.Scanning, p.Analysis, p.Victim, p.Offender, p.Place, [.. p.Tactics], p.Response, p.ResponseStartedAt, p.Result, p.Learning, p.Published);

    public async Task<Outcome<ProblemResponse>> CreateAsync(ProblemRequest request, CancellationToken ct)
    {
        if (!ProblemsApi.CanUse(access))
        {
            return Outcome<ProblemResponse>.NotFound;
        }
        var v = new Validation();
        var problem = new Problem { Title = "", ProblemType = "", Scanning = "", CreatedAt = time.GetUtcNow(), CreatedBy = user.Name };
        Apply(v, problem, request);
        if (!v.IsValid)
        {
            return Outcome<ProblemResponse>.Invalid(v.Errors);
        }
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        audit.Add("problem.create", "problem", problem.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ProblemReader.ToResponse(problem, await reader.AssessAsync(problem, time.GetUtcNow(), ct)));
    }

    public async Task<Outcome<ProblemResponse>> UpdateAsync(long id, ProblemRequest request, CancellationToken ct)
    {
        var problem = ProblemsApi.CanUse(access) ? await db.Problems.FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (problem is null)
        {
            return Outcome<ProblemResponse>.NotFound;
        }
        if (db.Unchanged<ProblemResponse, Problem>(problem, request.Version) is { } refused)
        {
            return refused;
        }
        var v = new Validation();
        Apply(v, problem, request);
        if (!v.IsValid)
        {
            return Outcome<ProblemResponse>.Invalid(v.Errors);
        }
        audit.Add("problem.update", "problem", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ProblemReader.ToResponse(problem, await reader.AssessAsync(problem, time.GetUtcNow(), ct)));
    }

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
}
