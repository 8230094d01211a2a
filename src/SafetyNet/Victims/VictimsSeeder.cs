using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>Seeds the Victims' Code timescales and the survey rules with DOMAIN's defaults.</summary>
internal sealed class VictimsSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(VictimCodeRules.Key, VictimCodeRules.Default, cancellationToken);
        await configuration.SeedAsync(Feedback.SurveyRules.Key, Feedback.SurveyRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
