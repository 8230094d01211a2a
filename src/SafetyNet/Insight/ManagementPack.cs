using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Insight.Geography;
using SafetyNet.Insight.Hotspots;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Insight;

public sealed record DemandRow(string Key, string Name, int Last24Hours, double DailyAverage, int Last7Days, double WeeklyAverage)
{
    /// <summary>Last 7 days against the average week of the four before, as a fraction (0.25 = 25 % up); null without a baseline.</summary>
    public double? Change => WeeklyAverage > 0 ? (Last7Days - WeeklyAverage) / WeeklyAverage : null;
}

/// <param name="Street">The gazetteer street nearest the square's centre, so a row says where it is in words.</param>
public sealed record HotspotArea(int Rank, double Score, int Incidents, double[][] Corners, double Latitude, double Longitude, string? District, string? Street = null);

public sealed record HotspotPoint(long IncidentId, string Reference, double Latitude, double Longitude, DateTimeOffset ReportedAt);

public sealed record RepeatVictim(string Name, int Reports, long LatestIncidentId, string LatestReference, string LatestType, DateTimeOffset LatestAt);

public sealed record RepeatLocation(string Location, string? District, int Reports, long LatestIncidentId, string LatestReference);

public sealed record HighRiskCase(long IncidentId, string Reference, string Type, string Instrument, string Level, string? District, DateTimeOffset AssessedAt, bool Referral);

public sealed record StrengthRow(string District, Shift Shift, int Planned, int OnDuty, int Abstracted, string? Reason, int DemandLast24Hours, long Id, int Version);

/// <summary>The force's repeat rules the pack was built with (<c>people.identity</c>, at <see cref="Version"/>).</summary>
public sealed record PackRepeatRules(RepeatRule Victim, RepeatRule Location, int Version);

public sealed record ComplianceFigure(string Measure, int Met, int Due, string Basis)
{
    public double? Rate => Due > 0 ? (double)Met / Due : null;
}

/// <summary>The morning meeting's pack: demand, hotspots, repeats, high risk, strength and compliance.</summary>
public sealed record DailyPack(
    DateTimeOffset GeneratedAt,
    DateOnly Date,
    IReadOnlyList<DemandRow> DemandByType,
    IReadOnlyList<DemandRow> DemandByDistrict,
    DemandRow Total,
    string HotspotType,
    IReadOnlyList<HotspotArea> Hotspots,
    IReadOnlyList<HotspotPoint> HotspotPoints,
    IReadOnlyList<RepeatVictim> RepeatVictims,
    IReadOnlyList<RepeatLocation> RepeatLocations,
    IReadOnlyList<HighRiskCase> HighRisk,
    IReadOnlyList<StrengthRow> Strength,
    IReadOnlyList<ComplianceFigure> Compliance,
    PackRepeatRules RepeatRules);

/// <summary>
/// Builds the daily management pack from indexed ranges of the last day, week and repeat windows; the four-week
/// average comes from <see cref="DemandSummary"/>. The day is the force's (London's), and repeat victims and
/// locations follow the force's repeat rules (<see cref="IdentityRules"/>), the ones intake and the desk use.
/// Repeats use <see cref="PersonKey"/>, the one place that says which entries are the same person.
/// </summary>
public sealed class ManagementPack(AppDb db, DemandSummary summary, ForceConfiguration configuration, TimeProvider time)
{
    public const string HotspotTypeCode = "BURGLARY-RESIDENTIAL";
    public const int HotspotCells = 10;
    public const double HotspotCellMetres = 250;

    public async Task<DailyPack> BuildAsync(string? district, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = ForceClock.DayOf(now);
        var last24 = now.AddHours(-24);
        var last7 = now.AddDays(-7);
        var (rules, rulesVersion) = await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, ct);
        var repeatRules = new PackRepeatRules(rules.RepeatVictim, rules.RepeatLocation, rulesVersion);
        var baselineFrom = today.AddDays(-35);
        var baselineTo = today.AddDays(-7);

        var recent = db.Incidents.AsNoTracking().Where(i => i.ReportedAt >= last7 && i.ReportedAt <= now);
        if (district is not null)
        {
            recent = recent.Where(i => i.District == district);
        }
        var week = await recent
            .GroupBy(i => new { i.TypeCode, i.District, Day = i.ReportedAt >= last24 })
            .Select(g => new { g.Key.TypeCode, g.Key.District, g.Key.Day, Count = g.Count() })
            .ToListAsync(ct);
        var baseline = (await summary.DaysAsync(baselineFrom, baselineTo, ct)).Where(d => district is null || d.District == district).ToList();

