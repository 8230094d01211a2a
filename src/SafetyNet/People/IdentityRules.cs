namespace SafetyNet.People;

/// <summary>A repeat rule: this many incidents within this many days.</summary>
public sealed record RepeatRule(int Incidents, int Days);

/// <summary>
/// How entries are resolved into identities and who counts as a repeat victim, location or offender (DOMAIN §3).
/// Versioned force configuration: a desk routing keeps the version of the rule that judged it.
/// </summary>
public sealed record IdentityRules(
    double AutoLinkProbability, double ReviewProbability,
    RepeatRule RepeatVictim, RepeatRule RepeatLocation, RepeatRule RepeatOffender,
    int VulnerableWithinDays, bool RouteRepeatVictims, bool RouteVulnerableVictims, int RouteOnResolutionWithinDays = 7)
{
    public const string Key = "people.identity";

    /// <summary>The lowest probability the engine's index returns; the review band cannot start below it.</summary>
    public const double Floor = 0.2;

    // RouteOnResolutionWithinDays: background resolution routes an incident to the desk only while it is this new.

    /// <summary>Seeded defaults: DOMAIN §3's example of 3 similar reports in 3 months; offenders over a year.</summary>
    public static IdentityRules Default => new(0.98, 0.6, new RepeatRule(3, 90), new RepeatRule(3, 90), new RepeatRule(3, 365), 365, true, true, 7);

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (AutoLinkProbability is <= 0.5 or > 1)
        {
            errors["autoLinkProbability"] = ["Automatic links need a probability above 0.5 and at most 1"];
        }
        if (ReviewProbability < Floor || ReviewProbability >= AutoLinkProbability)
        {
            errors["reviewProbability"] = [$"The review band starts at {Floor} or more and below the automatic link probability"];
        }
        foreach (var (name, rule) in new[] { ("repeatVictim", RepeatVictim), ("repeatLocation", RepeatLocation), ("repeatOffender", RepeatOffender) })
        {
            if (rule is null || rule.Incidents is < 2 or > 100 || rule.Days is < 1 or > 3660)
            {
                errors[name] = ["A repeat rule counts 2 to 100 incidents within 1 to 3,660 days"];
            }
        }
        if (VulnerableWithinDays is < 1 or > 3660)
        {
            errors["vulnerableWithinDays"] = ["Vulnerability is looked back over 1 to 3,660 days"];
        }
        if (RouteOnResolutionWithinDays is < 0 or > 90)
        {
            errors["routeOnResolutionWithinDays"] = ["Background resolution routes incidents up to 0 to 90 days old"];
        }
        return errors;
    }
}
