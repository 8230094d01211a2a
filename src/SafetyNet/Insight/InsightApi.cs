using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Insight.Hotspots;
using SafetyNet.Insight.NearRepeat;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Insight;

/// <summary>
/// What the pack page offers its reader. Who may use each insight at all is an entitlement on the operation: open-data
/// rates are for every signed-in user; the pack, its exports and the hotspots that guide patrols for those who run or
/// attend the daily management meeting (<see cref="Entitlements.DailyManagement"/>).
/// </summary>
public sealed class InsightAccess(CurrentUser user)
{
    public bool CanRecordStrength => user.IsForce && user.IsInRole(Roles.Supervisor);
}

public sealed record StrengthRequest(DateOnly? Date, string? Shift, string? District, int? Planned, int? OnDuty, int? NeighbourhoodAbstracted, string? AbstractionReason, int? Version);

public sealed record NearRepeatEvent(double? X, double? Y, DateOnly? Date);

public sealed record NearRepeatRequest(
    IReadOnlyList<NearRepeatEvent>? Events, double? DistanceBand, int? DistanceBands, int? TimeBand, int? TimeBands, int? Permutations, ulong? Seed, string? Metric);

public sealed record KnoxCell(double DistanceFrom, double? DistanceTo, int TimeFrom, int? TimeTo, long Observed, double Expected, double? KnoxRatio, double PValue);

public sealed record NearRepeatResponse(int Events, long Pairs, int Permutations, string Metric, IReadOnlyList<KnoxCell> Cells);

public sealed record AuditSummary(long Id, string Title, DateOnly PeriodFrom, DateOnly PeriodTo, string Design, int SampleSize, int Seed, int FrameSize, DateTimeOffset CreatedAt, string CreatedBy, int Version);

public sealed record AuditItemResponse(int Position, long IncidentId, string Reference, string Stratum, string TypeName, string? RecordingStatus,
    string? OffenceSubgroup, bool? ShouldHaveBeenRecorded, bool? CorrectlyRecorded, string? Note, string? MarkedBy, int Version);

public sealed record AuditResponse(AuditSummary Audit, AuditResult Result, IReadOnlyList<AuditItemResponse> Items);

public static class InsightApi
{
    public static IHostApplicationBuilder AddInsight(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InsightAccess>();
        builder.Services.AddScoped<DemandSummary>();
        builder.Services.AddScoped<ManagementPack>();
        builder.Services.AddScoped<OpenDataRates>();
        builder.Services.AddScoped<CrimeRecordingAudits>();
        builder.Services.AddScoped<StrengthRecorder>();
        builder.Services.AddScoped<AuditReader>();
        builder.Services.AddScoped<PackSnapshots>();
        builder.Services.AddHostedService<PackRefresher>();
        builder.Services.AddScoped<IStartupSeeder, InsightDemoSeeder>();
        builder.Services.AddHostedService<OpenDataDemoImport>();
        return builder;
    }

