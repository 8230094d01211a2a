using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Cli;

/// <summary>
/// <c>SafetyNet identities resolve [--score-truth]</c>: resolves every waiting person entry into identities, as the
/// background service does, and reports what it did — for a bulk load, and to measure. With <c>--score-truth</c> the
/// result is scored against the synthetic truth of demo data (measurement only: the truth never decides a link).
/// </summary>
internal static class IdentityVerb
{
    public static async Task<int> RunAsync(VerbContext context)
    {
        if (context.Words.Length < 2 || context.Words[1] != "resolve")
        {
            throw new CliException("try: identities resolve [--score-truth] [--probe N]");
        }
        var args = CliArgs.Parse(context.Args, ["probe"], ["score-truth"]);
        var probes = args.Int("probe", 0, 0, 100_000);
        var services = context.Services;
        var db = services.GetRequiredService<AppDb>();
        await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
        await services.GetRequiredService<StartupOrder>().RunAsync(services, pass => pass is not Demo.DemoSeeder, CancellationToken.None);
        services.GetRequiredService<StartupState>().MarkReady();
        context.Audited = "identities.resolve";
        var matcher = services.GetRequiredService<PersonMatcher>();
        var clock = Stopwatch.StartNew();
        await matcher.WarmAsync(CancellationToken.None);
        var built = clock.Elapsed;
        await Console.Error.WriteLineAsync($"  index of {matcher.Count:N0} entries built in {built.TotalSeconds:N1} s");
        var run = await services.GetRequiredService<IdentityResolution>().ResolvePendingAsync(CancellationToken.None);
        var rate = run.Entries / Math.Max(run.Elapsed.TotalSeconds, 0.001);
        Console.WriteLine($"identities resolve: {run.Entries:N0} entries in {run.Elapsed.TotalSeconds:N1} s ({rate:N0}/s) after an index build of {built.TotalSeconds:N1} s: {run.Linked:N0} linked, {run.Reviews:N0} to review, {run.Routed:N0} routed to the desk");
        if (args.Flag("score-truth"))
        {
            var rows = await (from p in db.IncidentPeople.AsNoTracking()
                              join t in db.SyntheticTruth.AsNoTracking() on p.Id equals t.IncidentPersonId
                              select new { p.IdentityId, t.Identity }).ToListAsync();
            static long Pairs(long n) => n * (n - 1) / 2;
            var predicted = rows.GroupBy(r => r.IdentityId).Sum(g => Pairs(g.Count()));
            var truth = rows.GroupBy(r => r.Identity).Sum(g => Pairs(g.Count()));
            var both = rows.GroupBy(r => (r.IdentityId, r.Identity)).Sum(g => Pairs(g.Count()));
            var precision = predicted == 0 ? 1 : both / (double)predicted;
            var recall = truth == 0 ? 1 : both / (double)truth;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            Console.WriteLine($"against synthetic truth: {rows.Count:N0} entries, {rows.Select(r => r.Identity).Distinct().Count():N0} humans, {rows.Select(r => r.IdentityId).Distinct().Count():N0} identities; pairwise precision {precision:0.0000}, recall {recall:0.0000}, F1 {f1:0.0000}");
        }
        if (probes > 0)
        {
            // Intake's lookup: one entry as typed against every indexed entry, with the reasons for each candidate.
            var sample = await db.IncidentPeople.AsNoTracking().OrderBy(p => p.Id).Where(p => p.Id % 97 == 3).Take(probes).ToListAsync();
            var times = new List<double>(sample.Count);
            foreach (var person in sample)
            {
                var started = Stopwatch.GetTimestamp();
                await matcher.FindAsync(PersonMatcher.ToEntry(person) with { Id = "0" }, null, 5, CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            times.Sort();
            double At(double q) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
            Console.WriteLine($"intake lookup over {matcher.Count:N0} entries, {times.Count:N0} probes: p50 {At(0.5):N2} ms, p95 {At(0.95):N2} ms, p99 {At(0.99):N2} ms");
        }
        return 0;
    }
}
