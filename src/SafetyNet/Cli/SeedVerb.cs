using System.Diagnostics;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Platform;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet seed [--incidents N] [--seed S] [--cases C] [--investigations I]</c>: reference data and configuration, then N synthetic incidents
/// (deterministic for a seed) added to what is there; with <c>--cases</c>, desk reviews for every ASB incident not yet
/// routed and C open ASB cases (and a fifth as many closed) built from them; with <c>--investigations</c>, I investigators
/// and an investigation, with its reviews, for every recorded crime without one.
/// </summary>
internal static class SeedVerb
{
    public static async Task<int> RunAsync(VerbContext context)
    {
        var args = CliArgs.Parse(context.Args, ["incidents", "seed", "cases", "investigations"]);
        var incidents = args.Int("incidents", 0, 0, 10_000_000);
        var seed = args.Int("seed", 1);
        var cases = args.Int("cases", 0, 0, 1_000_000);
        var investigators = args.Int("investigations", 0, 0, 10_000);
        var services = context.Services;
        await DatabaseStartup.MigrateAsync(services.GetRequiredService<AppDb>(), CancellationToken.None);
        // Every start-up pass but the demo incidents, which this verb adds in the number asked for.
        await services.GetRequiredService<StartupOrder>().RunAsync(services, pass => pass is not DemoSeeder, CancellationToken.None);
        context.Audited = "seed";
        var clock = Stopwatch.StartNew();
        var added = 0;
        // Large seeds go in batches so memory stays flat and progress shows.
        const int batchSize = 50_000;
        for (var done = 0; done < incidents; done += batchSize)
        {
            var size = Math.Min(batchSize, incidents - done);
            await using var scope = services.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().AddAsync(size, seed + done, null, CancellationToken.None);
            added += batch.Incidents.Count;
            await Console.Error.WriteLineAsync($"  {added:N0} of {incidents:N0} incidents ({clock.Elapsed.TotalSeconds:N1} s)");
        }
        Console.WriteLine(incidents == 0
            ? "Reference data seeded."
            : $"Seeded {added:N0} synthetic incidents with seed {seed} in {clock.Elapsed.TotalSeconds:N1} s.");
        if (cases > 0)
        {
            clock.Restart();
            await using var scope = services.CreateAsyncScope();
            var work = await scope.ServiceProvider.GetRequiredService<Cases.AsbVolumeSeeder>().AddAsync(cases, CancellationToken.None);
            Console.WriteLine($"Seeded {work.Reviews:N0} desk reviews ({work.Waiting:N0} waiting) and {work.OpenCases:N0} open and {work.ClosedCases:N0} closed ASB cases in {clock.Elapsed.TotalSeconds:N1} s.");
            if (work.OpenCases < cases)
            {
                await Console.Error.WriteLineAsync($"Only {work.OpenCases:N0} of the {cases:N0} open cases asked for: there are too few older ASB incidents; seed more incidents.");
            }
        }
        if (investigators > 0)
        {
            clock.Restart();
            await using var scope = services.CreateAsyncScope();
            var work = await scope.ServiceProvider.GetRequiredService<Investigations.InvestigationVolumeSeeder>().AddAsync(investigators, CancellationToken.None);
            Console.WriteLine($"Seeded {work.Investigations:N0} investigations ({work.Awaiting:N0} awaiting allocation, {work.Allocated:N0} allocated, " +
                $"{work.Finalised:N0} finalised) across {work.Investigators:N0} investigators, with {work.Waiting:N0} reviews waiting " +
                $"({work.Overdue:N0} overdue, {work.ForInspector:N0} past the inspector's threshold) in {clock.Elapsed.TotalSeconds:N1} s.");
        }
        return 0;
    }
}
