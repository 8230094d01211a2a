using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight.Statistics;

namespace SafetyNet.Insight;

/// <summary>
/// Denominators and the national comparison, as published figures with their vintage. Residents are the 2011
/// Census (ONS, OGL v3); England and Wales counts are police recorded crime for 2024/25 (Home Office) summed
/// from offence subgroups to police.uk categories. No household counts or district populations are held, so
/// burglary is per 1,000 residents here and districts show counts without a rate.
/// </summary>
public static class OpenDataDenominators
{
    public const string PopulationVintage = "2011 Census usual residents";
    public const long Hertfordshire = 1_116_062;
    public const long EnglandAndWales = 56_075_912;
    public const string NationalVintage = "police recorded crime, England and Wales, year ending March 2025";

    public static readonly IReadOnlyDictionary<string, long> NationalCounts = new Dictionary<string, long>(StringComparer.Ordinal)
    {
        ["Bicycle theft"] = 55_820,
        ["Burglary"] = 244_648,
        ["Criminal damage and arson"] = 455_004,
        ["Drugs"] = 202_155,
        ["Other crime"] = 122_978,
        ["Other theft"] = 428_808,
        ["Possession of weapons"] = 56_830,
        ["Public order"] = 440_119,
        ["Robbery"] = 77_603,
        ["Shoplifting"] = 525_833,
        ["Theft from the person"] = 137_217,
        ["Vehicle crime"] = 348_282,
        ["Violence and sexual offences"] = 2_130_180,
    };
}

public sealed record CategoryRate(
    string Category, int Count, int PreviousCount, double RatePerThousand, double PreviousRatePerThousand, double? EnglandAndWalesRatePerThousand)
{
    public double Change => RatePerThousand - PreviousRatePerThousand;
}

public sealed record DistrictCount(string District, int Count, int PreviousCount);

public sealed record RatesReport(
    string From, string To, string PreviousFrom, string PreviousTo, int Months,
    string PopulationVintage, long Population, string NationalVintage, long NationalPopulation,
    IReadOnlyList<CategoryRate> Categories, IReadOnlyList<DistrictCount> Districts, int RowsOutsideCounty);

/// <summary>Rates per 1,000 residents from the imported police.uk rows, on a yearly footing, against the previous period of the same length.</summary>
public sealed class OpenDataRates(AppDb db)
{
    /// <summary>The months the open-data tables hold, oldest first.</summary>
    public async Task<List<DateOnly>> MonthsAsync(CancellationToken ct) =>
        await db.Set<OpenDataCrime>().Select(c => c.Month).Distinct().OrderBy(m => m).ToListAsync(ct);

    public async Task<RatesReport?> ReportAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var months = await MonthsAsync(ct);
        if (months.Count == 0)
        {
            return null;
        }
        var last = to ?? months[^1];
        var first = from ?? (months.Count >= 12 ? last.AddMonths(-5) : months[0]);
        var length = (last.Year - first.Year) * 12 + last.Month - first.Month + 1;
        var previousLast = first.AddMonths(-1);
        var previousFirst = first.AddMonths(-length);

        // Only the county's own LSOAs: rows just over the border belong to a neighbour's population.
        var rows = await db.Set<OpenDataCrime>().AsNoTracking()
            .Where(c => c.Month >= previousFirst && c.Month <= last)
            .GroupBy(c => new { c.CrimeType, c.District, Current = c.Month >= first })
            .Select(g => new { g.Key.CrimeType, g.Key.District, g.Key.Current, Count = g.Count() })
            .ToListAsync(ct);
        var inCounty = rows.Where(r => r.District is not null).ToList();
        var categories = inCounty.Select(r => r.CrimeType).Distinct(StringComparer.Ordinal).Select(category =>
        {
            var current = inCounty.Where(r => r.CrimeType == category && r.Current).Sum(r => r.Count);
            var previous = inCounty.Where(r => r.CrimeType == category && !r.Current).Sum(r => r.Count);
            double? national = OpenDataDenominators.NationalCounts.TryGetValue(category, out var count)
                ? Rates.PerThousand(count, OpenDataDenominators.EnglandAndWales) : null;
            return new CategoryRate(category, current, previous,
                Rates.PerThousandPerYear(current, OpenDataDenominators.Hertfordshire, length),
                Rates.PerThousandPerYear(previous, OpenDataDenominators.Hertfordshire, length),
                national);
        }).OrderByDescending(c => c.Count).ToList();
        var districts = inCounty.Select(r => r.District!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(d => new DistrictCount(d, inCounty.Where(r => r.District == d && r.Current).Sum(r => r.Count), inCounty.Where(r => r.District == d && !r.Current).Sum(r => r.Count)))
            .ToList();
        return new RatesReport(Month(first), Month(last), Month(previousFirst), Month(previousLast), length,
            OpenDataDenominators.PopulationVintage, OpenDataDenominators.Hertfordshire, OpenDataDenominators.NationalVintage, OpenDataDenominators.EnglandAndWales,
            categories, districts, rows.Where(r => r.District is null && r.Current).Sum(r => r.Count));
    }

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
