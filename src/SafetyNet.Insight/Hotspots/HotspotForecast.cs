using SafetyNet.Insight.Geography;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Insight.Hotspots;

/// <summary>
/// A predicted cell: its column and row in the prediction's grid, its south-west corner and side in grid
/// metres, its score and its rank (1 = highest risk).
/// </summary>
public readonly record struct HotspotCell(int Rank, double Score, int Column, int Row, double X, double Y, double Size);

public sealed record HotspotPrediction(
    string CrimeType,
    CalendarMonth Month,
    CalendarMonth FirstHistoryMonth,
    CalendarMonth LastHistoryMonth,
    int HistoryEvents,
    double AreaKm2,
    CellGrid Grid,
    HotspotCell[] Cells);

/// <summary>
/// Predicts next month's hotspots from police.uk rows: selects the type, projects to the National Grid,
/// scores cells and keeps the best ones that make up the requested area exactly.
/// </summary>
public static class HotspotForecast
{
    /// <summary>Every crime type except anti-social behaviour (for harm-weighted maps).</summary>
    public const string AllCrime = "all";

    /// <summary>
    /// The predicted cells are about <paramref name="settings"/>.CellSize metres; the side is adjusted a
    /// little so a whole number of cells makes up the area exactly.
    /// </summary>
    /// <param name="harm">CCHI weight per crime type; null weighs every crime 1. Types without a weight are left out.</param>
    /// <exception cref="ArgumentException">No usable history, or an area larger than the data's extent.</exception>
    public static HotspotPrediction Predict(
        ReadOnlySpan<StreetCrime> crimes,
        string crimeType,
        CalendarMonth until,
        double areaKm2,
        HotspotSettings? settings = null,
        IReadOnlyDictionary<string, double>? harm = null)
    {
        settings ??= new HotspotSettings();
        if (!(areaKm2 > 0) || !double.IsFinite(areaKm2))
        {
            throw new ArgumentOutOfRangeException(nameof(areaKm2), "The area must be a positive number of km².");
        }
        var extent = StudyExtentOf(crimes, until);
        var events = Events(crimes, crimeType, harm, until, extent);
        if (events.Length == 0)
        {
            throw new ArgumentException($"no {crimeType} crimes with a location up to {until}");
        }
        var first = int.MaxValue;
        foreach (var e in events)
        {
            first = Math.Min(first, e.Month);
        }
        var cells = Math.Max(1, (int)Math.Round(areaKm2 * 1e6 / (settings.CellSize * settings.CellSize)));
        var size = Math.Sqrt(areaKm2 * 1e6 / cells);
        var grid = CellGrid.Covering(extent, size);
        if (cells > grid.Count / 2)
        {
            throw new ArgumentException($"{areaKm2} km² is more than half the area the data covers");
        }
        var target = until.AddMonths(1);
        var scores = HotspotPredictor.Score(events, target.Index, grid, settings with { CellSize = size });
        var top = HotspotPredictor.TopCells(scores, cells);
        var result = new HotspotCell[top.Length];
        for (var i = 0; i < top.Length; i++)
        {
            var (x, y) = grid.Corner(top[i]);
            result[i] = new HotspotCell(i + 1, scores[top[i]], top[i] % grid.Columns, top[i] / grid.Columns, x, y, size);
        }
        return new HotspotPrediction(crimeType, target, CalendarMonth.FromIndex(first), until, events.Length, cells * size * size / 1e6, grid, result);
    }

    /// <summary>
    /// Where the force's crimes are. A force's file also holds a few hundred rows it recorded that happened far
    /// away (Birmingham, Leeds, Brighton…); a grid stretched over them would be mostly empty and enormous. So
    /// the extent is the box holding the middle 99 % of located rows in each direction, plus a margin that
    /// keeps the border areas.
    /// </summary>
    public static StudyExtent StudyExtentOf(ReadOnlySpan<StreetCrime> crimes, CalendarMonth? until = null, double marginMetres = 3000)
    {
        var last = until?.Index ?? int.MaxValue;
        var longitudes = new List<double>(crimes.Length);
        var latitudes = new List<double>(crimes.Length);
        foreach (var crime in crimes)
        {
            if (crime.HasLocation && crime.Month.Index <= last)
            {
                longitudes.Add(crime.Longitude);
                latitudes.Add(crime.Latitude);
            }
        }
        if (longitudes.Count == 0)
        {
            throw new ArgumentException(until is null ? "no rows with a location" : $"no rows with a location up to {until}");
        }
        longitudes.Sort();
        latitudes.Sort();
        var low = (int)(longitudes.Count * 0.005);
        var high = longitudes.Count - 1 - low;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (lon, lat) in new[] { (longitudes[low], latitudes[low]), (longitudes[high], latitudes[low]), (longitudes[low], latitudes[high]), (longitudes[high], latitudes[high]) })
        {
            var (x, y) = BritishNationalGrid.FromWgs84(lon, lat);
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }
        return new StudyExtent(minX - marginMetres, minY - marginMetres, maxX + marginMetres, maxY + marginMetres);
    }

    /// <summary>Rows of the type with a location, up to and including <paramref name="until"/>, on the National Grid, inside the extent when one is given.</summary>
    public static GridEvent[] Events(ReadOnlySpan<StreetCrime> crimes, string crimeType, IReadOnlyDictionary<string, double>? harm, CalendarMonth? until = null, StudyExtent? extent = null)
    {
        var all = string.Equals(crimeType, AllCrime, StringComparison.OrdinalIgnoreCase);
        var last = until?.Index ?? int.MaxValue;
        var events = new List<GridEvent>();
        foreach (var crime in crimes)
        {
            if (!crime.HasLocation || crime.Month.Index > last)
            {
                continue;
            }
            if (all ? crime.IsAntiSocialBehaviour : !string.Equals(crime.CrimeType, crimeType, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var weight = 1.0;
            if (harm is not null && (!harm.TryGetValue(crime.CrimeType, out weight) || weight <= 0))
            {
                continue;
            }
            var (x, y) = BritishNationalGrid.FromWgs84(crime.Longitude, crime.Latitude);
            if (extent is { } box && !box.Contains(x, y))
            {
                continue;
            }
            events.Add(new GridEvent(x, y, crime.Month.Index, weight));
        }
        return events.ToArray();
    }
}
