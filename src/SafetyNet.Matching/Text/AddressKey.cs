using System.Text;

namespace SafetyNet.Matching.Text;

/// <summary>
/// A written place taken apart: house number or name, street, what is written after the street (its parts joined by
/// ", ", as <see cref="AddressKey.Plain"/> writes them), and a postcode.
/// </summary>
public readonly record struct AddressParts(string House, string Street, string Locality, string Postcode)
{
    /// <summary>The place as compared: house and street; the locality and postcode are left to the caller.</summary>
    public string Key => House.Length == 0 ? Street : Street.Length == 0 ? House : $"{House} {Street}";
}

/// <summary>
/// The key under which one place is counted however it is written: "1 Homefield Rd, Hemel Hempstead", "1 homefield
/// road" and "Flat 1, 1 Homefield Road, Dacorum HP2 4XX" all give house "1" and street "homefield road". Words are
/// lower-cased, accents and apostrophes dropped, the usual abbreviations written out ("St" is "saint" before a name
/// and "street" after one). The street is the longest known street name in the text when the caller knows the
/// streets (a gazetteer), otherwise the words up to the last street word (road, lane, close…). Deterministic: the
/// same text and streets give the same key.
/// </summary>
public sealed class AddressKey
{
    private const int LongestStreet = 6;

    private static readonly HashSet<string> StreetTypes = new(StringComparer.Ordinal)
    {
        "road", "street", "lane", "avenue", "close", "drive", "way", "court", "gardens", "crescent", "place", "hill", "green",
        "walk", "rise", "grove", "mews", "mead", "park", "end", "view", "gate", "square", "terrace", "row", "dell", "ride",
        "path", "croft", "parade", "chase", "vale", "mount", "approach", "wharf", "ridge", "meadow", "meadows", "fields",
        "field", "common", "corner", "link", "leys", "ley", "garth", "bottom", "yard", "acres", "orchard", "wood", "copse",
        "highway", "circuit", "buildings", "estate", "hollow", "broadway", "boulevard", "passage", "alley", "bank", "side",
    };

    /// <summary>Words that say what kind of dwelling a number is on; the number is kept, the word is not.</summary>
    private static readonly HashSet<string> DwellingWords = new(StringComparer.Ordinal) { "flat", "apartment", "apt", "unit", "no", "number", "the", "of", "and" };

    private readonly HashSet<string> _streets;

