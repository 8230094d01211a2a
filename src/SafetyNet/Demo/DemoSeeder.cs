using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Locations;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Demo;

/// <summary>Adds synthetic incidents: on first start in demo mode, and on demand from <c>SafetyNet seed</c>.</summary>
public sealed class DemoSeeder(AppDb db, Gazetteer gazetteer, ForceConfiguration configuration, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public static IHostApplicationBuilder AddDemo(IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddScoped<IStartupSeeder>(sp => sp.GetRequiredService<DemoSeeder>());
        return builder;
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Incidents.AnyAsync(cancellationToken))
        {
            return;
        }
        var count = settings.GetValue("Demo:Incidents", 3000);
        if (count > 0)
        {
            await AddAsync(count, settings.GetValue("Demo:Seed", 1), null, cancellationToken);
        }
    }

    public async Task<SyntheticBatch> AddAsync(int incidents, int seed, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var start = new IdentifierStart(
            await NextAsync(db.Incidents.Select(i => (long?)i.Id), cancellationToken),
            await NextAsync(db.IncidentPeople.Select(i => (long?)i.Id), cancellationToken),
            await NextAsync(db.ThriveAssessments.Select(i => (long?)i.Id), cancellationToken),
            await NextAsync(db.RiskAssessments.Select(i => (long?)i.Id), cancellationToken),
            await NextAsync(db.CrimeRecords.Select(i => (long?)i.Id), cancellationToken),
            await NextAsync(db.CrimeDecisions.Select(i => (long?)i.Id), cancellationToken),
            (int)await NextAsync(db.Set<SyntheticTruth>().Select(t => (long?)t.Identity), cancellationToken),
            await NextAsync(db.PersonIdentities.Select(i => (long?)i.Id), cancellationToken));
        var instruments = new Dictionary<string, Versioned<RiskInstrument>>();
        foreach (var code in IncidentType.All.Select(t => t.Instrument).OfType<string>().Distinct())
        {
            instruments[code] = await configuration.CurrentAsync<RiskInstrument>(RiskInstrument.KeyFor(code), cancellationToken);
        }
        var generator = new SyntheticHertfordshire(gazetteer, seed);
        var batch = generator.Generate(incidents, time.GetUtcNow(), start, $"callhandler@{AccountSeeder.DemoDomain}", new RiskInstrumentSet(instruments));

        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        await BulkWriter.WriteAsync(db, batch.Incidents, cancellationToken);
        progress?.Report(batch.Incidents.Count);
        await BulkWriter.WriteAsync(db, batch.Identities, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.People, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.Truth, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.Thrive, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.Assessments, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.CrimeRecords, cancellationToken);
        await BulkWriter.WriteAsync(db, batch.CrimeDecisions, cancellationToken);
        await BulkWriter.ResetSequencesAsync(db, [typeof(Incident), typeof(PersonIdentity), typeof(IncidentPerson), typeof(ThriveAssessment), typeof(RiskAssessment), typeof(CrimeRecord), typeof(CrimeDecision)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch;
    }

    private static async Task<long> NextAsync(IQueryable<long?> ids, CancellationToken cancellationToken) => (await ids.MaxAsync(cancellationToken) ?? 0) + 1;
}
