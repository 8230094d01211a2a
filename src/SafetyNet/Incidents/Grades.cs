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

    public Grade? Find(string? code) => Grades.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase));

    public static GradeTable Default => new(
    [
        new(Emergency, "Emergency", 15, 20, true, "Immediate threat to life, serious injury or damage, or a crime in progress: attend within 15 minutes (urban) or 20 (rural)"),
        new("PRIORITY", "Priority", 60, 60, true, "Genuine concern but no immediate danger: attend within 60 minutes"),
        new("SCHEDULED", "Scheduled", 2880, 2880, true, "An appointment within 48 hours"),
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

/// <summary>Timescales of first contact that a force may tune.</summary>
public sealed record IntakeRules(int CrimeRecordingHours, int EmergencyThriveMinutes)
{
    public const string Key = "intake";

    public static IntakeRules Default => new(24, 60);

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (CrimeRecordingHours is < 1 or > 24)
        {
            errors["crimeRecordingHours"] = ["The crime recording decision is due within 1 to 24 hours of the report (NCRS: 24)"];
        }
        if (EmergencyThriveMinutes is < 5 or > 240)
        {
            errors["emergencyThriveMinutes"] = ["THRIVE after an emergency dispatch is due within 5 to 240 minutes"];
        }
        return errors;
    }
}
