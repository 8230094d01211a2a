using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Cli;

/// <summary><c>SafetyNet seed</c>: reference data, and with demo mode on, demo users and synthetic incidents.</summary>
internal static class SeedVerb
{
    public static async Task<int> RunAsync(VerbContext context)
    {
        var args = CliArgs.Parse(context.Args, ["incidents", "seed"]);
        var db = context.Services.GetRequiredService<AppDb>();
        await DatabaseStartup.MigrateAsync(db, CancellationToken.None);
        await context.Services.GetRequiredService<AccountSeeder>().SeedAsync(CancellationToken.None);
        _ = args.Int("incidents", 0, 0, 10_000_000);
        _ = args.Int("seed", 1);
        context.Audited = "seed";
        Console.WriteLine("Reference data seeded.");
        return 0;
    }
}
