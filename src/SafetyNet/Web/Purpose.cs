namespace SafetyNet.Web;

/// <summary>
/// Reads of sensitive records need a stated purpose (header <c>X-Purpose</c> or form field <c>purpose</c>).
/// Whether the record exists for the caller is decided first, so asking never reveals a record.
/// </summary>
public static class Purpose
{
    public const string Header = "X-Purpose";

    public static string? From(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(value) && context.Request.HasFormContentType)
        {
            value = context.Request.Form["purpose"].ToString();
        }
        value = value.Trim();
        return value.Length is >= 5 and <= 500 && StorableText.IsStorable(value) ? value : null;
    }

    public static IDictionary<string, string[]> Missing => new Dictionary<string, string[]>
    {
        [Header] = ["This record is sensitive: state your purpose for opening it (5 to 500 characters) in the X-Purpose header"],
    };
}
