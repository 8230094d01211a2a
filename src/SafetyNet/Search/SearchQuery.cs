using System.Globalization;
using SafetyNet.Incidents;
using SafetyNet.Web;

namespace SafetyNet.Search;

/// <summary>The kinds of record a search finds.</summary>
public static class SearchKinds
{
    public const string Person = "person";
    public const string Case = "case";
    public const string Place = "place";
    public const string Incident = "incident";

    public static readonly IReadOnlyList<string> All = [Person, Case, Place, Incident];

    public static string Describe(string kind) => kind switch
    {
        Person => "Person",
        Case => "ASB case",
        Place => "Place",
        Incident => "Incident",
        _ => kind,
    };
}

/// <summary>
/// What a user asked for: the words typed in the search box, and the filters that narrow it. Read once, with one set of
/// rules, from the API's query string and the page's form alike.
/// </summary>
public sealed record SearchQuery(string Text, string? Kind, string? TypeCode, string? District, DateOnly? From, DateOnly? To)
{
    public const int MinimumLength = 2;
    public const int MaximumLength = 200;

    /// <summary>Whether only incidents can answer: a type or a date range names incidents (and cases by when they opened).</summary>
    public bool IncidentFilters => TypeCode is not null || From is not null || To is not null;

    public bool Wants(string kind) => Kind is null || Kind == kind;

    /// <summary>The query and its filters as written to the audit trail and into links.</summary>
    public string Terms => string.Join(' ', new[]
    {
        $"q={Text}", Kind is null ? null : $"kind={Kind}", TypeCode is null ? null : $"type={TypeCode}", District is null ? null : $"district={District}",
        From is null ? null : $"from={Format(From)}", To is null ? null : $"to={Format(To)}",
    }.OfType<string>());

    /// <summary>The page's address for this query, at <paramref name="page"/>, optionally for another kind.</summary>
    public string Link(int page = 1, string? kind = null) => "/search?" + string.Join('&', new[]
    {
        $"q={Uri.EscapeDataString(Text)}", (kind ?? Kind) is { } k ? $"kind={k}" : null, TypeCode is null ? null : $"type={TypeCode}",
        District is null ? null : $"district={Uri.EscapeDataString(District)}", From is null ? null : $"from={Format(From)}", To is null ? null : $"to={Format(To)}",
        page > 1 ? $"page={page.ToString(CultureInfo.InvariantCulture)}" : null,
    }.OfType<string>());

    public static string? Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a search, naming each field that is wrong; null when anything is.</summary>
    public static SearchQuery? Read(Validation v, string? q, string? kind, string? type, string? district, string? from, string? to)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            v.Add("q", "Enter a name, reference, address or words to search for");
        }
        else if (text.Length < MinimumLength)
        {
            v.Add("q", $"Enter at least {MinimumLength} characters to search for");
        }
        else
        {
            text = v.MaxLength("q", text, "what to search for", MaximumLength);
        }

        string? kindRead = null;
        if (!string.IsNullOrWhiteSpace(kind))
        {
            kindRead = SearchKinds.All.FirstOrDefault(k => string.Equals(k, kind.Trim(), StringComparison.OrdinalIgnoreCase));
            if (kindRead is null)
            {
                v.Add("kind", $"Kind must be one of {string.Join(", ", SearchKinds.All)}");
            }
        }

        string? typeRead = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            typeRead = IncidentType.Find(type.Trim())?.Code;
            if (typeRead is null)
            {
                v.Add("type", "Select an incident type from the list");
            }
        }

        string? districtRead = null;
        if (!string.IsNullOrWhiteSpace(district))
        {
            districtRead = Validation.Districts.FirstOrDefault(d => string.Equals(d, district.Trim(), StringComparison.OrdinalIgnoreCase));
            if (districtRead is null)
            {
                v.Add("district", "Select a district of Hertfordshire from the list");
            }
        }

        var fromRead = Day(v, "from", from, "start");
        var toRead = Day(v, "to", to, "end");
        if (fromRead is { } f && toRead is { } t && t < f)
        {
            v.Add("to", "The end date must be the same as or after the start date");
        }
        return v.IsValid ? new SearchQuery(text!, kindRead, typeRead, districtRead, fromRead, toRead) : null;
    }

    private static DateOnly? Day(Validation v, string field, string? value, string which)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || DateOnly.TryParseExact(value.Trim(), ["d/M/yyyy", "d M yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return day;
        }
        v.Add(field, $"The {which} date must be a real date, for example 2026-11-23");
        return null;
    }
}

/// <summary>One thing a search found: what kind it is, its reference, a title fit for the reader, and where to open it.</summary>
/// <param name="Sensitive">
/// A domestic abuse, sexual offence, stalking or harassment record (or a person on one): listed by reference and type
/// only, and opened only for a stated purpose.
/// </param>
/// <param name="Detail">A line more about it (district, date of birth, status); never personal details of a sensitive record.</param>
public sealed record SearchItem(string Kind, string Reference, string Title, string Link, bool Sensitive, DateTimeOffset? At, string? Detail);
