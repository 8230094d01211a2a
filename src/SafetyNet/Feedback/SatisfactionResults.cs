using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Insight.Statistics;
using SafetyNet.Platform;

namespace SafetyNet.Feedback;

/// <summary>
/// A share satisfied with its 95 % Wilson interval, which stays inside 0 to 100 % and honest for a small team or one
/// officer, where the normal approximation's "±" can pass 100 % (decision 0081).
/// </summary>
public sealed record SatisfactionFigure(string Key, string Label, int Answers, int Satisfied, double Percent, double WilsonLower, double WilsonUpper)
{
    public static SatisfactionFigure Of(string key, string label, int satisfied, int answers)
    {
        if (answers == 0)
        {
            return new(key, label, 0, 0, 0, 0, 0);
        }
        var wilson = Proportion.Wilson(satisfied, answers);
        return new(key, label, answers, satisfied, wilson.Proportion * 100, wilson.Lower * 100, wilson.Upper * 100);
    }

    /// <summary>The share with its interval, as the dashboard heads it: "88.8 % (87.4 – 90.0 %)".</summary>
    public string Headline => Answers == 0 ? "no answers" : string.Create(CultureInfo.InvariantCulture, $"{Percent:0.0} % ({WilsonLower:0.0} – {WilsonUpper:0.0} %)");
}

/// <summary>One hour of the day: how many were surveyed and how satisfied, and whether it sits below the force.</summary>
public sealed record StaffingHour(int Hour, SatisfactionFigure Figure, bool BelowForce);

public sealed record SatisfactionResults(
    SatisfactionFigure Overall, string By, IReadOnlyList<SatisfactionFigure> Groups, IReadOnlyList<StaffingHour> Staffing,
    IReadOnlyList<SatisfactionFigure> Trend, int OpenRecoveryTasks, int OpenTeamAlerts);

public sealed class SatisfactionReport(AppDb db, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Dimensions = ["type", "team", "officer", "callHandler", "channel", "hour", "week"];

    public async Task<SatisfactionResults> ResultsAsync(string by, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        // Without an end the period runs up to and including now: the figure is live.
        var end = to ?? DateTimeOffset.MaxValue;
        var start = from ?? time.GetUtcNow().AddDays(-365);
        var rows = await db.SurveyResponses.AsNoTracking().Where(r => r.AnsweredAt >= start && (to == null || r.AnsweredAt < end))
            .Select(r => new Row(r.IncidentTypeCode, r.TeamId, r.OfficerId, r.CallHandler, r.ContactChannel, r.ContactHour, r.AnsweredAt, r.Satisfied))
            .ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var officers = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var overall = SatisfactionFigure.Of("all", "All answers", rows.Count(r => r.Satisfied), rows.Count);
        IEnumerable<IGrouping<string, Row>> groups = by switch
        {
            "team" => rows.GroupBy(r => r.TeamId is { } t ? teams.GetValueOrDefault(t, "Unknown team") : "No team"),
            "officer" => rows.GroupBy(r => r.OfficerId is { } o ? officers.GetValueOrDefault(o, "Unknown officer") : "No officer in the case"),
            "callHandler" => rows.GroupBy(r => r.CallHandler ?? "Unknown"),
            "channel" => rows.GroupBy(r => r.Channel),
            "hour" => rows.GroupBy(r => r.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00"),
            "week" => rows.GroupBy(r => WeekOf(r.AnsweredAt)),
            _ => rows.GroupBy(r => IncidentType.Find(r.Type)?.Name ?? r.Type),
        };
        var figures = groups.Select(g => SatisfactionFigure.Of(g.Key, g.Key, g.Count(r => r.Satisfied), g.Count()))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var staffing = Enumerable.Range(0, 24).Select(h =>
        {
            var hour = rows.Where(r => r.Hour == h).ToList();
            var figure = SatisfactionFigure.Of(h.ToString("00", CultureInfo.InvariantCulture) + ":00", "", hour.Count(r => r.Satisfied), hour.Count);
            return new StaffingHour(h, figure, figure.Answers > 0 && figure.WilsonUpper < overall.Percent);
        }).ToList();
        var trend = rows.GroupBy(r => WeekOf(r.AnsweredAt)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => SatisfactionFigure.Of(g.Key, "Week of " + g.Key, g.Count(r => r.Satisfied), g.Count())).ToList();
        var tasks = await db.ServiceRecoveryTasks.CountAsync(t => t.Status == RecoveryStatus.Open, ct);
        var alerts = await db.TeamAlerts.CountAsync(a => a.AcknowledgedAt == null, ct);
        return new SatisfactionResults(overall, Dimensions.Contains(by) ? by : "type", figures, staffing, trend, tasks, alerts);
    }

    private static string WeekOf(DateTimeOffset instant)
    {
        var date = ForceClock.DayOf(instant);
        return date.AddDays(-(((int)date.DayOfWeek + 6) % 7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed record Row(string Type, int? TeamId, string? OfficerId, string? CallHandler, string Channel, int Hour, DateTimeOffset AnsweredAt, bool Satisfied);
}