    public static WebApplication MapInsight(this WebApplication app)
    {
        var insight = app.MapGroup("/api/v1/insight").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Insight");
        insight.MapGet("/rates", RatesAsync)
            .WithName("getCrimeRates").WithSummary("Read crime rates from the imported police.uk open data");
        insight.MapGet("/hotspots", HotspotsAsync).RequireAuthorization(Entitlements.DailyManagement)
            .WithName("forecastHotspots").WithSummary("Forecast next month's hotspots as GeoJSON").Produces(StatusCodes.Status200OK, typeof(Stream), "application/geo+json");
        insight.MapPost("/nearrepeat", NearRepeat).RequireAuthorization(Entitlements.Analysis)
            .WithName("analyseNearRepeat").WithSummary("Test events for near repeats (Knox test)");
        insight.MapGet("/pack", PackAsync).RequireAuthorization(Entitlements.DailyManagement)
            .WithName("getDailyPack").WithSummary("Read the daily management pack");
        insight.MapGet("/pack.csv", (HttpContext c, PackSnapshots p, AuditTrail t, string? district, CancellationToken ct) => ExportAsync(c, p, t, district, "csv", ct))
            .RequireAuthorization(Entitlements.DailyManagement)
            .WithName("exportDailyPackCsv").WithSummary("Export the daily management pack as CSV").Produces(StatusCodes.Status200OK, typeof(Stream), "text/csv").ProducesValidationProblem();
        insight.MapGet("/pack.xlsx", (HttpContext c, PackSnapshots p, AuditTrail t, string? district, CancellationToken ct) => ExportAsync(c, p, t, district, "xlsx", ct))
            .RequireAuthorization(Entitlements.DailyManagement)
            .WithName("exportDailyPackXlsx").WithSummary("Export the daily management pack as a spreadsheet").Produces(StatusCodes.Status200OK, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem();
        insight.MapPut("/strength", StrengthAsync).RequireAuthorization(Entitlements.Strength)
            .WithName("recordStrength").WithSummary("Record strength on duty for a shift").ProducesProblem(StatusCodes.Status409Conflict);

        // The pack page's downloads, for signed-in users of the pages (cookies).
        var downloads = app.MapGroup("/insight").RequireAuthorization(Entitlements.DailyManagement).ExcludeFromDescription();
        downloads.MapGet("/pack.csv", (HttpContext c, PackSnapshots p, AuditTrail t, string? district, CancellationToken ct) => ExportAsync(c, p, t, district, "csv", ct));
        downloads.MapGet("/pack.xlsx", (HttpContext c, PackSnapshots p, AuditTrail t, string? district, CancellationToken ct) => ExportAsync(c, p, t, district, "xlsx", ct));

        var audits = app.MapGroup("/api/v1/audits/crime-recording").RequireAuthorization(AccountsSetup.ApiPolicy)
            .RequireAuthorization(Entitlements.RecordingAudit).WithTags("Crime-recording audits");
        audits.MapPost("", CreateAuditAsync)
            .WithName("createCrimeRecordingAudit").WithSummary("Draw a sample of incidents for a crime-recording audit");
        audits.MapGet("", ListAuditsAsync)
            .WithName("listCrimeRecordingAudits").WithSummary("List crime-recording audits");
        audits.MapGet("/{id:long}", GetAuditAsync)
            .WithName("getCrimeRecordingAudit").WithSummary("Read a crime-recording audit and its sample");
        audits.MapPut("/{id:long}/items/{position:int}", MarkAsync)
            .WithName("markCrimeRecordingAuditItem").WithSummary("Mark one sampled incident of an audit").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<RatesReport>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> RatesAsync(
        OpenDataRates rates, string? from, string? to, CancellationToken ct)
    {
        var v = new Validation();
        var first = Month(v, "from", from);
        var last = Month(v, "to", to);
        if (first is { } f && last is { } l && l < f)
        {
            v.Add("to", "to must be the same month as from or later");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var report = await rates.ReportAsync(first, last, ct);
        return report is null
            ? TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = "No open data", Detail = "No police.uk data has been imported: run SafetyNet import policeuk.", Status = 404 })
            : TypedResults.Ok(report);
    }

    private static DateOnly? Month(Validation v, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (CalendarMonth.TryParse(text.Trim(), out var month))
        {
            return new DateOnly(month.Year, month.Month, 1);
        }
        v.Add(field, $"{field} must be a month like 2021-10");
        return null;
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> HotspotsAsync(
        AppDb db, string? type, string? until, double? areaKm2, bool? harm, CancellationToken ct)
    {
        var v = new Validation();
        var crimeType = v.Required("type", type, "a police.uk crime type, like Burglary", 60);
        var month = Month(v, "until", until);
        if (until is null)
        {
            v.Add("until", "Enter the last month of history, like 2021-10");
        }
        if (areaKm2 is not (> 0 and <= 500))
        {
            v.Add("areaKm2", "Enter the area to cover in km², more than 0 and at most 500");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var last = month!.Value;
        var rows = await db.Set<OpenDataCrime>().AsNoTracking().Where(c => c.Month <= last && c.Latitude != null && c.Longitude != null)
            .Select(c => new { c.Month, c.Latitude, c.Longitude, c.CrimeType, c.LsoaCode, c.LsoaName }).ToListAsync(ct);
        var crimes = rows.Select(r => new StreetCrime(null, new CalendarMonth(r.Month.Year, r.Month.Month), "", "", r.Longitude!.Value, r.Latitude!.Value, "", r.LsoaCode, r.LsoaName, r.CrimeType, "", "")).ToArray();
        if (crimeType != HotspotForecast.AllCrime && !rows.Any(r => string.Equals(r.CrimeType, crimeType, StringComparison.OrdinalIgnoreCase)))
        {
            v.Add("type", $"No {crimeType} rows up to {until}: use a police.uk crime type such as Burglary, or 'all' with harm weights");
            return TypedResults.ValidationProblem(v.Errors);
        }
        IReadOnlyDictionary<string, double>? weights = null;
        if (harm == true)
        {
            weights = HarmWeightsByCategory;
        }
        try
        {
            var prediction = HotspotForecast.Predict(crimes, crimeType!, new CalendarMonth(last.Year, last.Month), areaKm2!.Value, harm: weights);
            using var stream = new MemoryStream();
            HotspotGeoJson.Write(stream, prediction);
            return TypedResults.File(stream.ToArray(), "application/geo+json");
        }
        catch (ArgumentException error)
        {
            v.Add("areaKm2", error.Message);
            return TypedResults.ValidationProblem(v.Errors);
        }
    }

    /// <summary>CCHI days per police.uk category for Hertfordshire (Cambridge 2026 weights as derived for forces).</summary>
    private static readonly Dictionary<string, double> HarmWeightsByCategory = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Violence and sexual offences"] = 180.01, ["Criminal damage and arson"] = 8.42, ["Burglary"] = 249.58, ["Drugs"] = 3.29,
        ["Robbery"] = 365, ["Possession of weapons"] = 273.75, ["Vehicle crime"] = 5, ["Public order"] = 7.5, ["Shoplifting"] = 1,
        ["Other theft"] = 2, ["Theft from the person"] = 2, ["Bicycle theft"] = 2, ["Other crime"] = 10,
    };

    private static Results<Ok<NearRepeatResponse>, ValidationProblem> NearRepeat(NearRepeatRequest request)
    {
        var v = new Validation();
        var events = request.Events ?? [];
        if (events.Count < 2)
        {
            v.Add("events", "Give at least two events, each with x and y in metres and a date");
        }
        else if (events.Count > 20_000)
        {
            v.Add("events", "Give at most 20,000 events");
        }
        for (var i = 0; i < events.Count && i < 20_000; i++)
        {
            if (events[i] is not { X: { } x, Y: { } y, Date: not null } || !double.IsFinite(x) || !double.IsFinite(y))
            {
                v.Add($"events[{i}]", "Each event needs x and y in metres and a date");
            }
        }
        if (request.DistanceBand is not (> 1 and <= 100_000))
        {
            v.Add("distanceBand", "Enter a distance band in metres, more than 1");
        }
        if (request.DistanceBands is not (>= 1 and <= 50))
        {
            v.Add("distanceBands", "Enter from 1 to 50 distance bands");
        }
        if (request.TimeBand is not (>= 1 and <= 3650))
        {
            v.Add("timeBand", "Enter a time band in days, from 1 to 3,650");
        }
        if (request.TimeBands is not (>= 1 and <= 50))
        {
            v.Add("timeBands", "Enter from 1 to 50 time bands");
        }
        if (request.Permutations is not null and not (>= 1 and <= 9_999))
        {
            v.Add("permutations", "Enter from 1 to 9,999 permutations");
        }
        var metric = v.Enum<DistanceMetric>("metric", request.Metric, "a distance metric", required: false) ?? DistanceMetric.Manhattan;
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var origin = events.Min(e => e.Date!.Value.DayNumber);
        var input = events.Select(e => new SpaceTimeEvent(e.X!.Value, e.Y!.Value, e.Date!.Value.DayNumber - origin)).ToArray();
        var settings = new KnoxSettings(request.DistanceBand!.Value, request.DistanceBands!.Value, request.TimeBand!.Value, request.TimeBands!.Value,
            request.Permutations ?? 999, request.Seed ?? 1, metric);
        var table = KnoxTest.Run(input, settings);
        var cells = new List<KnoxCell>();
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                var ratio = table.KnoxRatio(r, c);
                cells.Add(new KnoxCell(settings.DistanceFrom(r), settings.DistanceTo(r), settings.TimeFrom(c), settings.TimeTo(c), table.Observed(r, c),
                    Math.Round(table.Expected(r, c), 4), double.IsFinite(ratio) ? Math.Round(ratio, 4) : null, table.PValue(r, c)));
            }
        }
        return TypedResults.Ok(new NearRepeatResponse(input.Length, table.TotalPairs, settings.Permutations, metric.ToString().ToLowerInvariant(), cells));
    }

