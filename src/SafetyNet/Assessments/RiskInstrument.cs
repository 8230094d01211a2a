namespace SafetyNet.Assessments;

/// <summary>
/// A risk instrument as force configuration: questions, how "yes" answers score, and the bands that turn
/// a score into a level. Instruments are data, so a force can swap DASH for DARA without a release.
/// </summary>
/// <param name="Levels">The levels from lowest to highest.</param>
/// <param name="Bands">The lowest score of each level, in the order of <paramref name="Levels"/>.</param>
/// <param name="ReferralThreshold">A score at or over this raises the referral flag (DASH: MARAC at 14).</param>
public sealed record RiskInstrument(
    string Code, string Name, string Guidance, IReadOnlyList<RiskQuestion> Questions,
    IReadOnlyList<string> Levels, IReadOnlyList<int> Bands, int? ReferralThreshold, string? ReferralName)
{
    public static string KeyFor(string code) => $"instrument:{code.ToUpperInvariant()}";

    public int LevelIndex(string? level) => level is null ? -1 : Levels.ToList().FindIndex(l => string.Equals(l, level, StringComparison.OrdinalIgnoreCase));

    public string LevelFor(int score)
    {
        var level = Levels[0];
        for (var i = 0; i < Bands.Count; i++)
        {
            if (score >= Bands[i])
            {
                level = Levels[i];
            }
        }
        return level;
    }

    /// <summary>Scores answers: every "yes" to a scored question adds its weight.</summary>
    public (int Score, IReadOnlyDictionary<string, string[]> Errors) Score(IReadOnlyDictionary<string, string?> answers)
    {
        var errors = new Dictionary<string, string[]>();
        var score = 0;
        foreach (var key in answers.Keys)
        {
            if (!Questions.Any(q => q.Key == key))
            {
                errors[$"answers.{key}"] = [$"'{key}' is not a question of {Name}"];
            }
        }
        foreach (var question in Questions)
        {
            answers.TryGetValue(question.Key, out var answer);
            if (question.FreeText)
            {
                if (answer is { Length: > 2000 })
                {
                    errors[$"answers.{question.Key}"] = ["Answers must be 2,000 characters or fewer"];
                }
                continue;
            }
            switch (answer?.ToLowerInvariant())
            {
                case "yes":
                    score += question.Weight;
                    break;
                case "no" or "dont-know":
                    break;
                case null or "":
                    errors[$"answers.{question.Key}"] = [$"Answer '{question.Text}' with yes, no or dont-know"];
                    break;
                default:
                    errors[$"answers.{question.Key}"] = [$"'{answer}' is not an answer: use yes, no or dont-know"];
                    break;
            }
        }
        return (score, errors);
    }

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Questions.Count == 0)
        {
            errors["questions"] = ["An instrument needs questions"];
        }
        if (Levels.Count == 0 || Levels.Count != Bands.Count)
        {
            errors["bands"] = ["Give one lowest score for each level"];
        }
        else if (Bands.Zip(Bands.Skip(1)).Any(p => p.Second <= p.First))
        {
            errors["bands"] = ["Band scores must rise from the lowest level to the highest"];
        }
        if (Questions.Select(q => q.Key).Distinct().Count() != Questions.Count)
        {
            errors["questions"] = ["Question keys must be unique"];
        }
        return errors;
    }

    private static RiskQuestion Q(string key, string text, int weight = 1) => new(key, text, weight, false);

    private static RiskQuestion Text(string key, string text) => new(key, text, 0, true);

    /// <summary>SafetyNet's default ASB victim risk assessment (DOMAIN §3): a force replaces it with its own matrix.</summary>
    public static RiskInstrument Asb => new("ASB", "ASB victim risk assessment",
        "Ask every question. 0–3 is low risk, 4–7 medium, 8 or more high.",
        [
            Q("reported-before", "Has the victim reported this or similar behaviour before?"),
            Q("reported-3-in-3-months", "Has it been reported 3 or more times in the last 3 months?"),
            Q("targeted", "Is the victim being targeted personally?", 2),
            Q("hate", "Is it motivated by hate (race, religion, disability, sexual orientation or transgender identity)?", 2),
            Q("vulnerable", "Is the victim or a household member elderly, disabled, ill or otherwise vulnerable?", 2),
            Q("afraid", "Is the victim afraid to go out or to stay at home?"),
            Q("health", "Is the victim's health, sleep or work affected?"),
            Q("threats", "Have there been threats or violence?", 2),
            Q("damage", "Has property been damaged?"),
            Q("children", "Are children affected?"),
            Q("isolated", "Is the victim isolated or without support?"),
            Q("worse", "Does the caller think it will get worse?"),
        ],
        ["Low", "Medium", "High"], [0, 4, 8], null, null);

    /// <summary>The SafeLives DASH checklist scoring: score = number of "yes"; 14+ refers to MARAC.</summary>
    public static RiskInstrument Dash => new("DASH", "Domestic abuse, stalking, harassment and honour-based violence (DASH)",
        "Score is the number of 'yes' answers. 1–9 standard, 10–13 medium, 14 or more high: refer to MARAC. Professional judgement may raise the level, never lower it.",
        [
            Q("injury", "Has the current incident resulted in injury?"),
            Q("frightened", "Is the victim very frightened?"),
            Text("frightened-of", "What is the victim frightened of?"),
            Q("isolated", "Does the victim feel isolated from family or friends?"),
            Q("depressed", "Is the victim feeling depressed or having suicidal thoughts?"),
            Q("separated", "Has the victim separated or tried to separate from the abuser within the past year?"),
            Q("child-contact", "Is there conflict over child contact?"),
            Q("stalking", "Does the abuser constantly text, call, contact, follow, stalk or harass the victim?"),
            Q("pregnant", "Is the victim pregnant or have they had a baby in the last 18 months?"),
            new("dependants", "Are there other children or dependants in the household?", 0, false),
            Q("hurt-children", "Has the abuser ever hurt the children or dependants?"),
            Q("threatened-children", "Has the abuser ever threatened to hurt or kill the children or dependants?"),
            Q("more-often", "Is the abuse happening more often?"),
            Q("getting-worse", "Is the abuse getting worse?"),
            Q("strangle", "Has the abuser ever tried to strangle, choke, suffocate or drown the victim?"),
            Q("threats-to-kill", "Has the abuser ever threatened to kill the victim or someone else?"),
            Q("weapons", "Has the abuser ever used weapons or objects to hurt the victim?"),
            Q("controlling", "Is the abuser constantly controlling or jealous?"),
            Q("sexual-abuse", "Has the abuser ever sexually abused the victim?"),
            Q("others-threatened", "Is there another person who has threatened the victim or whom the victim fears?"),
            Q("animals", "Has the abuser ever hurt an animal or pet?"),
            Q("financial", "Are there financial issues, such as dependence on the abuser or recent loss of a job?"),
            Q("substances", "Has the abuser had problems with drugs, alcohol or mental health in the past year?"),
            Q("abuser-suicide", "Has the abuser ever threatened or attempted suicide?"),
            Q("breached-bail", "Has the abuser ever breached bail, an injunction or another agreement?"),
            Q("criminal-record", "Is the abuser known to have a criminal history?"),
            Text("other-information", "Other relevant information"),
        ],
        ["Standard", "Medium", "High"], [0, 10, 14], 14, "MARAC");

    /// <summary>Stalking screening on top of DASH; bands are SafetyNet's default for the force to replace.</summary>
    public static RiskInstrument StalkingDash => new("SDASH", "Stalking and harassment screening (S-DASH)",
        "Ask all eleven questions as well as DASH. 5–7 'yes' is medium, 8 or more high.",
        [
            Q("very-frightened", "Is the victim very frightened?"),
            Q("previous-record", "Does the suspect have previous convictions or a history of stalking or harassment?"),
            Q("previous-victims", "Has the suspect harassed or stalked anyone else?"),
            Q("third-parties", "Has the suspect contacted the victim's family, friends or colleagues?"),
            Q("loitering", "Has the suspect loitered near or followed the victim?"),
            Q("damage", "Has the suspect damaged the victim's property?"),
            Q("threats", "Has the suspect threatened physical or sexual violence?"),
            Q("violence", "Has the suspect been violent to the victim?"),
            Q("escalating", "Is the behaviour escalating?"),
            Q("online", "Is the suspect using technology or social media to monitor or contact the victim?"),
            Q("obsessive", "Is the suspect obsessive about the victim, or about someone close to them?"),
        ],
        ["Standard", "Medium", "High"], [0, 5, 8], 8, "Stalking advocate");

    /// <summary>The missing person risk assessment; a supervisor reviews every one.</summary>
    public static RiskInstrument MissingPerson => new("MISSING", "Missing person risk assessment",
        "Very low: no apparent risk. Low: risk to the person or the public is low. Medium: likely to be at risk of harm. High: at immediate risk of serious harm.",
        [
            Q("child", "Is the missing person under 18?", 2),
            Q("out-of-character", "Is going missing out of character?", 2),
            Q("vulnerable", "Is the person vulnerable because of age, infirmity or a condition such as dementia?", 3),
            Q("self-harm", "Is there a risk of suicide or self-harm?", 4),
            Q("medication", "Does the person need medication or care they do not have?", 2),
            Q("exploitation", "Is there a risk of exploitation (sexual, criminal, county lines)?", 3),
            Q("harm-by-others", "Is there reason to think someone else may harm them?", 4),
            Q("domestic-abuse", "Is domestic abuse a factor?", 2),
            Q("weather", "Is the person exposed to the weather or other environmental risk?", 1),
            Q("previous", "Has the person gone missing before and come to harm?", 1),
        ],
        ["Very low", "Low", "Medium", "High"], [0, 2, 6, 10], null, null);

    public static IReadOnlyList<RiskInstrument> Defaults => [Asb, Dash, StalkingDash, MissingPerson];
}

public sealed record RiskQuestion(string Key, string Text, int Weight, bool FreeText);
