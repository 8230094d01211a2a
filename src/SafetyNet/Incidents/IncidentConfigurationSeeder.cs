using SafetyNet.Assessments;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Incidents;

/// <summary>Seeds the grades, intake timescales, risk instruments and vulnerability factors with DOMAIN's defaults.</summary>
internal sealed class IncidentConfigurationSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(GradeTable.Key, GradeTable.Default, cancellationToken);
        await configuration.SeedAsync(IntakeRules.Key, IntakeRules.Default, cancellationToken);
        await configuration.SeedAsync(VulnerabilityFactors.Key, VulnerabilityFactors.Default, cancellationToken);
        foreach (var instrument in RiskInstrument.Defaults)
        {
            await configuration.SeedAsync(RiskInstrument.KeyFor(instrument.Code), instrument, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
