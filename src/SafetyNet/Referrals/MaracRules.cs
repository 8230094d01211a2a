using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Referrals;

/// <summary>
/// The force's MARAC listing rule (DOMAIN §2 and §8), beside the DASH instrument's own referral threshold (14 or more
/// "yes" answers), which stays in the instrument: escalation by a further domestic abuse incident within
/// <see cref="RepeatMonths"/> of a MARAC listing of the same victim, or <see cref="EscalationIncidents"/> domestic abuse
/// incidents within <see cref="EscalationMonths"/>; the working days within which a referral should be listed.
/// </summary>
public sealed record MaracRules(int ListingWorkingDays, int RepeatMonths, int EscalationIncidents, int EscalationMonths, IReadOnlyList<string> DomesticAbuseTypes)
{
    public const string Key = "marac-rules";

    public static MaracRules Default => new(15, 12, 3, 12, ["DOMESTIC-ABUSE"]);

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (ListingWorkingDays is < 1 or > 60)
        {
            errors["listingWorkingDays"] = ["Give 1 to 60 working days"];
        }
        if (RepeatMonths is < 1 or > 36)
        {
            errors["repeatMonths"] = ["Give 1 to 36 months"];
        }
        if (EscalationIncidents is < 2 or > 20)
        {
            errors["escalationIncidents"] = ["Give 2 to 20 incidents"];
        }
        if (EscalationMonths is < 1 or > 36)
        {
            errors["escalationMonths"] = ["Give 1 to 36 months"];
        }
        if (DomesticAbuseTypes is not { Count: > 0 })
        {
            errors["domesticAbuseTypes"] = ["Name at least one incident type that is domestic abuse"];
        }
        return errors;
    }
}

internal sealed class MaracSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(MaracRules.Key, MaracRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