        List<DemandRow> Rows(Func<string?, string?, string> key, Func<string, string> name)
        {
            var keys = week.Select(w => key(w.TypeCode, w.District)).Concat(baseline.Select(b => key(b.TypeCode, b.District))).Distinct();
            return keys.Select(k =>
            {
                var inWeek = week.Where(w => key(w.TypeCode, w.District) == k).ToList();
                var base28 = baseline.Where(b => key(b.TypeCode, b.District) == k).Sum(b => b.Incidents);
                return new DemandRow(k, name(k), inWeek.Where(w => w.Day).Sum(w => w.Count), base28 / 28.0, inWeek.Sum(w => w.Count), base28 / 4.0);
            }).OrderByDescending(r => r.Last7Days).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        }
        var byType = Rows((type, _) => type ?? "", code => IncidentType.Find(code)?.Name ?? code);
        var byDistrict = Rows((_, d) => string.IsNullOrEmpty(d) ? "" : d, d => d.Length == 0 ? "District not known" : d);
        var total = new DemandRow("all", "All incidents", byType.Sum(r => r.Last24Hours), byType.Sum(r => r.DailyAverage), byType.Sum(r => r.Last7Days), byType.Sum(r => r.WeeklyAverage));

        var (hotspots, points) = await HotspotsAsync(now, district, ct);
        var victims = await RepeatVictimsAsync(now, last24, rules.RepeatVictim, district, ct);
        var locations = await RepeatLocationsAsync(now, last24, rules.RepeatLocation, district, ct);
        var highRisk = await HighRiskAsync(now.AddDays(-28), district, ct);
        var strength = await StrengthAsync(today, byDistrict, district, ct);
        var compliance = await ComplianceAsync(last7, now, district, ct);
        return new DailyPack(now, today, byType, byDistrict, total, IncidentType.Find(HotspotTypeCode)!.Name, hotspots, points, victims, locations, highRisk, strength, compliance,
            repeatRules);
    }

    /// <summary>
    /// Next week's residential burglary hotspots from the last 12 weeks of the force's own reports: the insight
    /// engine's surface on 250 m cells, with weeks in place of months (half-life 4 weeks, near-repeat cone for
    /// 2 weeks), since the force's records carry the day that police.uk withholds.
    /// </summary>
    /// <summary>The residential burglary hotspots forecast for the week ahead, as the pack shows them.</summary>
    public async Task<IReadOnlyList<HotspotArea>> BurglaryHotspotsAsync(string? district, CancellationToken ct) =>
        (await HotspotsAsync(time.GetUtcNow(), district, ct)).Item1;

    private async Task<(List<HotspotArea>, List<HotspotPoint>)> HotspotsAsync(DateTimeOffset now, string? district, CancellationToken ct)
    {
        var since = now.AddDays(-84);
        var query = db.Incidents.AsNoTracking()
            .Where(i => i.TypeCode == HotspotTypeCode && i.ReportedAt >= since && i.ReportedAt <= now && i.Latitude != null && i.Longitude != null);
        if (district is not null)
        {
            query = query.Where(i => i.District == district);
        }
        var rows = await query.Select(i => new { i.Id, i.Reference, i.Latitude, i.Longitude, i.ReportedAt, i.District }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return ([], []);
        }
        var targetWeek = Week(now) + 1;
        var events = new GridEvent[rows.Count];
        var projected = new (double X, double Y)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            projected[i] = BritishNationalGrid.FromWgs84(rows[i].Longitude!.Value, rows[i].Latitude!.Value);
            events[i] = new GridEvent(projected[i].X, projected[i].Y, Week(rows[i].ReportedAt));
        }
        var grid = CellGrid.Covering(events, HotspotCellMetres, 1000);
        var settings = new HotspotSettings { CellSize = HotspotCellMetres, HalfLifeMonths = 4, NearRepeatMonths = 2 };
        var scores = HotspotPredictor.Score(events, targetWeek, grid, settings);
        var top = HotspotPredictor.TopCells(scores, HotspotCells);
        var areas = new List<HotspotArea>(top.Length);
        var inCell = new int[top.Length];
        var districtOf = new string?[top.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = grid.CellOf(projected[i].X, projected[i].Y);
            var index = Array.IndexOf(top, cell);
            if (index >= 0)
            {
                inCell[index]++;
                districtOf[index] ??= rows[i].District;
            }
        }
        for (var r = 0; r < top.Length; r++)
        {
            var (x, y) = grid.Corner(top[r]);
            var size = grid.CellSize;
            double[] Node(double e, double n)
            {
                var (lon, lat) = BritishNationalGrid.ToWgs84(e, n);
                return [Math.Round(lat, 6), Math.Round(lon, 6)];
            }
            var corners = new[] { Node(x, y), Node(x + size, y), Node(x + size, y + size), Node(x, y + size) };
            var (clon, clat) = BritishNationalGrid.ToWgs84(x + size / 2, y + size / 2);
            var near = Locations.Gazetteer.Shared.Nearest(clat, clon);
            areas.Add(new HotspotArea(r + 1, Math.Round(scores[top[r]], 3), inCell[r], corners, Math.Round(clat, 6), Math.Round(clon, 6),
                districtOf[r] ?? near?.District, near?.Street));
        }
        // The last four weeks' reports as points: enough to see the pattern, few enough for a closed-network browser.
        var pointsSince = now.AddDays(-28);
        var points = rows.Where(r => r.ReportedAt >= pointsSince).OrderByDescending(r => r.ReportedAt).Take(500)
            .Select(r => new HotspotPoint(r.Id, r.Reference, Math.Round(r.Latitude!.Value, 5), Math.Round(r.Longitude!.Value, 5), r.ReportedAt)).ToList();
        return (areas, points);
    }

    private static int Week(DateTimeOffset instant) => (int)(instant.UtcTicks / TimeSpan.TicksPerDay / 7);

    /// <summary>Victims of the last day's reports who were the victim in as many reports as the rule asks within its window.</summary>
    private async Task<List<RepeatVictim>> RepeatVictimsAsync(DateTimeOffset now, DateTimeOffset since, RepeatRule rule, string? district, CancellationToken ct)
    {
        var window = now.AddDays(-rule.Days);
        var threshold = rule.Incidents;
        var recentIncidents = db.Incidents.Where(i => i.ReportedAt >= since && i.ReportedAt <= now);
        if (district is not null)
        {
            recentIncidents = recentIncidents.Where(i => i.District == district);
        }
        // The last day's victims are read first (a few thousand at most): as a subquery the planner could not use
        // the identity index and scanned every victim of the quarter once per candidate.
        var recentKeys = await PersonKey.Of(db.IncidentPeople.Where(p => p.Role == PersonRole.Victim && recentIncidents.Any(i => i.Id == p.IncidentId)))
            .Where(k => k != null).Select(k => k!.Value).Distinct().ToListAsync(ct);
        var repeats = await (
                from p in db.IncidentPeople
                join i in db.Incidents on p.IncidentId equals i.Id
                where p.Role == PersonRole.Victim && i.ReportedAt >= window && i.ReportedAt <= now
                      && p.IdentityId != null && recentKeys.Contains(p.IdentityId.Value)
                group i by p.IdentityId into g
                where g.Count() >= threshold
                select new { Key = g.Key, Reports = g.Count(), LatestId = g.Max(i => i.Id) })
            .OrderByDescending(r => r.Reports).ThenByDescending(r => r.LatestId).Take(25).ToListAsync(ct);
        var ids = repeats.Select(r => r.LatestId).ToList();
        var latest = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.Reference, i.TypeCode, i.ReportedAt }).ToDictionaryAsync(i => i.Id, ct);
        var names = await db.IncidentPeople.AsNoTracking().Where(p => ids.Contains(p.IncidentId) && p.Role == PersonRole.Victim).ToListAsync(ct);
        return repeats.Select(r =>
        {
            var incident = latest[r.LatestId];
            var name = names.FirstOrDefault(n => n.IncidentId == r.LatestId && PersonKey.Of(n) == r.Key)?.DisplayName ?? "Name not given";
            return new RepeatVictim(name, r.Reports, r.LatestId, incident.Reference, IncidentType.Find(incident.TypeCode)?.Name ?? incident.TypeCode, incident.ReportedAt);
        }).ToList();
    }

    /// <summary>Places of the last day's reports with as many reports as the rule asks within its window.</summary>
    private async Task<List<RepeatLocation>> RepeatLocationsAsync(DateTimeOffset now, DateTimeOffset since, RepeatRule rule, string? district, CancellationToken ct)
    {
        var window = now.AddDays(-rule.Days);
        var threshold = rule.Incidents;
        var recent = db.Incidents.Where(i => i.ReportedAt >= since);
        if (district is not null)
        {
            recent = recent.Where(i => i.District == district);
        }
        var places = recent.Select(i => i.LocationKey).Distinct();
        // Grouped by the place's key and district (a hash of a few thousand places, not a sort of every report); the
        // text as written comes from the latest report.
        return await db.Incidents.AsNoTracking()
            .Where(i => i.ReportedAt >= window && i.LocationKey != "" && places.Contains(i.LocationKey))
            .GroupBy(i => new { i.LocationKey, i.District })
            .Where(g => g.Count() >= threshold)
            .Select(g => new { Reports = g.Count(), LatestId = g.Max(i => i.Id) })
            .OrderByDescending(g => g.Reports).ThenByDescending(g => g.LatestId).Take(25)
            .Join(db.Incidents, g => g.LatestId, i => i.Id, (g, i) => new RepeatLocation(i.LocationText, i.District, g.Reports, g.LatestId, i.Reference))
            .ToListAsync(ct);
    }

    private async Task<List<HighRiskCase>> HighRiskAsync(DateTimeOffset since, string? district, CancellationToken ct)
    {
        var rows = await (
                from r in db.RiskAssessments
                where r.Level == "High" && r.CreatedAt >= since
                // Only the current assessment counts: a later one for the same person may have lowered it.
                where !db.RiskAssessments.Any(n => n.SupersedesId == r.Id)
                join i in db.Incidents on r.IncidentId equals i.Id
                where district == null || i.District == district
                orderby r.CreatedAt descending, r.Id descending
                select new { i.Id, i.Reference, i.TypeCode, r.InstrumentCode, r.Level, i.District, r.CreatedAt, r.ReferralFlag })
            .Take(50).ToListAsync(ct);
        return rows.Select(r => new HighRiskCase(r.Id, r.Reference, IncidentType.Find(r.TypeCode)?.Name ?? r.TypeCode, r.InstrumentCode, r.Level, r.District, r.CreatedAt, r.ReferralFlag)).ToList();
    }

    private async Task<List<StrengthRow>> StrengthAsync(DateOnly today, List<DemandRow> demand, string? district, CancellationToken ct)
    {
        var rows = await db.Set<StrengthOnDuty>().AsNoTracking().Where(s => s.Date == today && (district == null || s.District == district)).ToListAsync(ct);
        return rows.OrderBy(s => s.District, StringComparer.Ordinal).ThenBy(s => s.Shift)
            .Select(s => new StrengthRow(s.District, s.Shift, s.Planned, s.OnDuty, s.NeighbourhoodAbstracted, s.AbstractionReason,
                demand.FirstOrDefault(d => d.Key == s.District)?.Last24Hours ?? 0, s.Id, s.Version))
            .ToList();
    }

    /// <summary>Every decision and attendance that fell due in the last 7 days: whole counts, not samples, so no intervals.</summary>
    private async Task<List<ComplianceFigure>> ComplianceAsync(DateTimeOffset since, DateTimeOffset now, string? district, CancellationToken ct)
    {
        var crimes = db.CrimeRecords.AsNoTracking().Where(c => c.DueAt >= since && c.DueAt <= now);
        var incidents = db.Incidents.AsNoTracking();
        if (district is not null)
        {
            crimes = crimes.Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.District == district));
            incidents = incidents.Where(i => i.District == district);
        }
        var recording = await crimes.GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(), Met = g.Count(c => c.DecidedAt != null && c.DecidedAt <= c.DueAt) }).ToListAsync(ct);
        var attendance = await incidents.Where(i => i.AttendanceDueAt >= since && i.AttendanceDueAt <= now && i.NoAttendanceOverrideBy == null)
            .GroupBy(i => i.GradeCode)
            .Select(g => new { Grade = g.Key, Due = g.Count(), Met = g.Count(i => i.ArrivedAt != null && i.ArrivedAt <= i.AttendanceDueAt) }).ToListAsync(ct);
        var thrive = await incidents.Where(i => i.ReportedAt >= since && i.ReportedAt <= now).GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(), Met = g.Count(i => i.ThriveCompletedAt != null) }).ToListAsync(ct);
        var figures = new List<ComplianceFigure>
        {
            new("Crime recording decisions within 24 hours", recording.Sum(r => r.Met), recording.Sum(r => r.Due), "decisions due in the last 7 days"),
        };
        foreach (var grade in attendance.OrderBy(a => a.Grade, StringComparer.Ordinal))
        {
            figures.Add(new($"Attendance within target: {grade.Grade?.ToLowerInvariant()}", grade.Met, grade.Due, "attendances due in the last 7 days"));
        }
        figures.Add(new("THRIVE completed", thrive.Sum(t => t.Met), thrive.Sum(t => t.Due), "incidents reported in the last 7 days"));
        figures.AddRange(await VictimContactsAsync(since, now, district, ct));
        // The digital forensics unit serves the whole force: its backlog by priority is never split by district.
        var devices = await Investigations.Forensics.DigitalForensics.BacklogAsync(db, now, ct);
        figures.Add(new("Digital forensics backlog within its target turnaround", devices.Sum(d => d.Open - d.PastTarget), devices.Sum(d => d.Open),
            $"devices with the unit now, force-wide, by priority: {string.Join(", ", devices.Select(d => $"{d.Priority} {d.Open}"))}"));
        return figures;
    }

    /// <summary>
    /// Victims' Code due points that fell due in the last 7 days, met on time by a contact that counts (made with the
    /// victim, in writing where the point needs it; never an attempt or a message left), and those still not met; and
    /// the crimes recorded in the week by whether an officer in the case has been given to investigate them.
    /// </summary>
    private async Task<List<ComplianceFigure>> VictimContactsAsync(DateTimeOffset since, DateTimeOffset now, string? district, CancellationToken ct)
    {
        var dues = db.VictimContactDues.AsNoTracking().Where(d => d.DueAt >= since && d.DueAt <= now);
        var recorded = db.CrimeRecords.AsNoTracking().Where(c => c.Status == CrimeRecordingStatus.Recorded && c.DecidedAt >= since && c.DecidedAt <= now);
        if (district is not null)
        {
            dues = dues.Where(d => db.VictimContactContracts.Any(c => c.Id == d.ContractId && db.Incidents.Any(i => i.Id == c.IncidentId && i.District == district)));
            recorded = recorded.Where(c => db.Incidents.Any(i => i.Id == c.IncidentId && i.District == district));
        }
        var contacts = await dues.GroupBy(_ => 1)
            .Select(g => new { Due = g.Count(), OnTime = g.Count(d => d.MetAt != null && d.MetAt <= d.DueAt), NotMet = g.Count(d => d.MetAt == null) }).ToListAsync(ct);
        var crimes = await recorded.GroupBy(_ => 1)
            // The crime's own officer in the case, or else the incident's: either is someone investigating it.
            .Select(g => new { Recorded = g.Count(), WithOfficer = g.Count(c => c.OfficerInCaseId != null || db.Incidents.Any(i => i.Id == c.IncidentId && i.OfficerInCaseId != null)) })
            .ToListAsync(ct);
        var notMet = contacts.Sum(c => c.NotMet);
        return
        [
            new("Victims' Code contacts on time", contacts.Sum(c => c.OnTime), contacts.Sum(c => c.Due),
                $"victim contacts due in the last 7 days, {notMet:N0} still not made; only contacts made with the victim count, not attempts or messages left"),
            new("Recorded crimes with an officer in the case", crimes.Sum(c => c.WithOfficer), crimes.Sum(c => c.Recorded),
                "crimes recorded in the last 7 days, with an officer in the case to investigate them"),
        ];
    }
}

/// <summary>
/// Which entries of people are the same person, for repeat victims: the identity each entry was resolved into
/// (merges move entries, so the identity on the entry is always the current one).
/// </summary>
public static class PersonKey
{
    public static IQueryable<long?> Of(IQueryable<IncidentPerson> people) => people.Select(p => p.IdentityId);

    public static long? Of(IncidentPerson person) => person.IdentityId;
}
