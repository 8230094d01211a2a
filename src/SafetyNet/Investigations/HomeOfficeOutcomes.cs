namespace SafetyNet.Investigations;

/// <summary>
/// One Home Office outcome type (DOMAIN §5) with its police.uk category and what finalising with it requires: a named
/// suspect; the victim's view recorded first (an out-of-court outcome); the Victims' Right to Review explained (a
/// decision to take no further action); whether the victim supports action (the evidential difficulty outcomes).
/// </summary>
public sealed record HomeOfficeOutcome(
    string Code, string Name, string PoliceUkCategory, bool NeedsNamedSuspect, bool OutOfCourt, bool NoFurtherAction, bool? VictimSupportsAction)
{
    public bool IsCharge => Code is "1" or "1A";

    public bool IsEvidentialDifficulty => VictimSupportsAction is not null;
}

/// <summary>The Home Office outcome types used to finalise an investigation, in the Home Office's order.</summary>
public static class HomeOfficeOutcomes
{
    private const string Unable = "Unable to prosecute suspect";

    public static readonly IReadOnlyList<HomeOfficeOutcome> All =
    [
        new("1", "Charged or summonsed", "Suspect charged", true, false, false, null),
        new("1A", "Charged or summonsed for an alternative offence", "Suspect charged", true, false, false, null),
        new("2", "Youth caution", "Offender given a caution", true, true, false, null),
        new("3", "Adult caution", "Offender given a caution", true, true, false, null),
        new("4", "Taken into consideration", "Suspect charged as part of another case", true, false, false, null),
        new("5", "The offender has died", Unable, true, false, false, null),
        new("6", "Penalty notice for disorder", "Offender given penalty notice", true, true, false, null),
        new("7", "Cannabis or khat warning", "Offender given a drugs possession warning", true, true, false, null),
        new("8", "Community resolution", "Local resolution", true, true, false, null),
        new("9", "Prosecution not in the public interest (CPS)", "Formal action is not in the public interest", true, false, false, null),
        new("10", "Formal action not in the public interest (police)", "Formal action is not in the public interest", true, false, true, null),
        new("11", "Prosecution prevented: suspect under the age of criminal responsibility", Unable, true, false, false, null),
        new("12", "Prosecution prevented: suspect too ill", Unable, true, false, false, null),
        new("13", "Prosecution prevented: victim or key witness dead or too ill", Unable, true, false, false, null),
        new("14", "Evidential difficulties: suspect not identified; victim does not support action", Unable, false, false, true, false),
        new("15", "Evidential difficulties: named suspect; victim supports action", Unable, true, false, true, true),
        new("16", "Evidential difficulties: named suspect; victim does not support action", Unable, true, false, true, false),
        new("17", "Prosecution time limit expired", Unable, true, false, false, null),
        new("18", "Investigation complete: no suspect identified", "Investigation complete; no suspect identified", false, false, true, null),
        new("20", "Further action by another body or agency", "Action to be taken by another organisation", false, false, false, null),
        new("21", "Further investigation not in the public interest", "Further investigation is not in the public interest", false, false, true, null),
        new("22", "Diversionary, educational or intervention activity", "Further action is not in the public interest", true, true, false, null),
    ];

    public static HomeOfficeOutcome? Find(string? code) => All.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));

    public static string Describe(string code) => Find(code) is { } outcome ? $"{outcome.Code}: {outcome.Name}" : code;
}
