using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.Insight;

/// <summary>
/// Keeps <see cref="DemandDay"/> rows for whole past days, the force's days (midnight to midnight in London). A day is summarised once from an indexed range of
/// incidents; afterwards only incidents with a larger identifier than the last summary saw (a watermark) are
/// checked, and a day that gained such incidents (an import, a seed) is summarised again. So the pack's
/// four-week average costs a few thousand small rows however many incidents there are.
/// </summary>
public sealed class DemandSummary(AppDb db)
{
    // Days were once UTC days: new keys make every day in a window summarised afresh as a force day.
    private const string WatermarkKey = "insight.demand.force-day.watermark";
    private const string ThroughKey = "insight.demand.force-day.through";

    /// <summary>Makes sure every day in [<paramref name="from"/>, <paramref name="to"/>) is summarised, then returns the rows.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<List<DemandDay>> DaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        // One summariser at a time in this node; another node's overlapping rebuild is caught on save.
        await Gate.WaitAsync(ct);
        try
        {
            return await SummarisedDaysAsync(from, to, ct);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<List<DemandDay>> SummarisedDaysAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var watermark = long.TryParse(await SettingAsync(WatermarkKey, ct), CultureInfo.InvariantCulture, out var w) ? w : 0;
        var through = DateOnly.TryParseExact(await SettingAsync(ThroughKey, ct), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (DateOnly?)null;

        var stale = new SortedSet<DateOnly>();
        // Days never summarised in the window.
        for (var day = through is { } last && last >= from ? last.AddDays(1) : from; day < to; day = day.AddDays(1))
        {
            stale.Add(day);
        }
        // Days in the window that gained incidents after they were summarised.
        var fromInstant = Start(from);
        var toInstant = Start(to);
        var late = db.Incidents.AsNoTracking().Where(i => i.Id > watermark && i.ReportedAt >= fromInstant && i.ReportedAt < toInstant);
        if (await late.AnyAsync(ct))
        {
            var earliest = ForceClock.DayOf(await late.MinAsync(i => i.ReportedAt, ct));
            var latest = ForceClock.DayOf(await late.MaxAsync(i => i.ReportedAt, ct));
            for (var day = earliest; day <= latest; day = day.AddDays(1))
            {
                stale.Add(day);
            }
        }
        if (stale.Count > 0)
        {
            await RebuildAsync(stale, to, through, ct);
        }
        return await db.Set<DemandDay>().AsNoTracking().Where(d => d.Day >= from && d.Day < to).ToListAsync(ct);
    }

    private async Task RebuildAsync(SortedSet<DateOnly> days, DateOnly to, DateOnly? through, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var maxId = await db.Incidents.MaxAsync(i => (long?)i.Id, ct) ?? 0;
        var (first, last) = (days.Min, days.Max);
        var dayList = days.ToList();
        await db.Set<DemandDay>().Where(d => d.Day >= first && d.Day <= last && dayList.Contains(d.Day)).ExecuteDeleteAsync(ct);
        foreach (var day in days)
        {
            var (start, end) = (Start(day), Start(day.AddDays(1)));
            var rows = await db.Incidents.AsNoTracking()
                .Where(i => i.Id <= maxId && i.ReportedAt >= start && i.ReportedAt < end)
                .GroupBy(i => new { i.TypeCode, i.District })
                .Select(g => new { g.Key.TypeCode, g.Key.District, Count = g.Count() })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                db.Set<DemandDay>().Add(new DemandDay { Day = day, TypeCode = row.TypeCode, District = row.District ?? "", Incidents = row.Count });
            }
        }
        await SetAsync(WatermarkKey, maxId.ToString(CultureInfo.InvariantCulture), ct);
        var newThrough = to.AddDays(-1);
        if (through is null || newThrough > through)
        {
            await SetAsync(ThroughKey, newThrough.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node summarised the same days at the same moment: its rows are as good as ours.
            await transaction.RollbackAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    private async Task<string?> SettingAsync(string key, CancellationToken ct) =>
        await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    private async Task SetAsync(string key, string value, CancellationToken ct)
    {
        var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct);
        if (setting is null)
        {
            db.Settings.Add(new Setting { Key = key, Value = value });
        }
        else
        {
            setting.Value = value;
        }
    }

    private static DateTimeOffset Start(DateOnly day) => ForceClock.StartOf(day);
}
