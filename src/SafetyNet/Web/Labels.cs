using System.Text;
using SafetyNet.Incidents;

namespace SafetyNet.Web;

/// <summary>
/// The words a page shows for a code. Every enum value, grade code and incident type code that reaches a page goes
/// through here, so no page shows "NonEmergency101" or "SCHEDULED". A value without an entry below is written as words
/// ("NotYetOffered" → "Not yet offered"); the entries are the ones words alone would get wrong.
/// </summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["Emergency999"] = "999 call",
        ["NonEmergency101"] = "101 call",
        ["Online"] = "Online report",
        ["FrontCounter"] = "Front counter",
        ["PartnerReferral"] = "Referral from a partner",
        ["CallHandlingImport"] = "Imported from call handling",
        ["RecordsImport"] = "Imported from records",
        ["Sms"] = "Text message",
        ["Idva"] = "IDVA (independent domestic violence adviser)",
        ["Marac"] = "MARAC",
        ["Mash"] = "MASH (multi-agency safeguarding hub)",
        ["OlderPersonLiaison"] = "Older person liaison",
        ["AwaitingOptIn"] = "Waiting for the victim to agree",
        ["Asb"] = "ASB",
        ["PspoBreach"] = "PSPO breach",
        ["CrimeAndDisorderActSection115"] = "Crime and Disorder Act 1998, section 115",
        ["DataProtectionActPart3"] = "Data Protection Act 2018, Part 3",
        ["NotACrime"] = "Not a crime",
        ["NotYetDue"] = "Not yet due",
        ["NotSame"] = "Not the same person",
        ["DeadLetter"] = "Given up",
        ["InPerson"] = "In person",
        ["PersonOfConcern"] = "Person of concern",
        ["ThresholdNotMet"] = "Threshold not met",
    };

    /// <summary>The words for an enum value.</summary>
    public static string Of(Enum value) => Of(value.ToString());

    /// <summary>The words for an enum value's name, as an API answer carries it.</summary>
    public static string Of(string? name) =>
        string.IsNullOrEmpty(name) ? "" : Exceptions.TryGetValue(name, out var label) ? label : Words(name);

    /// <summary>The name of a grade in the force's grade table, or the code as a word when the table no longer has it.</summary>
    public static string Grade(GradeTable grades, string? code) =>
        code is null ? "Not graded" : grades.Find(code)?.Name ?? Capitalised(code);

    /// <summary>The name of an incident type.</summary>
    public static string IncidentType(string? code) =>
        code is null ? "" : Incidents.IncidentType.Find(code)?.Name ?? Capitalised(code.Replace('-', ' '));

    /// <summary>The short name of a risk instrument.</summary>
    public static string Instrument(string? code) => code?.ToUpperInvariant() switch
    {
        null => "",
        "ASB" => "ASB risk assessment",
        "DASH" => "DASH",
        "SDASH" => "S-DASH",
        "MISSING" => "Missing person risk assessment",
        _ => code,
    };

    /// <summary>"NotYetOffered" → "Not yet offered"; a run of capitals stays one word ("ASBCase" → "ASB case").</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            var startsNumber = i > 0 && char.IsDigit(c) && !char.IsDigit(name[i - 1]);
            if (startsWord || startsNumber)
            {
                text.Append(' ');
            }
            var inAcronym = char.IsUpper(c) && ((i + 1 < name.Length && char.IsUpper(name[i + 1])) || (i > 0 && char.IsUpper(name[i - 1]) && (i + 1 == name.Length || !char.IsLower(name[i + 1]))));
            text.Append(text.Length == 0 || inAcronym ? c : char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string Capitalised(string code) =>
        code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..].ToLowerInvariant();
}
