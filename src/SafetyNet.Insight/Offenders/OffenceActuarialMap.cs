using System.Globalization;
using System.Reflection;

namespace SafetyNet.Insight.Offenders;

/// <summary>One row of the offence map: a five-digit Home Office offence code, its category and whether it is violent.</summary>
public readonly record struct OffenceMapping(string Code, ActuarialCategory Category, bool Violent);

/// <summary>
/// The Ministry of Justice's map from Home Office offence codes to the predictors' offence categories, with the
/// violent-sanction flag. The copy embedded in this assembly (<see cref="Ministry"/>) is derived from the Ministry's
/// published mapping under the MIT licence (<see cref="Notice"/>). Look-ups are one array read, so scoring a case
/// allocates nothing.
/// </summary>
public sealed class OffenceActuarialMap
{
    private const string Resource = "SafetyNet.Insight.Offenders.offence-actuarial-categories.csv";
    private const string NoticeResource = "SafetyNet.Insight.Offenders.offence-actuarial-categories.LICENSE.txt";
    private const byte Mapped = 0x80;
    private const byte ViolentFlag = 0x40;

    private static readonly Lazy<OffenceActuarialMap> Embedded = new(() => Read(OpenResource(Resource), "the embedded offence map"));
    private static readonly Lazy<string> EmbeddedNotice = new(() =>
    {
        using var reader = OpenResource(NoticeResource);
        return reader.ReadToEnd();
    });

    // Indexed by the code's value 0–99999: 0 = not in the map, else Mapped | (violent ? ViolentFlag : 0) | category.
    private readonly byte[] _byCode = new byte[100_000];
    private readonly OffenceMapping[] _rows;

    private OffenceActuarialMap(OffenceMapping[] rows)
    {
        _rows = rows;
        foreach (var row in rows)
        {
            _byCode[int.Parse(row.Code, NumberStyles.None, CultureInfo.InvariantCulture)] = (byte)(Mapped | (row.Violent ? ViolentFlag : 0) | (byte)row.Category);
        }
    }

    /// <summary>The map that travels with the application.</summary>
    public static OffenceActuarialMap Ministry => Embedded.Value;

    /// <summary>The source's MIT licence notice, which travels with the embedded map.</summary>
    public static string Notice => EmbeddedNotice.Value;

    /// <summary>Every row, in the order of the file it was read from.</summary>
    public IReadOnlyList<OffenceMapping> Rows => _rows;

    /// <summary>
    /// Finds a code written as five ASCII digits. False when the text is not five digits or the code is not in the
    /// map; a code the Ministry maps to UNKNOWN is found, with <see cref="ActuarialCategory.Unknown"/>.
    /// </summary>
    public bool TryFind(ReadOnlySpan<byte> utf8Code, out ActuarialCategory category, out bool violent)
    {
        if (TryParseCode(utf8Code, out var code))
        {
            return TryFind(code, out category, out violent);
        }
        category = ActuarialCategory.Unknown;
        violent = false;
        return false;
    }

    /// <inheritdoc cref="TryFind(ReadOnlySpan{byte}, out ActuarialCategory, out bool)"/>
    public bool TryFind(ReadOnlySpan<char> code, out ActuarialCategory category, out bool violent)
    {
        Span<byte> ascii = stackalloc byte[5];
        if (code.Length == 5)
        {
            for (var i = 0; i < 5; i++)
            {
                ascii[i] = code[i] < 128 ? (byte)code[i] : (byte)0;
            }
            return TryFind(ascii, out category, out violent);
        }
        category = ActuarialCategory.Unknown;
        violent = false;
        return false;
    }

    private bool TryFind(int code, out ActuarialCategory category, out bool violent)
    {
        var entry = _byCode[code];
        category = (ActuarialCategory)(entry & 0x3F);
        violent = (entry & ViolentFlag) != 0;
        return (entry & Mapped) != 0;
    }

    private static bool TryParseCode(ReadOnlySpan<byte> text, out int code)
    {
        code = 0;
        if (text.Length != 5)
        {
            return false;
        }
        foreach (var b in text)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }
            code = code * 10 + digit;
        }
        return true;
    }

    /// <summary>Reads a map in the embedded layout: <c>offence_code,actuarial_category,violent_sanction</c>, with that header.</summary>
    public static OffenceActuarialMap Read(TextReader reader, string name)
    {
        if (reader.ReadLine() != "offence_code,actuarial_category,violent_sanction")
        {
            throw new FormatException($"{name}: the header must be offence_code,actuarial_category,violent_sanction");
        }
        var rows = new List<OffenceMapping>(3100);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length != 3 || fields[0].Length != 5 || !fields[0].All(char.IsAsciiDigit)
                || !ActuarialCategories.TryParseServiceName(fields[1], out var category) || fields[2] is not ("true" or "false"))
            {
                throw new FormatException($"{name}: line {line} is not a five-digit code, a category and true or false");
            }
            if (!seen.Add(fields[0]))
            {
                throw new FormatException($"{name}: line {line} repeats offence code {fields[0]}");
            }
            rows.Add(new OffenceMapping(fields[0], category, fields[2] == "true"));
        }
        return new OffenceActuarialMap([.. rows]);
    }

    private static StreamReader OpenResource(string name) =>
        new(Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build"));
}
