namespace SafetyNet.Tests.Infrastructure;

/// <summary>Small builders for the reports a call handler makes, as the API receives them.</summary>
public static class Reports
{
    public static object Thrive(bool vulnerable = false) => new
    {
        threat = "No ongoing threat; suspect left the scene",
        harm = "Property damaged, victim shaken",
        risk = "Standard",
        investigation = "House-to-house, CCTV on the street",
        vulnerability = vulnerable ? "Victim is 82 and lives alone" : "None identified",
        engagement = "Victim wants an officer to attend",
        vulnerablePerson = vulnerable,
        crimePreventionAdvice = true,
    };

    public static Dictionary<string, string?> Answers(IEnumerable<string> keys, int yes) =>
        keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => (string?)(x.i < yes ? "yes" : "no"));

    public static readonly string[] DashScored =
    [
        "injury", "frightened", "isolated", "depressed", "separated", "child-contact", "stalking", "pregnant",
        "hurt-children", "threatened-children", "more-often", "getting-worse", "strangle", "threats-to-kill", "weapons",
        "controlling", "sexual-abuse", "others-threatened", "animals", "financial", "substances", "abuser-suicide",
        "breached-bail", "criminal-record",
    ];

    public static Dictionary<string, string?> Dash(int yes)
    {
        var answers = Answers(DashScored, yes);
        answers["dependants"] = "no";
        answers["frightened-of"] = "Being hurt again";
        return answers;
    }

    public static readonly string[] AsbKeys =
    [
        "reported-before", "reported-3-in-3-months", "targeted", "hate", "vulnerable", "afraid", "health", "threats",
        "damage", "children", "isolated", "worse",
    ];

    public static Dictionary<string, string?> Asb(params string[] yes) => AsbKeys.ToDictionary(k => k, k => (string?)(yes.Contains(k) ? "yes" : "no"));

    public static object Victim(string first = "Margaret", string last = "Okafor", string? dob = "1964-03-12") => new
    {
        role = "Victim", firstName = first, lastName = last, dateOfBirth = dob, sex = "Female", phone = "01727 960 123",
        address = "14 Holywell Hill, St Albans", postcode = "AL1 1BT",
    };

    public static Dictionary<string, object?> Burglary(object? thrive = null, string grade = "PRIORITY", params object[] people) => new()
    {
        ["channel"] = "NonEmergency101",
        ["typeCode"] = "BURGLARY-RESIDENTIAL",
        ["narrative"] = "Caller returned home to find the back door forced and jewellery taken.",
        ["location"] = new { text = "14 Holywell Hill, St Albans", latitude = 51.7494, longitude = -0.3406, district = "St Albans" },
        ["people"] = people.Length == 0 ? new[] { Victim() } : people,
        ["grade"] = grade,
        ["thrive"] = thrive ?? Thrive(),
    };

    public static Dictionary<string, object?> DomesticAbuse(int dashYes) => new()
    {
        ["channel"] = "Emergency999",
        ["typeCode"] = "DOMESTIC-ABUSE",
        ["narrative"] = "Caller says her partner pushed her and threatened her; he has left.",
        ["location"] = new { text = "3 Fishpool Street, St Albans", district = "St Albans" },
        ["people"] = new object[] { Victim("Sarah", "Whitfield", "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = "Whitfield" } },
        ["grade"] = "PRIORITY",
        ["thrive"] = Thrive(vulnerable: true),
        ["assessments"] = new object[] { new { instrument = "DASH", personIndex = 0, answers = Dash(dashYes) } },
    };

    public static Dictionary<string, object?> Asb(Dictionary<string, string?> answers) => new()
    {
        ["channel"] = "Online",
        ["typeCode"] = "ASB-PERSONAL",
        ["narrative"] = "Youths gathering outside the caller's house every night, shouting abuse at her.",
        ["location"] = new { text = "Windmill Avenue, Watford", district = "Watford" },
        ["people"] = new object[] { Victim("Janet", "Mbeki", "1975-02-20") },
        ["grade"] = "SCHEDULED",
        ["thrive"] = Thrive(),
        ["assessments"] = new object[] { new { instrument = "ASB", personIndex = 0, answers } },
    };
}
