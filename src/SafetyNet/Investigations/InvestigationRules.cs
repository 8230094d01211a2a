using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// One crime group: the offence subgroups it takes (or domestic abuse, whatever the offence), the PIP level it needs
/// (and the level when its risk is high), when its first supervisory review falls due, how often after that, and
/// the plan's strategy sections it must always have.
/// </summary>
public sealed record CrimeGroupRule(
    string Code, string Name, IReadOnlyList<string> Subgroups, bool DomesticAbuse, int PipLevel, int HighRiskPipLevel,
    int FirstReviewHours, int ReviewEveryDays, IReadOnlyList<string> RequiredStrategies);

/// <summary>
/// The force's investigation rules (DOMAIN §13): crime groups in the order they are tried (the first that matches wins;
/// the last, with no subgroups, takes the rest), the shorter cadence for high risk and vulnerable victims, when an
/// overdue review reaches the inspector, and the strategy sections a seized device requires.
/// </summary>
public sealed record InvestigationRules(
    IReadOnlyList<CrimeGroupRule> Groups, int UrgentFirstReviewHours, int UrgentReviewEveryDays, int InspectorAfterOverdueDays,
    IReadOnlyList<string> StrategiesWhenDevicesSeized)
{
    public const string Key = "investigation-rules";

    public static InvestigationRules Default => new(
        [
            new("homicide", "Homicide", ["Homicide"], false, 3, 3, 24, 7, ["Victim", "Witness", "Suspect", "SceneAndForensic", "CommunityImpact"]),
            new("serious-sexual", "Serious sexual offences", ["Rape offences", "Other sexual offences"], false, 2, 2, 24, 7, ["Victim", "Suspect", "SceneAndForensic"]),
            new("domestic-abuse", "Domestic abuse", [], true, 1, 2, 24, 7, ["Victim", "Suspect"]),
            new("serious-violence", "Serious violence", ["Violence with injury", "Death or serious injury - unlawful driving"], false, 2, 2, 72, 28, ["Victim", "Suspect"]),
            new("volume", "Volume crime", [], false, 1, 1, 72, 28, ["Victim"]),
        ],
        UrgentFirstReviewHours: 24, UrgentReviewEveryDays: 7, InspectorAfterOverdueDays: 7, StrategiesWhenDevicesSeized: ["Digital"]);

    /// <summary>The group of a crime: the first whose subgroups name its offence, or that takes domestic abuse; else the last.</summary>
    public CrimeGroupRule GroupOf(string? subgroup, bool domesticAbuse) =>
        Groups.FirstOrDefault(g => g.Subgroups.Any(s => string.Equals(s, subgroup, StringComparison.OrdinalIgnoreCase)))
        ?? Groups.FirstOrDefault(g => g.DomesticAbuse && domesticAbuse)
        ?? Groups[^1];

    public CrimeGroupRule? Find(string code) => Groups.FirstOrDefault(g => g.Code == code);

    /// <summary>The PIP level an investigation needs.</summary>
    public int PipLevelFor(Investigation investigation) =>
        Find(investigation.CrimeGroup) is { } group ? (investigation.Risk == InvestigationRisk.High ? group.HighRiskPipLevel : group.PipLevel) : 1;

    /// <summary>High risk, domestic abuse and vulnerable victims are reviewed on the urgent cadence.</summary>
    public static bool IsUrgent(Investigation investigation) =>
        investigation.Risk == InvestigationRisk.High || investigation.DomesticAbuse || investigation.VulnerableVictim;

    /// <summary>Hours from opening to the first supervisory review: the group's, or the urgent cadence's if shorter.</summary>
    public int FirstReviewHoursFor(Investigation investigation)
    {
        var hours = Find(investigation.CrimeGroup)?.FirstReviewHours ?? UrgentFirstReviewHours;
        return IsUrgent(investigation) ? Math.Min(hours, UrgentFirstReviewHours) : hours;
    }

    /// <summary>Days between supervisory reviews after the first.</summary>
    public int ReviewEveryDaysFor(Investigation investigation)
    {
        var days = Find(investigation.CrimeGroup)?.ReviewEveryDays ?? UrgentReviewEveryDays;
        return IsUrgent(investigation) ? Math.Min(days, UrgentReviewEveryDays) : days;
    }

    /// <summary>The strategy sections the plan must have: the group's, and those a seized device adds.</summary>
    public IReadOnlyList<string> RequiredStrategiesFor(Investigation investigation, bool devicesSeized) =>
        [.. (Find(investigation.CrimeGroup)?.RequiredStrategies ?? []).Concat(devicesSeized ? StrategiesWhenDevicesSeized : []).Distinct()];

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Groups is not { Count: > 0 })
        {
            errors["groups"] = ["Give at least one crime group"];
            return errors;
        }
        if (Groups[^1].Subgroups.Count > 0 || Groups[^1].DomesticAbuse)
        {
            errors["groups"] = ["The last crime group takes every other crime: give it no subgroups and not domestic abuse"];
        }
        if (Groups.Select(g => g.Code).Distinct(StringComparer.Ordinal).Count() != Groups.Count)
        {
            errors["groups.code"] = ["Give each crime group a different code"];
        }
        foreach (var group in Groups)
        {
            if (string.IsNullOrWhiteSpace(group.Code) || string.IsNullOrWhiteSpace(group.Name))
            {
                errors["groups.code"] = ["Give each crime group a code and a name"];
            }
            if (group.Subgroups.FirstOrDefault(s => OffenceSubgroups.CategoryOf(s) is null) is { } unknown)
            {
                errors["groups.subgroups"] = [$"'{unknown}' is not a Home Office offence subgroup"];
            }
            if (group.PipLevel is < 1 or > 4 || group.HighRiskPipLevel < group.PipLevel || group.HighRiskPipLevel > 4)
            {
                errors["groups.pipLevel"] = [$"{group.Name}: give a PIP level of 1 to 4, and a high-risk level no lower"];
            }
            if (group.FirstReviewHours is < 1 or > 24 * 28 || group.ReviewEveryDays is < 1 or > 90)
            {
                errors["groups.firstReviewHours"] = [$"{group.Name}: give a first review within 1 to 672 hours and reviews every 1 to 90 days"];
            }
            if (group.RequiredStrategies.FirstOrDefault(s => !StrategySections.All.Contains(s)) is { } section)
            {
                errors["groups.requiredStrategies"] = [$"'{section}' is not a strategy section"];
            }
        }
        if (UrgentFirstReviewHours is < 1 or > 24 * 28 || UrgentReviewEveryDays is < 1 or > 90)
        {
            errors["urgentFirstReviewHours"] = ["Give an urgent first review within 1 to 672 hours and reviews every 1 to 90 days"];
        }
        if (InspectorAfterOverdueDays is < 1 or > 90)
        {
            errors["inspectorAfterOverdueDays"] = ["Give 1 to 90 days"];
        }
        if (StrategiesWhenDevicesSeized.FirstOrDefault(s => !StrategySections.All.Contains(s)) is { } seized)
        {
            errors["strategiesWhenDevicesSeized"] = [$"'{seized}' is not a strategy section"];
        }
        return errors;
    }
}

/// <summary>The strategy headings of an investigation plan in UK practice (DOMAIN §13), in the order a plan shows them.</summary>
public static class StrategySections
{
    public static readonly IReadOnlyList<string> All =
    [
        "Victim", "Witness", "Suspect", "SceneAndForensic", "Digital", "PassiveDataAndCctv", "Intelligence", "HouseToHouse",
        "Media", "Disclosure", "CommunityImpact",
    ];

    public static string Describe(string section) => section switch
    {
        "Victim" => "Victim",
        "Witness" => "Witness",
        "Suspect" => "Suspect",
        "SceneAndForensic" => "Scene and forensic",
        "Digital" => "Digital",
        "PassiveDataAndCctv" => "Passive data and CCTV",
        "Intelligence" => "Intelligence",
        "HouseToHouse" => "House-to-house",
        "Media" => "Media",
        "Disclosure" => "Disclosure",
        "CommunityImpact" => "Community impact",
        _ => section,
    };
}

internal sealed class InvestigationRulesSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(InvestigationRules.Key, InvestigationRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
