using System.Globalization;
using System.Text;

namespace SafetyNet.Matching.Text;

/// <summary>Turns the many ways a field is keyed in into one form, so that comparison measures the person, not the typist.</summary>
public static class Normalise
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "miss", "ms", "mx", "dr", "rev", "sir", "dame", "lord", "lady", "prof", "master", "jr", "jnr", "snr", "sr",
    };

    private static readonly Dictionary<string, string> StreetWords = new(StringComparer.Ordinal)
    {
        ["st"] = "street", ["str"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue", ["ln"] = "lane",
        ["cres"] = "crescent", ["cresc"] = "crescent", ["cr"] = "crescent", ["ct"] = "court", ["crt"] = "court", ["dr"] = "drive",
        ["pl"] = "place", ["sq"] = "square", ["tce"] = "terrace", ["ter"] = "terrace", ["terr"] = "terrace",
        ["gdns"] = "gardens", ["gdn"] = "gardens", ["cl"] = "close", ["gr"] = "grove", ["gro"] = "grove", ["hse"] = "house",
        ["pk"] = "park", ["mt"] = "mount", ["cir"] = "circuit", ["cct"] = "circuit", ["hwy"] = "highway", ["wy"] = "way",
        ["bldgs"] = "buildings", ["est"] = "estate", ["n"] = "north", ["s"] = "south", ["e"] = "east", ["w"] = "west",
        ["upr"] = "upper", ["lwr"] = "lower", ["gt"] = "great", ["lt"] = "little",
    };

    private static readonly HashSet<string> AddressNoise = new(StringComparer.Ordinal) { "flat", "apartment", "apt", "unit", "the", "of", "and" };

    /// <summary>A lower-case address word with its usual abbreviation written out ("rd" is "road").</summary>
    internal static string StreetWord(string word) => StreetWords.TryGetValue(word, out var full) ? full : word;

    /// <summary>Lower-case letters only, accents folded, titles dropped; words split on spaces, hyphens and full stops.</summary>
    public static List<string> NameWords(string? raw)
    {
        var words = new List<string>(2);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return words;
        }
        var folded = FoldAccents(raw);
        var current = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetter(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '`')
            {
                // O'Brien and OBrien are one name
            }
            else
            {
                Flush(current, words);
            }
        }
        Flush(current, words);
        return words;

        static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length > 0)
            {
                var word = current.ToString();
                if (!Titles.Contains(word))
                {
                    words.Add(word);
                }
                current.Clear();
            }
        }
    }

    /// <summary>Address words with the usual street abbreviations written out; house numbers kept, they tell neighbours apart.</summary>
    public static List<string> AddressWords(string? raw)
    {
        var words = new List<string>(8);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return words;
        }
        var folded = FoldAccents(raw);
        var current = new StringBuilder(16);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                // St John's Road and St Johns Road are one road
            }
            else
            {
                Flush(current, words);
            }
        }
        Flush(current, words);
        return words;

        static void Flush(StringBuilder current, List<string> words)
        {
            if (current.Length == 0)
            {
                return;
            }
            var word = current.ToString();
            current.Clear();
            if (AddressNoise.Contains(word))
            {
                return;
            }
            words.Add(StreetWords.TryGetValue(word, out var full) ? full : word);
        }
    }

    /// <summary>
    /// A postcode as unit, sector and district. UK postcodes split at the inward code (SW1A 1AA → SW1A1AA, SW1A1, SW1A);
    /// anything else is treated as a string whose leading characters narrow the place, as most postal systems do.
    /// </summary>
    public static (string Unit, string Sector, string District)? Postcode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        Span<char> buffer = stackalloc char[Math.Min(raw.Length, 16)];
        var n = 0;
        foreach (var c in raw)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }
        }
        if (n == 0)
        {
            return null;
        }
        var unit = new string(buffer[..n]);
        if (IsUkPostcode(buffer[..n]))
        {
            return (unit, unit[..(n - 2)], unit[..(n - 3)]);
        }
        if (n <= 2)
        {
            return (unit, unit, unit);
        }
        return (unit, unit[..(n - 1)], unit[..((n + 1) / 2)]);
    }

    private static bool IsUkPostcode(ReadOnlySpan<char> pc)
    {
        if (pc.Length is < 5 or > 7)
        {
            return false;
        }
        var inward = pc[^3..];
        if (!char.IsAsciiDigit(inward[0]) || !char.IsAsciiLetter(inward[1]) || !char.IsAsciiLetter(inward[2]))
        {
            return false;
        }
        var outward = pc[..^3];
        return char.IsAsciiLetter(outward[0]) && (char.IsAsciiDigit(outward[1]) || (outward.Length > 2 && char.IsAsciiLetter(outward[1]) && char.IsAsciiDigit(outward[2])));
    }

    /// <summary>
    /// A date of birth packed as yyyymmdd with 00 for an unknown month or day; 0 when there is no year.
    /// Accepts ISO dates, compact yyyymmdd, British dd/mm/yyyy and bare years. Impossible dates are kept as keyed,
    /// because the same wrong date on two entries is still evidence.
    /// </summary>
    public static int DateOfBirth(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0;
        }
        Span<int> parts = stackalloc int[3];
        Span<int> lengths = stackalloc int[3];
        var count = 0;
        var value = 0;
        var length = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                if (length < 9)
                {
                    value = (value * 10) + (c - '0');
                }
                length++;
            }
            else if (length > 0)
            {
                if (count == 3)
                {
                    break;
                }
                parts[count] = value;
                lengths[count++] = length;
                value = 0;
                length = 0;
            }
        }
        if (length > 0 && count < 3)
        {
            parts[count] = value;
            lengths[count++] = length;
        }
        if (count == 0)
        {
            return 0;
        }
        int year, month = 0, day = 0;
        if (count == 1)
        {
            if (lengths[0] == 8)
            {
                year = parts[0] / 10000;
                month = parts[0] / 100 % 100;
                day = parts[0] % 100;
            }
            else if (lengths[0] == 6)
            {
                year = parts[0] / 100;
                month = parts[0] % 100;
            }
            else if (lengths[0] is 3 or 4)
            {
                year = parts[0];
            }
            else
            {
                return 0;
            }
        }
        else if (lengths[0] >= 3)
        {
            year = parts[0];
            month = parts[1];
            day = count > 2 ? parts[2] : 0;
        }
        else if (count == 3 && lengths[2] >= 3)
        {
            day = parts[0];
            month = parts[1];
            year = parts[2];
        }
        else if (count == 2 && lengths[1] >= 3)
        {
            month = parts[0];
            year = parts[1];
        }
        else
        {
            return 0;
        }
        if (year is <= 0 or > 9999)
        {
            return 0;
        }
        return (year * 10000) + (Math.Clamp(month, 0, 99) * 100) + Math.Clamp(day, 0, 99);
    }

    /// <summary>1 male, 2 female, 0 unknown.</summary>
    public static byte Sex(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0;
        }
        var s = raw.Trim();
        return s.ToUpperInvariant() switch
        {
            "M" or "MALE" or "MAN" or "1" or "BOY" => 1,
            "F" or "FEMALE" or "WOMAN" or "2" or "GIRL" => 2,
            _ => 0,
        };
    }

    /// <summary>
    /// The digits of a telephone number without the trunk or country prefix (+44 20…, 0044 20… and 020… are one
    /// number), as a number; 0 when fewer than six digits are given.
    /// </summary>
    public static long Phone(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 0;
        }
        Span<char> digits = stackalloc char[Math.Min(raw.Length, 32)];
        var n = 0;
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c) && n < digits.Length)
            {
                digits[n++] = c;
            }
        }
        ReadOnlySpan<char> d = digits[..n];
        if (d.StartsWith("00"))
        {
            d = d[2..];
        }
        if (d.StartsWith("44") && d.Length >= 11)
        {
            d = d[2..];
        }
        d = d.TrimStart('0');
        if (d.Length < 6)
        {
            return 0;
        }
        if (d.Length > 15)
        {
            d = d[^15..];
        }
        return long.Parse(d, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The whole address lower-cased, and the part before the @ without any +tag.</summary>
    public static (string Whole, string Local)? Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }
        var whole = raw.Trim().ToLowerInvariant();
        var at = whole.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return (whole, whole);
        }
        var local = whole[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        return (whole, plus > 0 ? local[..plus] : local);
    }

    internal static string FoldAccents(string raw)
    {
        var ascii = true;
        foreach (var c in raw)
        {
            if (c > 127)
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
        {
            return raw;
        }
        var decomposed = raw.Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                kept.Append(c);
            }
        }
        return kept.ToString();
    }
}
