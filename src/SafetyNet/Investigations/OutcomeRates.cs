using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Insight.Statistics;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// Which finalised investigations to count and how to split them: the months of finalisation (from and to, inclusive,
/// on the force's clock), what to group by (offence subgroup, police.uk category, team, or nothing) and the period
/// each row covers (month, quarter or year).
/// </summary>
public sealed record OutcomeRateQuery(CalendarMonth From, CalendarMonth To, string By, string Period)
{
    public static readonly IReadOnlyList<string> Groupings = ["subgroup", "category", "team", "none"];
    public static readonly IReadOnlyList<string> Periods = ["month", "quarter", "year"];

    /// <summary>Reads the query as the page and the API take it; without dates, the last twelve months up to this one.</summary>
    public static (OutcomeRateQuery? Query, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? by, string? period, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = ForceClock.DayOf(now);
        var thisMonth = new CalendarMonth(today.Year, today.Month);
        var start = thisMonth.AddMonths(-11);
        var end = thisMonth;
        if (!string.IsNullOrWhiteSpace(from) && !CalendarMonth.TryParse(from.Trim(), out start))
        {
            errors["from"] = ["Enter the first month as a year and month, for example 2026-01"];
        }
        if (!string.IsNullOrWhiteSpace(to) && !CalendarMonth.TryParse(to.Trim(), out end))
        {
            errors["to"] = ["Enter the last month as a year and month, for example 2026-12"];
        }
        if (errors.Count == 0 && end < start)
        {
            errors["to"] = ["The last month must be the same as or after the first month"];
        }
        else if (errors.Count == 0 && end.Index - start.Index >= 120)
        {
            errors["to"] = ["Choose at most ten years"];
        }
        by = string.IsNullOrWhiteSpace(by) ? "subgroup" : by.Trim();
        if (!Groupings.Contains(by))
        {
            errors["by"] = ["Group by offence, police.uk category, team or nothing"];
        }
        period = string.IsNullOrWhiteSpace(period) ? "quarter" : period.Trim();
        if (!Periods.Contains(period))
        {
            errors["period"] = ["Choose month, quarter or year"];
        }
        return errors.Count > 0 ? (null, errors) : (new OutcomeRateQuery(start, end, by, period), errors);
    }

    public string ToQueryString() => $"from={From}&to={To}&by={By}&period={Period}";

    /// <summary>The period an instant of finalisation falls in, named as the force reads it: "2026-03", "2026 Q1", "2026".</summary>
    public string PeriodOf(DateTimeOffset instant)
    {
        var day = ForceClock.DayOf(instant);
        return Period switch
        {
            "month" => new CalendarMonth(day.Year, day.Month).ToString(),
            "year" => day.Year.ToString(CultureInfo.InvariantCulture),
            _ => string.Create(CultureInfo.InvariantCulture, $"{day.Year} Q{(day.Month + 2) / 3}"),
        };
    }

    /// <summary>The instants the months cover on the force's clock: from the first day of <see cref="From"/> up to, not including, the month after <see cref="To"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Instants()
    {
        var after = To.AddMonths(1);
        return (ForceClock.StartOf(new DateOnly(From.Year, From.Month, 1)), ForceClock.StartOf(new DateOnly(after.Year, after.Month, 1)));
    }
}

/// <summary>A share of the finalised investigations with its 95 % Wilson interval, as fractions.</summary>
public sealed record RateWithInterval(int Count, double Rate, double Lower, double Upper)
{
    public static RateWithInterval Of(int count, int of)
    {
        var wilson = Proportion.Wilson(count, of);
        return new(count, wilson.Proportion, wilson.Lower, wilson.Upper);
    }

    /// <summary>"25.0 % (9.0 – 53.2 %)".</summary>
    public string Headline => string.Create(CultureInfo.InvariantCulture, $"{Rate * 100:0.0} % ({Lower * 100:0.0} – {Upper * 100:0.0} %)");
}

/// <summary>One outcome type's share of a row's finalised investigations.</summary>
public sealed record OutcomeShare(string Code, string Name, string PoliceUkCategory, RateWithInterval Share);

/// <summary>One period and group: how many investigations were finalised, the charge rate (outcomes 1 and 1A) and each outcome type's share.</summary>
public sealed record OutcomeRateRow(string Period, string Group, int Finalised, RateWithInterval Charged, IReadOnlyList<OutcomeShare> Outcomes);

public sealed record OutcomeRateResult(OutcomeRateQuery Query, string Interval, int Finalised, RateWithInterval? Charged, IReadOnlyList<OutcomeShare> Outcomes, IReadOnlyList<OutcomeRateRow> Rows);

