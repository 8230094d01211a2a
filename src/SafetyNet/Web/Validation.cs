using System.Net.Mail;
using System.Text.RegularExpressions;

namespace SafetyNet.Web;

/// <summary>Collects field errors in the shape ProblemDetails and the GOV.UK error summary both use.</summary>
public sealed partial class Validation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public bool IsValidField(string field) => !_errors.ContainsKey(field);

    public IDictionary<string, string[]> Errors => _errors;

    public void Add(string field, string message)
    {
        if (!_errors.ContainsKey(field))
        {
            _errors[field] = [message];
        }
    }

    public void AddRange(IReadOnlyDictionary<string, string[]> errors, string prefix = "")
    {
        foreach (var (field, messages) in errors)
        {
            Add(prefix + field, messages.FirstOrDefault() ?? "Not valid");
        }
    }

    public string? Required(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"Enter {label}");
            return null;
        }
        return MaxLength(field, value, label, maxLength);
    }

    /// <summary>
    /// Free text: at most <paramref name="maxLength"/> characters, and only text that can be stored as typed (see
    /// <see cref="StorableText"/>); every other text check goes through here.
    /// </summary>
    public string? MaxLength(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{Capitalise(label)} must be {maxLength:N0} characters or fewer");
        }
        else if (!StorableText.IsStorable(value))
        {
            Add(field, $"{Capitalise(label)} {StorableText.Rule}");
        }
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// One of the force's districts, as the force writes it (any case is accepted): every district a record, a filter or
    /// a route carries comes through here, because per-district figures and routing compare them exactly.
    /// </summary>
    public string? District(string field, string? value, bool required = false, string label = "the district")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"Select {label}");
            }
            return null;
        }
        var district = Districts.FirstOrDefault(d => string.Equals(d, value.Trim(), StringComparison.OrdinalIgnoreCase));
        if (district is null)
        {
            Add(field, $"{Capitalise(label)} must be one of Hertfordshire's districts: {string.Join(", ", Districts)}");
        }
        return district;
    }

    /// <summary>The force's districts: the one list every district is checked against.</summary>
    public static IReadOnlyList<string> Districts => Insight.PoliceUk.Hertfordshire.Districts;

    public string? Email(string field, string? value)
    {
        var email = MaxLength(field, value, "the email address", 254);
        if (email is not null && (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            Add(field, "Enter an email address in the correct format, like name@example.com");
        }
        return email;
    }

    public string? Phone(string field, string? value)
    {
        var phone = MaxLength(field, value, "the phone number", 30);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            Add(field, "Enter a phone number, like 01632 960 001 or +44 7700 900 982");
        }
        return phone;
    }

    public T? Enum<T>(string field, string? value, string label, bool required = true) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"Select {label}");
            }
            return null;
        }
        if (StorableText.IsStorable(value) && System.Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
        {
            return parsed;
        }
        Add(field, $"{Capitalise(label)} must be one of: {string.Join(", ", System.Enum.GetNames<T>())}");
        return null;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^\+?[0-9 ()\-]{6,30}$")]
    private static partial Regex PhonePattern();
}
