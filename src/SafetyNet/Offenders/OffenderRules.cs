namespace SafetyNet.Offenders;

/// <summary>A kind of warning marker: its code and the words officers see.</summary>
public sealed record MarkerKind(string Code, string Name);

/// <summary>
/// The register's force configuration: the kinds of warning marker, how many days before licence or bail conditions
/// expire their reminder falls due, how far back "recently active" looks and how many days "released this week" covers.
/// Versioned like every rule the force tunes.
/// </summary>
public sealed record OffenderRules(IReadOnlyList<MarkerKind> MarkerKinds, int ReminderDays, int RecentlyActiveDays, int ReleasedDays)
{
    public const string Key = "offenders.register";

    public static OffenderRules Default => new(
    [
        new("WEAPONS", "Weapons"),
        new("VIOLENCE", "Violence"),
        new("DRUGS", "Drugs"),
        new("SELF_HARM", "Self-harm"),
        new("MENTAL_HEALTH", "Mental health"),
        new("ESCAPE_RISK", "Escape risk"),
        new("CONTAGION", "Contagion"),
        new("FIREARMS", "Firearms"),
        new("SUICIDAL", "Suicidal"),
        new("ALLEGES", "Alleges against officers"),
    ], ReminderDays: 7, RecentlyActiveDays: 90, ReleasedDays: 7);

    public MarkerKind? Find(string? code) => MarkerKinds.FirstOrDefault(k => string.Equals(k.Code, code, StringComparison.OrdinalIgnoreCase));

    public string NameOf(string code) => Find(code)?.Name ?? code;

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (MarkerKinds is not { Count: > 0 } || MarkerKinds.Any(k => string.IsNullOrWhiteSpace(k.Code) || k.Code.Length > 40 || string.IsNullOrWhiteSpace(k.Name)))
        {
            errors["markerKinds"] = ["List at least one marker kind, each with a code of at most 40 characters and a name"];
        }
        else if (MarkerKinds.Select(k => k.Code.ToUpperInvariant()).Distinct().Count() != MarkerKinds.Count)
        {
            errors["markerKinds"] = ["Each marker kind needs a code of its own"];
        }
        if (ReminderDays is < 1 or > 90)
        {
            errors["reminderDays"] = ["The reminder must fall 1 to 90 days before expiry"];
        }
        if (RecentlyActiveDays is < 1 or > 730)
        {
            errors["recentlyActiveDays"] = ["Recently active must look back 1 to 730 days"];
        }
        if (ReleasedDays is < 1 or > 31)
        {
            errors["releasedDays"] = ["Released this week must cover 1 to 31 days"];
        }
        return errors;
    }
}

/// <summary>A kind of offence to search by: the Home Office offence classes (the code's first three digits) it covers.</summary>
public sealed record OffenceType(string Code, string Name, IReadOnlyList<string> Classes);

/// <summary>
/// Home Office offence codes as the register reads them. A code is five digits; its first three are the Home Office
/// offence class, which the search's offence types group.
/// </summary>
public static class OffenceCodes
{
    /// <summary>The offence types an officer searches by, with the Home Office classes each covers.</summary>
    public static readonly IReadOnlyList<OffenceType> Types =
    [
        new("BURGLARY", "Burglary", ["028", "029", "030", "031"]),
        new("ROBBERY", "Robbery", ["034"]),
        new("VEHICLE", "Vehicle crime", ["037", "045", "048", "126", "130", "131"]),
        new("THEFT", "Theft and handling", ["039", "040", "041", "042", "043", "044", "046", "049", "054", "118", "119", "121"]),
        new("VIOLENCE", "Violence against the person", ["001", "002", "003", "004", "005", "006", "007", "008", "036", "104", "105", "109"]),
        new("DRUGS", "Drugs", ["092", "093"]),
        new("DAMAGE", "Criminal damage and arson", ["056", "057", "058", "059"]),
    ];

    public static OffenceType? FindType(string? code) => Types.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Five digits, leading zeros kept.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 5 } && code.All(char.IsAsciiDigit);

    public static string Message(string label = "the offence code") => $"Enter {label} as the five-digit Home Office offence code, like 02800";
}
