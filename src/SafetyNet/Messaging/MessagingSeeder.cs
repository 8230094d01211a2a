using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Messaging;

/// <summary>Seeds the outbox's channels and retry rules with DOMAIN's defaults.</summary>
internal sealed class MessagingSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(MessagingRules.Key, MessagingRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