    private static async Task<Results<Ok<DailyPack>, ValidationProblem>> PackAsync(
        PackSnapshots pack, AuditTrail audit, string? district, bool? fresh, CancellationToken ct)
    {
        var v = new Validation();
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var result = await pack.GetAsync(district, fresh == true, ct);
        await audit.WriteAsync("pack.read", "daily-pack", result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            details: $"district={district ?? "all"} repeatVictims={result.RepeatVictims.Count} highRisk={result.HighRisk.Count}", cancellationToken: ct);
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> ExportAsync(HttpContext context, PackSnapshots pack, AuditTrail audit, string? district, string format, CancellationToken ct)
    {
        var v = new Validation();
        district = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var result = await pack.GetAsync(district, false, ct);
        var name = $"daily-pack-{result.Date:yyyy-MM-dd}{(district is null ? "" : "-" + district.ToLowerInvariant().Replace(' ', '-'))}.{format}";
        await audit.WriteAsync("pack.export", "daily-pack", result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Purpose.From(context),
            details: $"format={format} district={district ?? "all"} recipient={context.User.Identity?.Name}", cancellationToken: ct);
        return format == "csv"
            ? TypedResults.File(PackExport.Csv(result), "text/csv; charset=utf-8", name)
            : TypedResults.File(PackExport.Xlsx(result), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static async Task<Results<Ok<StrengthRow>, NotFound, ValidationProblem, ProblemHttpResult>> StrengthAsync(
        StrengthRequest request, StrengthRecorder recorder, CancellationToken ct) =>
        (await recorder.RecordAsync(request, ct)).ToOk("Strength was not recorded");

    public static AuditSummary ToSummary(CrimeRecordingAudit a) =>
        new(a.Id, a.Title, a.PeriodFrom, a.PeriodTo, a.Design.ToString(), a.SampleSize, a.Seed, a.FrameSize, a.CreatedAt, a.CreatedBy, a.Version);

    private static async Task<Results<Created<AuditSummary>, NotFound, ValidationProblem, ProblemHttpResult>> CreateAuditAsync(
        CreateAuditRequest request, CrimeRecordingAudits audits, CancellationToken ct) =>
        audits.CanUse
            ? (await audits.CreateAsync(request, ct)).ToCreated(ToSummary, audit => $"/api/v1/audits/crime-recording/{audit.Id}", "The audit was not created")
            : TypedResults.NotFound();

    private static async Task<Ok<PagedList<AuditSummary>>> ListAuditsAsync(CrimeRecordingAudits audits, CancellationToken ct)
    {
        var list = await audits.ListAsync(ct);
        return TypedResults.Ok(new PagedList<AuditSummary>(list.Select(ToSummary).ToList(), 1, Math.Max(1, list.Count), list.Count));
    }

    private static async Task<Results<Ok<AuditResponse>, NotFound>> GetAuditAsync(long id, CrimeRecordingAudits audits, AuditReader reader, CancellationToken ct)
    {
        var audit = await audits.FindAsync(id, ct);
        return audit is null ? TypedResults.NotFound() : TypedResults.Ok(await reader.ReadAsync(audit, ct));
    }

    private static async Task<Results<Ok<AuditItemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkAsync(
        long id, int position, MarkItemRequest request, CrimeRecordingAudits audits, AuditReader reader, CancellationToken ct)
    {
        var marked = await audits.MarkAsync(id, position, request, ct);
        var answer = marked.Value is { } item ? (await reader.ItemsAsync([item], ct))[0] : null;
        return marked.ToOk(_ => answer!, "The mark was not saved");
    }
}
