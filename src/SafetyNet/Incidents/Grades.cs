namespace SafetyNet.Incidents;

/// <summary>A response grade and its attendance target (DOMAIN §2); force configuration, versioned.</summary>
public sealed record Grade(string Code, string Name, int? UrbanMinutes, int? RuralMinutes, bool Attends, string Description)
{
    /// <summary>When attendance falls due if the clock starts at <paramref name="from"/>; null for a grade that does not attend.</summary>
    public DateTimeOffset? AttendanceDue(bool rural, DateTimeOffset from) =>
        Attends && (rural ? RuralMinutes : UrbanMinutes) is { } minutes ? from.AddMinutes(minutes) : null;
}

public sealed record GradeTable(IReadOnlyList<Grade> Grades)
{
    public const string Key = "grades";
    public const string Emergency = "EMERGENCY";
    public const string Scheduled = "SCHEDULED";

    public Grade? Find(string? code) => Grades.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase));

    public static GradeTable Default => new(
    [
        new(Emergency, "Emergency", 15, 20, true, "Immediate threat to life, serious injury or damage, or a crime in progress: attend within 15 minutes (urban) or 20 (rural)"),
        new("PRIORITY", "Priority", 60, 60, true, "Genuine concern but no immediate danger: attend within 60 minutes"),
        new(Scheduled, "Scheduled", 2880, 2880, true, "An appointment within 48 hours"),
        new("RESOLVED", "Resolved without deployment", null, null, false, "Resolved by telephone, online or referral: no attendance"),
    ]);

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (Grades.Count == 0)
        {
            errors["grades"] = ["Give at least one grade"];
        }
        for (var i = 0; i < Grades.Count; i++)
        {
            var g = Grades[i];
            if (string.IsNullOrWhiteSpace(g.Code) || string.IsNullOrWhiteSpace(g.Name))
            {
                errors[$"grades[{i}]"] = ["Each grade needs a code and a name"];
            }
            else if (g.Attends && (g.UrbanMinutes is not > 0 || g.RuralMinutes is not > 0))
            {
                errors[$"grades[{i}]"] = [$"Grade {g.Code} attends, so it needs urban and rural targets in minutes"];
            }
        }
        if (Grades.Select(g => g.Code.ToUpperInvariant()).Distinct().Count() != Grades.Count)
        {
            errors["grades"] = ["Grade codes must be unique"];
        }
        return errors;
    }
}

/// <summary>
/// A word or answer that prompts the call handler to check the risk: a prompt, never a grade. <c>Stems</c> match the
/// start of a word of the narrative ("strangl" matches "strangled"); <c>Answers</c> are instrument questions whose "yes"
/// prompts too.
/// </summary>
public sealed record RiskCue(string Name, string Prompt, IReadOnlyList<string> Stems, IReadOnlyList<string> Answers);

/// <summary>Timescales and thresholds of first contact that a force may tune.</summary>
/// <param name="AssessmentDueHours">After an emergency is dispatched first, THRIVE and the risk assessment fall due to the attending officer this long after.</param>
/// <param name="DontKnowPercent">A risk assessment with more than this share of "don't know" answers is incomplete.</param>
public sealed record IntakeRules(int CrimeRecordingHours, int AssessmentDueHours, int DontKnowPercent, IReadOnlyList<RiskCue> RiskCues)
{
    public const string Key = "intake";

    public static IntakeRules Default => new(24, 8, 50,
    [
        new("weapon", "A weapon is mentioned: check the risk to the victim and to the officers attending",
            ["knife", "knives", "gun", "firearm", "weapon", "machete", "blade", "axe", "crossbow"], ["weapons"]),
        new("strangulation", "Strangulation or choking is mentioned: a marker of serious risk, check the risk",
            ["strangl", "chok", "throttl", "suffocat"], ["strangle"]),
        new("threat-to-kill", "A threat to kill is mentioned: check the risk",
            ["kill"], ["threats-to-kill", "threatened-children"]),
    ]);

    /// <summary>The prompts a narrative and the instruments' answers raise, each once, in the configured order.</summary>
    public IReadOnlyList<string> PromptsFor(string? narrative, IEnumerable<IReadOnlyDictionary<string, string?>> answers)
    {
        var words = System.Text.RegularExpressions.Regex.Split((narrative ?? "").ToLowerInvariant(), "[^a-z]+").Where(w => w.Length > 0).ToList();
        var yes = answers.SelectMany(a => a).Where(a => string.Equals(a.Value, "yes", StringComparison.OrdinalIgnoreCase)).Select(a => a.Key).ToHashSet();
        return (RiskCues ?? []).Where(c => c.Stems.Any(s => words.Any(w => w.StartsWith(s, StringComparison.Ordinal))) || c.Answers.Any(yes.Contains))
            .Select(c => c.Prompt).ToList();
    }

    /// <summary>More than the configured share of a form's yes/no questions answered "don't know".</summary>
    public bool IsIncomplete(int dontKnow, int questions) => questions > 0 && dontKnow * 100 > DontKnowPercent * questions;

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (CrimeRecordingHours is < 1 or > 24)
        {
            errors["crimeRecordingHours"] = ["The crime recording decision is due within 1 to 24 hours of the report (NCRS: 24)"];
        }
        if (AssessmentDueHours is < 1 or > 72)
        {
            errors["assessmentDueHours"] = ["THRIVE and the risk assessment after an emergency dispatch are due within 1 to 72 hours"];
        }
        if (DontKnowPercent is < 10 or > 90)
        {
            errors["dontKnowPercent"] = ["The share of \"don't know\" answers that makes a form incomplete is 10 to 90 per cent"];
        }
        if ((RiskCues ?? []).Any(c => string.IsNullOrWhiteSpace(c.Prompt) || c.Stems.Any(s => s.Length < 3)))
        {
            errors["riskCues"] = ["Each risk cue needs a prompt, and each word stem at least 3 letters"];
        }
        return errors;
    }
}
