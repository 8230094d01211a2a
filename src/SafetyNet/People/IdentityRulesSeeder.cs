using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>Seeds the resolution thresholds and repeat rules with DOMAIN's defaults.</summary>
internal sealed class IdentityRulesSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(IdentityRules.Key, IdentityRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
