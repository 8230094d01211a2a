namespace SafetyNet.Cases;

/// <summary>
/// What a force tunes about case work, read from the <c>Cases</c> section of the application's configuration: how
/// many days before a tool or power expires its case's owner is reminded, and what a case accepts as a document.
/// </summary>
public sealed class CaseWorkOptions
{
    public const string Section = "Cases";

    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public int PowerExpiryReminderDays { get; set; } = 7;

    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Null unless configured: a configured list replaces the default rather than adding to it.</summary>
    public string[]? AllowedUploadTypes { get; set; }

    public IReadOnlyList<string> AllowedTypes => AllowedUploadTypes is { Length: > 0 } types ? types : [Pdf, Jpeg, Png, Docx];

    /// <summary>The allowed types in words, for the message that refuses any other.</summary>
    public string AllowedTypesInWords
    {
        get
        {
            var names = AllowedTypes.Select(t => t switch { Pdf => "PDF", Png => "PNG", Jpeg => "JPG", Docx => "Word (.docx)", _ => t }).ToList();
            return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
        }
    }

    /// <summary>The size limit in words: "10 MB", or kilobytes under a megabyte.</summary>
    public string MaxUploadInWords => MaxUploadBytes >= 1024 * 1024
        ? $"{MaxUploadBytes / (1024.0 * 1024.0):0.#} MB"
        : $"{Math.Max(1, MaxUploadBytes / 1024)} KB";
}
