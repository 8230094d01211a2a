using System.Collections;

namespace SafetyNet.Web;

/// <summary>Field-level errors of a form, in the order the fields appear, for the GOV.UK error summary.</summary>
public sealed class FormErrors : IEnumerable<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> _errors = [];

    public int Count => _errors.Count;

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!Has(field))
        {
            _errors.Add(new(field, message));
        }
    }

    public bool Has(string field) => _errors.Exists(e => e.Key == field);

    public string? this[string field] => _errors.Find(e => e.Key == field).Value;

    public void AddRange(IDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            Add(field, messages.FirstOrDefault() ?? "Check this answer");
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _errors.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
