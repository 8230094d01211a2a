using System.Globalization;
using SafetyNet.Assessments;

namespace SafetyNet.Incidents.Pages;

/// <summary>What the intake pages post: every step's answers travel in one form, one step shown at a time.</summary>
public sealed class IntakeForm
{
    public int Step { get; set; } = 1;
    public string? Action { get; set; }
    /// <summary>Makes a repeated submission of the same form record nothing new.</summary>
    public string? Token { get; set; }

    public string? Channel { get; set; }
    public string? TypeCode { get; set; }
    public string? Narrative { get; set; }
    public string? OccurredDay { get; set; }
    public string? OccurredMonth { get; set; }
    public string? OccurredYear { get; set; }
    public string? OccurredTime { get; set; }
    public string? StreetQuery { get; set; }
    /// <summary>The gazetteer place chosen: street and LSOA code, separated by a bar.</summary>
    public string? Place { get; set; }
    public string? LocationText { get; set; }
    public string? District { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public string? LsoaCode { get; set; }
    public bool Rural { get; set; }
    public bool OffenderNearby { get; set; }
    public bool MayBeCrime { get; set; }

    public List<IntakePerson> People { get => _people ??= []; set => _people = value ?? []; }

    private List<IntakePerson>? _people;
    private Dictionary<string, string>? _answers;

    public bool DispatchFirst { get; set; }
    public string? Threat { get; set; }
    public string? Harm { get; set; }
    public string? Risk { get; set; }
    public string? Investigation { get; set; }
    public string? Vulnerability { get; set; }
    public string? Engagement { get; set; }
    public bool VulnerablePerson { get; set; }
    public bool SafeguardingAdvice { get; set; }
    public bool ScenePreservationAdvice { get; set; }
    public bool CrimePreventionAdvice { get; set; }
    /// <summary>Never null: a form posted before any question was shown binds no answers at all.</summary>
    public Dictionary<string, string> Answers { get => _answers ??= []; set => _answers = value ?? []; }
    public string? LevelOverride { get; set; }
    public string? OverrideReason { get; set; }

    public string? Grade { get; set; }
    public string? NoAttendanceOverrideReason { get; set; }

    public DateTimeOffset? OccurredFrom()
    {
        if (string.IsNullOrWhiteSpace(OccurredDay) && string.IsNullOrWhiteSpace(OccurredMonth) && string.IsNullOrWhiteSpace(OccurredYear))
        {
            return null;
        }
        var text = $"{OccurredYear?.Trim()}-{OccurredMonth?.Trim()}-{OccurredDay?.Trim()} {(string.IsNullOrWhiteSpace(OccurredTime) ? "00:00" : OccurredTime.Trim())}";
        return DateTime.TryParseExact(text, ["yyyy-M-d H:mm", "yyyy-M-d HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Platform.ForceClock.FromLocal(local)
            : null;
    }

    public CreateIncidentRequest ToRequest(RiskInstrument? instrument)
    {
        var named = People.Where(p => !p.IsBlank).ToList();
        var victim = named.FindIndex(p => p.Role == "Victim");
        return new(
            Channel, null, OccurredFrom(), null, TypeCode, Narrative,
            new LocationRequest(LocationText, null, ParseDouble(Latitude), ParseDouble(Longitude), LsoaCode, District, Rural),
            named.Select(p => new PersonRequest(p.Role, p.FirstName, p.MiddleName, p.LastName, p.DateOfBirth(), p.Sex, p.Phone, p.Email, p.Address, p.Postcode, p.ConfirmedIdentity(), p.RejectedIdentities(),
                p.Role == "Victim" && p.DeclinesVictimSupport ? true : null)).ToList(),
            Grade, NoAttendanceOverrideReason,
            DispatchFirst && Grade == GradeTable.Emergency && string.IsNullOrWhiteSpace(Threat) ? null
                : new ThriveRequest(Threat, Harm, Risk, Investigation, Vulnerability, Engagement, VulnerablePerson, SafeguardingAdvice, ScenePreservationAdvice, CrimePreventionAdvice, null),
            instrument is null || (Answers.Values.All(string.IsNullOrWhiteSpace) && (DispatchFirst || !InstrumentAsked)) ? null
                : [new AssessmentRequest(instrument.Code, victim >= 0 ? victim : null, null,
                    Answers.ToDictionary(a => a.Key, a => (string?)a.Value), LevelOverride, OverrideReason, null, null, null)],
            OffenderNearby, VulnerablePerson, MayBeCrime, Token is null ? null : "SafetyNet intake", Token, null, null,
            named.Select((p, i) => (p, i)).Where(x => x.p.Role == "Victim")
                .Select(x => new VulnerabilityRequest(x.i, string.IsNullOrWhiteSpace(x.p.AgeBand) ? null : x.p.AgeBand,
                    x.p.Vulnerability.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => (string?)a.Value)))
                .ToList());
    }

    /// <summary>
    /// Whether the type's instrument must be answered: not for an environmental ASB report with no victim named (a
    /// passer-by reporting fly-tipping has no victim questionnaire).
    /// </summary>
    public bool InstrumentAsked => IncidentType.Find(TypeCode) is not { AsbCategory: "Environmental" } || People.Any(p => !p.IsBlank && p.Role == "Victim");

    private static double? ParseDouble(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}

public sealed class IntakePerson
{
    public string? Role { get; set; } = "Victim";
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? LastName { get; set; }
    public string? DobDay { get; set; }
    public string? DobMonth { get; set; }
    public string? DobYear { get; set; }
    public string? Sex { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? Postcode { get; set; }
    /// <summary>For a victim whose date of birth is not known: the age band asked.</summary>
    public string? AgeBand { get; set; }
    /// <summary>For a victim: the vulnerability factors answered, by key; never null.</summary>
    public Dictionary<string, string> Vulnerability { get => _vulnerability ??= []; set => _vulnerability = value ?? []; }
    private Dictionary<string, string>? _vulnerability;
    /// <summary>For a victim: they do not want to be referred to victim support.</summary>
    public bool DeclinesVictimSupport { get; set; }
    /// <summary>The existing identity the call handler confirmed, "none" when they rejected every suggestion.</summary>
    public string? IdentityChoice { get; set; }
    /// <summary>The identities suggested, comma-separated: rejected together when the answer is "none".</summary>
    public string? Shown { get; set; }

    public long? ConfirmedIdentity() => long.TryParse(IdentityChoice, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public List<long>? RejectedIdentities() => IdentityChoice == "none"
        ? (Shown ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).ToList()
        : null;

    public bool IsBlank => string.IsNullOrWhiteSpace(FirstName) && string.IsNullOrWhiteSpace(LastName) && string.IsNullOrWhiteSpace(Phone)
        && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(DobYear);

    public bool HasDateOfBirth => !string.IsNullOrWhiteSpace(DobDay) || !string.IsNullOrWhiteSpace(DobMonth) || !string.IsNullOrWhiteSpace(DobYear);

    public DateOnly? DateOfBirth() =>
        int.TryParse(DobYear, out var y) && int.TryParse(DobMonth, out var m) && int.TryParse(DobDay, out var d)
        && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}
