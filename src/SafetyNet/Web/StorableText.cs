using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafetyNet.Web;

/// <summary>
/// Text SafetyNet can store and show as typed on both providers: no control characters other than tab, carriage
/// return and line feed (PostgreSQL cannot hold NUL at all; the others are invisible on screen and break CSV and
/// e-mail), and no unpaired UTF-16 surrogates (they have no UTF-8 form, so PostgreSQL refuses them and SQLite
/// would store a replacement character). Input is refused where it arrives, naming the field, never cleaned.
/// </summary>
public static class StorableText
{
    /// <summary>The end of a field's error message: "The narrative must not contain …".</summary>
    public const string Rule = "must not contain control characters (other than tab and line breaks) or unpaired surrogates";

    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\r' or '\n'))
            .Concat(Enumerable.Range(0x7F, 0x9F - 0x7F + 1))
            .Concat(Enumerable.Range(0xD800, 0xDFFF - 0xD800 + 1))
            .Select(c => (char)c)));

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        var index = text.IndexOfAny(Suspect);
        while (index >= 0)
        {
            var c = text[index];
            if (!char.IsHighSurrogate(c) || index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]))
            {
                // A control character, a low surrogate with no high one before it, or a high one with no low one after.
                return false;
            }
            // A well-formed pair: look on after it.
            var next = text[(index + 2)..].IndexOfAny(Suspect);
            index = next < 0 ? -1 : index + 2 + next;
        }
        return true;
    }

    public static bool IsStorable(string? text) => text is null || IsStorable(text.AsSpan());

    /// <summary>The first query parameter (name or value) that is not storable, or the path itself; null when all are.</summary>
    public static string? FirstUnstorable(HttpRequest request)
    {
        if (!IsStorable(request.Path.Value))
        {
            return "path";
        }
        foreach (var (name, values) in request.Query)
        {
            if (!IsStorable(name))
            {
                return "query";
            }
            foreach (var value in values)
            {
                if (!IsStorable(value))
                {
                    return name;
                }
            }
        }
        return null;
    }

    /// <summary>The first field of a form (name, value or file name) that is not storable; null when all are.</summary>
    public static string? FirstUnstorable(IFormCollection form)
    {
        foreach (var (name, values) in form)
        {
            if (!IsStorable(name))
            {
                return "form";
            }
            foreach (var value in values)
            {
                if (!IsStorable(value))
                {
                    return name;
                }
            }
        }
        return form.Files.FirstOrDefault(f => !IsStorable(f.FileName))?.Name;
    }

    /// <summary>
    /// Refuses a request whose path or query string carries text that cannot be stored, before any page or endpoint
    /// sees it: an API caller gets a ProblemDetails naming the parameter, a page the service's 400 page. An API form
    /// post is checked whole here. A page's form is left to the page, whose validation names the field in its error
    /// summary. In either, an encoded NUL is first turned into another control character, because the framework's
    /// form reader would otherwise refuse the whole post before anything could say which field is wrong.
    /// </summary>
    public static IApplicationBuilder UseStorableInput(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var api = request.Path.StartsWithSegments("/api");
        var field = FirstUnstorable(request);
        if (field is null && request.HasFormContentType
            && request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await MarkEncodedNulAsync(request, context.RequestAborted);
        }
        if (field is null && api && request.HasFormContentType)
        {
            field = FirstUnstorable(await request.ReadFormAsync(context.RequestAborted));
        }
        if (field is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (api)
        {
            await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"'{field}' {Rule}."] },
                title: "The request is not valid for this operation").ExecuteAsync(context);
        }
    });

    /// <summary>"%00" in a form becomes "%01": still refused, now naming its field.</summary>
    private static async Task MarkEncodedNulAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        // Latin-1 keeps every byte as it came, whatever the form's encoding.
        using var reader = new StreamReader(request.Body, System.Text.Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (!body.Contains("%00", StringComparison.Ordinal))
        {
            request.Body.Position = 0;
            return;
        }
        var marked = System.Text.Encoding.Latin1.GetBytes(body.Replace("%00", "%01", StringComparison.Ordinal));
        request.Body = new MemoryStream(marked);
        request.ContentLength = marked.Length;
    }
}

/// <summary>Raised while reading a JSON body when a string (or an object's key) is not storable text.</summary>
public sealed class UnstorableTextException() : JsonException(null);

/// <summary>
/// Reads every string of every JSON body through <see cref="StorableText"/>, so no operation has to remember to;
/// the serializer adds the path of the string, and the API's error handler names it as the field at fault.
/// </summary>
public sealed class StorableStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? text) => StorableText.IsStorable(text) ? text : throw new UnstorableTextException();
}