    /// <param name="knownStreets">Street names as written anywhere (a gazetteer); names that do not end in a street word are ignored.</param>
    public AddressKey(IEnumerable<string>? knownStreets = null)
    {
        _streets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var street in knownStreets ?? [])
        {
            var words = Words(street);
            var joined = Join(words.Select(w => w.Text).ToList(), 0, words.Count);
            if (words.Count is > 1 and <= LongestStreet && StreetTypes.Contains(words[^1].Text))
            {
                _streets.Add(joined);
            }
        }
    }

    public int KnownStreets => _streets.Count;

    public AddressParts Parse(string? raw)
    {
        var words = Words(raw);
        var postcode = TakePostcode(words);
        if (words.Count == 0)
        {
            return new AddressParts("", "", "", postcode);
        }
        var texts = words.Select(w => w.Text).ToList();
        var (start, end) = KnownStreet(texts);
        if (start < 0)
        {
            (start, end) = GuessStreet(words);
        }
        if (start < 0)
        {
            // No street at all ("Tesco car park"): the whole description is the place.
            var all = texts.Where(t => !DwellingWords.Contains(t)).ToList();
            return new AddressParts("", Join(all, 0, all.Count), "", postcode);
        }
        var segment = words[start].Segment;
        var before = new List<string>();
        for (var i = 0; i < start; i++)
        {
            if (words[i].Segment <= segment && !DwellingWords.Contains(texts[i]))
            {
                before.Add(texts[i]);
            }
        }
        var locality = new StringBuilder();
        for (var i = end; i < words.Count; i++)
        {
            locality.Append(locality.Length == 0 ? "" : words[i].Segment != words[i - 1].Segment ? ", " : " ").Append(texts[i]);
        }
        return new AddressParts(House(before), Join(texts, start, end), locality.ToString(), postcode);
    }

    /// <summary>Words as the key writes them, one space apart: "St Albans" is "saint albans", "Bishop's Stortford" "bishops stortford".</summary>
    public static string Plain(string? raw) => string.Join(' ', Words(raw).Select(w => w.Text));

    /// <summary>The comparison key of a written place (see <see cref="AddressParts.Key"/>).</summary>
    public string Of(string? raw) => Parse(raw).Key;

    /// <summary>Numbers identify a house ("Flat 3, 14" is "3 14"); a name is kept only where there is no number.</summary>
    private static string House(List<string> before)
    {
        var numbers = new List<string>();
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Any(char.IsAsciiDigit))
            {
                // "14 a" and "14a" are one house.
                var number = i + 1 < before.Count && before[i + 1].Length == 1 && char.IsAsciiLetter(before[i + 1][0]) && !before[i].Any(char.IsAsciiLetter)
                    ? before[i] + before[++i]
                    : before[i];
                numbers.Add(number);
            }
        }
        return numbers.Count > 0 ? string.Join(' ', numbers) : string.Join(' ', before);
    }

    /// <summary>The longest known street written in the text, the earliest of equals; (-1, -1) when none is.</summary>
    private (int Start, int End) KnownStreet(List<string> texts)
    {
        if (_streets.Count == 0)
        {
            return (-1, -1);
        }
        for (var length = Math.Min(LongestStreet, texts.Count); length >= 2; length--)
        {
            for (var start = 0; start + length <= texts.Count; start++)
            {
                if (StreetTypes.Contains(texts[start + length - 1]) && _streets.Contains(Join(texts, start, start + length)))
                {
                    return (start, start + length);
                }
            }
        }
        return (-1, -1);
    }

    /// <summary>
    /// Without a known street: in the first part that has a name, the words after the house number up to the last street
    /// word (all of them when there is none).
    /// </summary>
    private static (int Start, int End) GuessStreet(List<Word> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Text.Any(char.IsAsciiDigit) || DwellingWords.Contains(words[i].Text) || IsLetterAfterNumber(words, i))
            {
                continue;
            }
            var segment = words[i].Segment;
            var end = i;
            var lastType = -1;
            while (end < words.Count && words[end].Segment == segment)
            {
                if (StreetTypes.Contains(words[end].Text) && end > i)
                {
                    lastType = end;
                }
                end++;
            }
            var hasLaterSegment = end < words.Count;
            if (lastType < 0 && hasLaterSegment && i > 0 && words[i - 1].Segment == segment)
            {
                // "14 Marlowes, Hemel Hempstead": a street without a street word, after its number.
                return (i, end);
            }
            if (lastType < 0 && hasLaterSegment)
            {
                // A building's name before its street ("Rose Cottage, Homefield Road"): look on.
                if (Enumerable.Range(end, words.Count - end).Any(k => StreetTypes.Contains(words[k].Text)))
                {
                    i = end - 1;
                    continue;
                }
                return (i, end);
            }
            return (i, lastType < 0 ? end : lastType + 1);
        }
        return (-1, -1);
    }

    private static bool IsLetterAfterNumber(List<Word> words, int i) =>
        words[i].Text.Length == 1 && i > 0 && words[i - 1].Segment == words[i].Segment && words[i - 1].Text.All(char.IsAsciiDigit);

    /// <summary>Removes a UK postcode written at the end (as one word or two) and gives it without its space.</summary>
    private static string TakePostcode(List<Word> words)
    {
        if (words.Count >= 1 && IsPostcode(words[^1].Text))
        {
            var one = words[^1].Text.ToUpperInvariant();
            words.RemoveAt(words.Count - 1);
            return one;
        }
        if (words.Count >= 2 && words[^1].Text.Length == 3 && IsPostcode(words[^2].Text + words[^1].Text) && words[^2].Text.Any(char.IsAsciiDigit))
        {
            var two = (words[^2].Text + words[^1].Text).ToUpperInvariant();
            words.RemoveRange(words.Count - 2, 2);
            return two;
        }
        return "";
    }

    private static bool IsPostcode(string text) =>
        text.Length is >= 5 and <= 7 && char.IsAsciiLetter(text[0]) && char.IsAsciiDigit(text[^3]) && char.IsAsciiLetter(text[^2]) && char.IsAsciiLetter(text[^1])
        && (char.IsAsciiDigit(text[1]) || (char.IsAsciiLetter(text[1]) && char.IsAsciiDigit(text[2])));

    private static string Join(List<string> texts, int start, int end)
    {
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(texts[i]);
        }
        return builder.ToString();
    }

    private readonly record struct Word(string Text, int Segment);

    /// <summary>Lower-case words of letters and digits, each with the comma-separated part it was written in.</summary>
    private static List<Word> Words(string? raw)
    {
        var words = new List<Word>(10);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return words;
        }
        var folded = Normalise.FoldAccents(raw);
        var current = new StringBuilder(16);
        var segment = 0;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '`')
            {
                // St John's Road and St Johns Road are one road.
            }
            else
            {
                Flush(current, words, segment);
                if (c is ',' or ';' or '\n' or '\r' or '(' or ')')
                {
                    segment++;
                }
            }
        }
        Flush(current, words, segment);
        for (var i = 0; i < words.Count; i++)
        {
            var text = words[i].Text;
            if (text == "st")
            {
                // Saint before a name (St Albans Road, St Peter's Street), street after one (Church St).
                var beforeName = i + 1 < words.Count && words[i + 1].Segment == words[i].Segment && words[i + 1].Text is not "st"
                    && !StreetTypes.Contains(Normalise.StreetWord(words[i + 1].Text)) && !words[i + 1].Text.Any(char.IsAsciiDigit);
                text = beforeName ? "saint" : "street";
            }
            else
            {
                text = Normalise.StreetWord(text);
            }
            words[i] = words[i] with { Text = text };
        }
        return words;

        static void Flush(StringBuilder current, List<Word> words, int segment)
        {
            if (current.Length > 0)
            {
                words.Add(new Word(current.ToString(), segment));
                current.Clear();
            }
        }
    }
}
