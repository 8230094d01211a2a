using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Offenders;

public static class OffendersSetup
{
    public static IHostApplicationBuilder AddOffenders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OffenderAccess>();
        builder.Services.AddScoped<OffenderRecording>();
        builder.Services.AddScoped<OffenderImport>();
        builder.Services.AddScoped<IStartupSeeder, OffenderRulesSeeder>();
        builder.Services.AddScoped<IStartupSeeder, OffendersDemoSeeder>();
        return builder;
    }
}

/// <summary>Seeds the register's rules: the warning marker kinds, the reminder before expiry, recently active and released windows.</summary>
internal sealed class OffenderRulesSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(OffenderRules.Key, OffenderRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
