using System.Diagnostics;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Platform;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet seed [--incidents N] [--seed S]</c>: reference data and configuration, then N synthetic incidents
/// (deterministic for a seed) added to what is there.
/// </summary>
internal static class SeedVerb
{
    public static async Task<int> RunAsync(VerbContext context)
    {
        var args = CliArgs.Parse(context.Args, ["incidents", "seed"]);
        var incidents = args.Int("incidents", 0, 0, 10_000_000);
        var seed = args.Int("seed", 1);
        var services = context.Services;
        await DatabaseStartup.MigrateAsync(services.GetRequiredService<AppDb>(), CancellationToken.None);
        foreach (var seeder in services.GetServices<IStartupSeeder>().Where(s => s is not DemoSeeder))
        {
            await seeder.SeedAsync(CancellationToken.None);
        }
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
        return 0;
    }
}
