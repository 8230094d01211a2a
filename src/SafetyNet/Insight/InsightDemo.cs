using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Insight;

/// <summary>
/// Demo mode: strength on duty for the last week's shifts in every district, so the pack's strength table is
/// believable; and, when the shared police.uk year sits beside the project, its import in the background after
/// start-up (about ten seconds), so the open-data rates page has figures without slowing the start.
/// </summary>
public sealed class InsightDemoSeeder(AppDb db, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!DemoData(settings) || await db.Set<StrengthOnDuty>().AnyAsync(cancellationToken))
        {
            return;
        }
        var random = new Random(settings.GetValue("Demo:Seed", 1));
        var today = ForceClock.DayOf(time.GetUtcNow());
        string[] reasons = ["Cover for response shortfall", "Prisoner watch at hospital", "Public order event", "Training day", "Court"];
        for (var day = today.AddDays(-6); day <= today; day = day.AddDays(1))
        {
            foreach (var district in Validation.Districts)
            {
                foreach (var shift in Enum.GetValues<Shift>())
                {
                    var planned = shift == Shift.Night ? 8 + random.Next(4) : 11 + random.Next(6);
                    var onDuty = planned - random.Next(0, 4);
                    var abstracted = random.NextDouble() < 0.45 ? random.Next(1, 4) : 0;
                    db.Add(new StrengthOnDuty
                    {
                        Date = day, Shift = shift, District = district, Planned = planned, OnDuty = onDuty, NeighbourhoodAbstracted = abstracted,
                        AbstractionReason = abstracted > 0 ? reasons[random.Next(reasons.Length)] : null,
                        RecordedAt = time.GetUtcNow(), RecordedBy = $"supervisor@{AccountSeeder.DemoDomain}", Version = 1,
                    });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Demo mode with synthetic incidents (accounts alone, as tests and load scenarios use, get no demo figures).</summary>
    public static bool DemoData(IConfiguration settings) => settings.GetValue("Demo:Enabled", false) && settings.GetValue("Demo:Incidents", 3000) > 0;

    /// <summary>The shared police.uk data beside the project (<c>../shared/data/policeuk</c>), looked for from the working directory up.</summary>
    public static string? SharedPoliceUk(IConfiguration settings)
    {
        if (settings["Demo:OpenData"] is { Length: > 0 } configured)
        {
            return Directory.Exists(configured) || File.Exists(configured) ? configured : null;
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data", "policeuk");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.zip").Any())
            {
                return Path.GetFullPath(candidate);
            }
        }
        return null;
    }
}

/// <summary>Imports the shared police.uk year once, in the background, in demo mode.</summary>
public sealed class OpenDataDemoImport(IServiceScopeFactory scopes, WorkerHealth health, StartupState startup, TimeProvider time, IConfiguration settings, ILogger<OpenDataDemoImport> log)
    : RecurringWorker("open data demo import", TimeSpan.FromMinutes(1), health, startup, time, log)
{
    protected override bool Enabled =>
        InsightDemoSeeder.DemoData(settings) && settings.GetValue("Demo:ImportOpenData", true) && InsightDemoSeeder.SharedPoliceUk(settings) is not null;

    protected override bool Repeats => false;

    protected override async Task RunPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        if (await db.Set<OpenDataCrime>().AnyAsync(stoppingToken) || InsightDemoSeeder.SharedPoliceUk(settings) is not { } folder)
        {
            return;
        }
        try
        {
            var data = await Task.Run(() => PoliceUkArchive.Read([folder]), stoppingToken);
            var report = await new PoliceUkImport(db).ImportAsync(data, null, stoppingToken);
            Log.LogInformation("Demo: imported {Crimes} police.uk street rows and {Outcomes} outcomes", report.CrimesImported, report.OutcomesImported);
        }
        catch (Exception error) when (error is IOException or InvalidDataException or FormatException)
        {
            // Files that cannot be read will not read better on a second try: the demo goes without open data.
            Log.LogWarning("Demo: the police.uk open data could not be imported ({Failure})", WorkerReport.Describe(error));
        }
    }
}