/// <summary>
/// Outcome and charge rates of finalised investigations by crime type, team and period, each with Wilson's 95 % score
/// interval (the interval the satisfaction results and the recording self-audit use): a team's twelve crimes in a
/// quarter give an honest range, not a bare percentage. Figures only, never a person: supervisors, the crime registrar
/// and analysts read them (<see cref="InvestigationAccess.Counted"/>); a download is audited as an export.
/// </summary>
public sealed class OutcomeRates(AppDb db, InvestigationAccess access, AuditTrail audit, CurrentUser user)
{
    public const string Interval = "Wilson score interval, 95 %";

    public bool CanUse => access.CanCount;

    public async Task<OutcomeRateResult> RatesAsync(OutcomeRateQuery query, CancellationToken ct)
    {
        var (start, end) = query.Instants();
        var rows = await (from i in access.Counted.AsNoTracking()
                          join c in db.CrimeRecords.AsNoTracking() on i.CrimeRecordId equals c.Id
                          where i.Status == InvestigationStatus.Finalised && i.OutcomeCode != null && i.FinalisedAt >= start && i.FinalisedAt < end
                          select new { i.OutcomeCode, i.FinalisedAt, c.OffenceSubgroup, c.PoliceUkCategory, i.TeamId }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var finalised = rows.Select(r => new Finalised(
            r.OutcomeCode!, query.PeriodOf(r.FinalisedAt!.Value),
            query.By switch
            {
                "category" => r.PoliceUkCategory ?? "No category",
                "team" => r.TeamId is { } t ? teams.GetValueOrDefault(t, "Unknown team") : "No team",
                "none" => "All crimes",
                _ => r.OffenceSubgroup ?? "No offence recorded",
            })).ToList();
        var result = finalised.GroupBy(f => (f.Period, f.Group))
            .OrderBy(g => g.Key.Period, StringComparer.Ordinal).ThenBy(g => g.Key.Group, StringComparer.Ordinal)
            .Select(g => new OutcomeRateRow(g.Key.Period, g.Key.Group, g.Count(), Charges(g.ToList()), Shares(g.ToList()))).ToList();
        return new OutcomeRateResult(query, Interval, finalised.Count, finalised.Count > 0 ? Charges(finalised) : null, Shares(finalised), result);
    }

    /// <summary>The rates as CSV, one line per period, group and outcome (the charge rate first), audited as an export with its recipient.</summary>
    public async Task<byte[]> CsvAsync(OutcomeRateQuery query, string? purpose, CancellationToken ct)
    {
        var result = await RatesAsync(query, ct);
        var csv = new StringBuilder("period,group,finalised,outcome,outcome_name,count,rate,lower_95,upper_95\n");
        foreach (var row in result.Rows)
        {
            Line(row, "charge", "Charged or summonsed (1 and 1A)", row.Charged);
            foreach (var share in row.Outcomes)
            {
                Line(row, share.Code, share.Name, share.Share);
            }
        }
        await audit.WriteAsync("investigation.outcome-rates.export", "investigation-outcome-rates", $"{query.From}..{query.To}", purpose,
            $"format=csv by={query.By} period={query.Period} rows={result.Rows.Count} recipient={user.Name}", cancellationToken: ct);
        return Encoding.UTF8.GetBytes(csv.ToString());

        void Line(OutcomeRateRow row, string code, string name, RateWithInterval rate) => csv
            .Append(PackExport.Field(row.Period)).Append(',').Append(PackExport.Field(row.Group)).Append(',')
            .Append(row.Finalised.ToString(CultureInfo.InvariantCulture)).Append(',').Append(PackExport.Field(code)).Append(',').Append(PackExport.Field(name)).Append(',')
            .Append(rate.Count.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Number(rate.Rate)).Append(',').Append(Number(rate.Lower)).Append(',')
            .Append(Number(rate.Upper)).Append('\n');
    }

    private static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static RateWithInterval Charges(List<Finalised> rows) =>
        RateWithInterval.Of(rows.Count(r => HomeOfficeOutcomes.Find(r.Code)?.IsCharge == true), rows.Count);

    /// <summary>Each outcome type that occurs, in the Home Office's order, with its share.</summary>
    private static List<OutcomeShare> Shares(List<Finalised> rows) =>
        [.. rows.GroupBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Outcome: HomeOfficeOutcomes.Find(g.Key), Code: g.Key, Count: g.Count()))
            .OrderBy(o => o.Outcome is null ? int.MaxValue : HomeOfficeOutcomes.All.ToList().IndexOf(o.Outcome))
            .Select(o => new OutcomeShare(o.Outcome?.Code ?? o.Code, o.Outcome?.Name ?? o.Code, o.Outcome?.PoliceUkCategory ?? "", RateWithInterval.Of(o.Count, rows.Count)))];

    private sealed record Finalised(string Code, string Period, string Group);
}
