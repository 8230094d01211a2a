using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Web;

namespace SafetyNet.ProblemSolving;

/// <summary>
/// Problems as the API and the pages show them, each with its assessment (incidents in the problem and comparison
/// areas before and after the response started), and the library of what works.
/// </summary>
public sealed class ProblemReader(AppDb db)
{
    private const double EarthRadiusMetres = 6_371_000;

    public static double DistanceMetres(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMetres * Math.Asin(Math.Sqrt(a));
    }

    private async Task<(int Before, int After)> CountAsync(double lat, double lon, int radius, DateTimeOffset start, int days, CancellationToken ct)
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
    public async Task<ProblemAssessment?> AssessAsync(Problem p, DateTimeOffset now, CancellationToken ct)
    {
        if (p.ResponseStartedAt is not { } start || start >= now)
        {
            return null;
        }
        var days = (int)Math.Clamp(Math.Floor((now - start).TotalDays), 1, 365);
        var area = await CountAsync(p.Latitude, p.Longitude, p.RadiusMetres, start, days, ct);
        var comparison = await CountAsync(p.ComparisonLatitude, p.ComparisonLongitude, p.ComparisonRadiusMetres, start, days, ct);
        static double? Change(int before, int after) => before == 0 ? null : Math.Round(100.0 * (after - before) / before, 1);
        double? effect = area.Before > 0 && comparison.Before > 0 && comparison.After > 0
            ? Math.Round((double)area.After / area.Before / ((double)comparison.After / comparison.Before), 2) : null;
        return new ProblemAssessment(days, area.Before, area.After, comparison.Before, comparison.After, Change(area.Before, area.After), Change(comparison.Before, comparison.After), effect);
    }

    public static ProblemResponse ToResponse(Problem p, ProblemAssessment? assessment) => new(
        p.Id, p.Title, p.ProblemType, p.District, p.Latitude, p.Longitude, p.RadiusMetres, p.ComparisonLatitude, p.ComparisonLongitude, p.ComparisonRadiusMetres,
        p.Scanning, p.Analysis, p.Victim, p.Offender, p.Place, p.Tactics.Split(',', StringSplitOptions.RemoveEmptyEntries), p.Response, p.ResponseStartedAt,
        p.Result, p.Learning, p.Published, assessment, p.Version);

    /// <summary>The library: published problems by type, tactic, place and free text. Problems carry no case or person data.</summary>
    public async Task<PagedList<ProblemResponse>> SearchAsync(string? q, string? problemType, string? tactic, string? district, Paging paging, DateTimeOffset now, CancellationToken ct)
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
            items.Add(ToResponse(row, await AssessAsync(row, now, ct)));
        }
        return new PagedList<ProblemResponse>(items, paging.Page, paging.PageSize, total);
    }
}
