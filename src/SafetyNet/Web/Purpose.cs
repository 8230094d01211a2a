namespace SafetyNet.Web;

/// <summary>
/// Reads of sensitive records need a stated purpose (header <c>X-Purpose</c> or form field <c>purpose</c>).
/// Whether the record exists for the caller is decided first, so asking never reveals a record.
/// </summary>
public static class Purpose
{
    public const string Header = Platform.RecordReads.PurposeField;

    /// <summary>The purpose the request states, judged by the one rule (<see cref="Platform.RecordReads.Valid"/>); null when none is worth the name.</summary>
    public static string? From(HttpContext context)
    {
        var value = context.Request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(value) && context.Request.HasFormContentType)
        {
            value = context.Request.Form["purpose"].ToString();
        }
        return Platform.RecordReads.Valid(value);
    }

    public static IDictionary<string, string[]> Missing => Platform.RecordReads.PurposeMissing;
}
