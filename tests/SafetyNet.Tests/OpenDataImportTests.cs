using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>The police.uk import, on the shared real year, each provider in an application of its own.</summary>
public class OpenDataImportTests
{
    private static string Archive() => SharedData.Path("policeuk", "hertfordshire-2021.zip");

    [Theory, Providers]
    public async Task A_year_of_police_uk_imports_whole_and_a_second_import_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await new SafetyNetApp(provider).ReadyAsync();
        var (code, output, _) = await CliRun.RunAsync(CliRun.For(app, "import", "policeuk", Archive()));
        Assert.Equal(0, code);
        Assert.Contains("Read 100,407 street and 76,101 outcome rows", output);

        var counts = await app.WithDbAsync(async db => new
        {
            Street = await db.OpenDataCrimes.CountAsync(),
            NotAsb = await db.OpenDataCrimes.CountAsync(c => c.CrimeType != "Anti-social behaviour"),
            Burglary = await db.OpenDataCrimes.CountAsync(c => c.CrimeType == "Burglary"),
            BurglaryInCounty = await db.OpenDataCrimes.CountAsync(c => c.CrimeType == "Burglary" && c.District != null),
            Outcomes = await db.OpenDataOutcomes.CountAsync(),
        });
        // Every row is imported or rejected with its reason: the three repeated Crime IDs are reported, not lost.
        Assert.Contains("Rejected 3 rows: 3 Crime ID repeated in the files", output);
        Assert.Equal(100_407 - 3, counts.Street);
        Assert.Equal(74_251 - 3, counts.NotAsb);
        Assert.Equal(76_101, counts.Outcomes);
        Assert.InRange(counts.Burglary, 3_400, 3_403);
        Assert.InRange(counts.BurglaryInCounty, 3_311, 3_314);

        var (again, secondOutput, _) = await CliRun.RunAsync(CliRun.For(app, "import", "policeuk", Archive()));
        Assert.Equal(0, again);
        Assert.Contains("Imported 0 street rows", secondOutput);
        Assert.Equal(counts.Street, await app.WithDbAsync(db => db.OpenDataCrimes.CountAsync()));
        Assert.Equal(counts.Outcomes, await app.WithDbAsync(db => db.OpenDataOutcomes.CountAsync()));
        // Open data stays apart from the force's own records.
        Assert.Equal(0, await app.WithDbAsync(db => db.Incidents.CountAsync()));
    }

    [Fact]
    public async Task A_missing_file_is_one_line_and_exit_2()
    {
        var (code, _, error) = await CliRun.RunAsync("import", "policeuk", "/nowhere/police.zip");
        Assert.Equal(2, code);
        // Progress goes to standard error too; the failure itself is one line.
        var failure = Assert.Single(error.Trim().Split('\n'), line => line.StartsWith("SafetyNet import:", StringComparison.Ordinal));
        Assert.Contains("/nowhere/police.zip", failure);
    }
}
