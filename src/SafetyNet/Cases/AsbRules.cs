namespace SafetyNet.Cases;

/// <summary>
/// The numbers the force tunes for ASB work (DOMAIN §3 and §7), kept as versioned configuration data: the
/// desk's review time, the review cadence of a case at each risk level and the local Community Trigger threshold.
/// Who counts as a repeat or vulnerable victim, and whether that routes an incident to the desk, is the identity
/// rule (<see cref="People.IdentityRules"/>), counted over resolved identities.
/// </summary>
public sealed record AsbRules(
    int DeskReviewHours,
    int DeskAttendanceHours,
    IReadOnlyList<ReviewCadence> ReviewCadences,
    int TriggerComplaints,
    int TriggerWindowMonths,
    int TriggerComplaintWithinMonths = 1,
    int TriggerDistanceMetres = 100)
{
    public const string Key = "asb-rules";

    public static readonly IReadOnlyList<string> RiskLevels = ["Low", "Medium", "High"];

    public static AsbRules Default => new(
        DeskReviewHours: 24,
        DeskAttendanceHours: 48,
        ReviewCadences:
        [
            new("Low", 56, null, null),
            new("Medium", 28, 56, null),
            new("High", 14, 28, 56),
        ],
        TriggerComplaints: 3,
        TriggerWindowMonths: 6,
        TriggerComplaintWithinMonths: 1,
        TriggerDistanceMetres: 100);

    public ReviewCadence CadenceFor(string level) =>
        ReviewCadences.FirstOrDefault(c => string.Equals(c.Level, level, StringComparison.OrdinalIgnoreCase)) ?? ReviewCadences[0];

    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (DeskReviewHours is < 1 or > 168)
        {
            errors["deskReviewHours"] = ["The desk reviews within 1 to 168 hours (default 24)"];
        }
        if (DeskAttendanceHours is < 1 or > 168)
        {
            errors["deskAttendanceHours"] = ["Attendance decided at the desk is due within 1 to 168 hours"];
        }
        foreach (var level in RiskLevels)
        {
            if (ReviewCadences?.FirstOrDefault(c => c.Level == level) is not { SergeantDays: > 0 })
            {
                errors["reviewCadences"] = [$"Give a review cadence in days for {level} risk"];
            }
        }
        // The Act sets the ceiling: no higher than 3 complaints in 6 months (DOMAIN §7); fewer complaints or a longer window is a lower bar.
        if (TriggerComplaints is < 1 or > 3 || TriggerWindowMonths is < 6 or > 24)
        {
            errors["triggerComplaints"] = ["The Community Trigger threshold may be no higher than 3 complaints in 6 months"];
        }
        if (TriggerComplaintWithinMonths is < 1 or > 12)
        {
            errors["triggerComplaintWithinMonths"] = ["Give the months, 1 to 12, within which a complaint must follow the behaviour (the Act's guidance: 1)"];
        }
        if (TriggerDistanceMetres is < 0 or > 1000)
        {
            errors["triggerDistanceMetres"] = ["Give the distance, 0 to 1,000 metres, within which two complaints are about the same place"];
        }
        return errors;
    }

    public static string? NormaliseLevel(string? level) =>
        RiskLevels.FirstOrDefault(l => string.Equals(l, level?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>How often a case at one risk level is reviewed: by a sergeant, an inspector and a chief inspector (days; null = not required).</summary>
public sealed record ReviewCadence(string Level, int SergeantDays, int? InspectorDays, int? ChiefInspectorDays)
{
    /// <summary>Every review falls due afresh from <paramref name="from"/>: on opening, a change of risk level and reopening.</summary>
    public void Schedule(AsbCase c, DateTimeOffset from)
    {
        c.NextReviewDueAt = from.AddDays(SergeantDays);
        c.InspectorReviewDueAt = InspectorDays is { } i ? from.AddDays(i) : null;
        c.ChiefInspectorReviewDueAt = ChiefInspectorDays is { } ci ? from.AddDays(ci) : null;
    }

    /// <summary>The days between reviews at one rank, or null where this level needs none at that rank.</summary>
    public int? DaysFor(ReviewRank rank) => rank switch
    {
        ReviewRank.Sergeant => SergeantDays,
        ReviewRank.Inspector => InspectorDays,
        _ => ChiefInspectorDays,
    };
}

/// <summary>The rank of a supervisory review of an ASB case.</summary>
public enum ReviewRank
{
    Sergeant,
    Inspector,
    ChiefInspector,
}
