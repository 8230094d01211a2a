using SafetyNet.Incidents;

namespace SafetyNet.Crimes;

/// <summary>
/// Finds a crime described inside a report of a type that is not a crime (anti-social behaviour, concern for safety,
/// a missing person), so that it gets a crime recording decision by the same 24-hour clock (DOMAIN §4: any route).
/// The ASB questionnaire's answers decide it; words in the account decide it where they describe a crime and are not
/// denied. Opening a decision is cheap (it can be closed as not a crime, with the reason kept), missing one is what the
/// inspectorate finds, so the rule errs towards a decision.
/// </summary>
public static class CrimeInTheAccount
{
    public const int ReasonLength = 500;

    /// <summary>What the person recording it said, as a reason.</summary>
    public const string MarkedByHand = "The person who recorded the report judged that it may amount to a crime";

    private static readonly (string[] Stems, string Crime)[] Words =
    [
        (["assault", "punch", "kicked", "kicking", "headbutt", "stabbed", "slapped", "beaten", "beat him", "beat her", "attacked"], "an assault"),
        (["threaten", "threat to kill", "threats to kill"], "threats (a public order offence or an assault)"),
        (["smashed", "damaged", "vandalis", "graffiti", "set fire", "slashed"], "criminal damage"),
        (["harass", "stalk"], "harassment or stalking"),
        (["stole", "stolen", "theft", "burgl", "robbed"], "a theft or burglary"),
    ];

    private static readonly string[] Denials = ["no", "not", "never", "without", "denies", "denied", "nobody", "didn't", "wasn't", "hasn't"];

    /// <summary>
    /// Why a report of this type may amount to a crime, or null when nothing it holds says so. Crime types need no
    /// reason: they always get a decision.
    /// </summary>
    public static string? ReasonFor(IncidentType type, IReadOnlyDictionary<string, string?>? asbAnswers, params string?[] accounts)
    {
        if (type.PossibleCrime)
        {
            return null;
        }
        var reasons = new List<string>();
        if (asbAnswers is not null)
        {
            var hate = Yes(asbAnswers, "hate");
            var threats = Yes(asbAnswers, "threats");
            if (hate && threats)
            {
                reasons.Add("hate-motivated threats or violence: a hate crime");
            }
            else if (threats)
            {
                reasons.Add("threats or violence: an assault or a public order offence");
            }
            if (Yes(asbAnswers, "damage"))
            {
                reasons.Add("property damaged: criminal damage");
            }
            if (Yes(asbAnswers, "targeted") && (Yes(asbAnswers, "reported-before") || Yes(asbAnswers, "reported-3-in-3-months")))
            {
                reasons.Add("the victim is targeted and has reported it before: harassment");
            }
        }
        var described = Described(accounts);
        if (reasons.Count == 0 && described.Count == 0)
        {
            return null;
        }
        var text = reasons.Count > 0 ? $"The answers describe {string.Join("; ", reasons)}" : "";
        if (described.Count > 0)
        {
            text += (text.Length > 0 ? ". " : "") + $"The account describes {string.Join(", ", described)}";
        }
        return text.Length <= ReasonLength ? text : text[..ReasonLength];
    }

    private static bool Yes(IReadOnlyDictionary<string, string?> answers, string key) =>
        answers.TryGetValue(key, out var answer) && string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);

    /// <summary>The crimes the words of the account describe, each named once, unless a denial comes just before.</summary>
    private static List<string> Described(string?[] accounts)
    {
        var found = new List<string>();
        foreach (var account in accounts)
        {
            if (string.IsNullOrWhiteSpace(account))
            {
                continue;
            }
            var text = account.ToLowerInvariant().Replace('’', '\'');
            foreach (var (stems, crime) in Words)
            {
                if (found.Contains(crime))
                {
                    continue;
                }
                foreach (var stem in stems)
                {
                    if (Mentions(text, stem))
                    {
                        found.Add(crime);
                        break;
                    }
                }
            }
        }
        return found;
    }

    /// <summary>Whether a word starting with the stem occurs with no denial among the three words before it.</summary>
    private static bool Mentions(string text, string stem)
    {
        for (var at = text.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = text.IndexOf(stem, at + 1, StringComparison.Ordinal))
        {
            if (at > 0 && char.IsLetter(text[at - 1]))
            {
                continue;
            }
            var before = text[..at].Split([' ', ',', '.', ';', ':', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var denied = false;
            for (var i = Math.Max(0, before.Length - 3); i < before.Length; i++)
            {
                if (Denials.Contains(before[i]))
                {
                    denied = true;
                }
            }
            if (!denied)
            {
                return true;
            }
        }
        return false;
    }
}
