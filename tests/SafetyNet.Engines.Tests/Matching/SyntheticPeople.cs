using System.Globalization;
using System.Text;
using SafetyNet.Matching;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>
/// SYNTHETIC test data: invented people with known truth, shaped like the files the engine must handle, and spoilt the
/// way clerks and old registers spoil them. No real person is described. Deterministic for a given seed.
/// </summary>
public sealed class SyntheticPeople(int seed)
{
    public enum Shape
    {
        /// <summary>Current British nominal records: every field, modern dates, mobile numbers and email.</summary>
        BritishNominal,
        /// <summary>Old British register entries: names, dates back to the 1600s, male/female, a place and a postcode.</summary>
        BritishHistorical,
        /// <summary>Voter registers from five sources: given name, surname, town, five-digit postcode; no date of birth.</summary>
        VoterRegister,
        /// <summary>FEBRL-like: names, address, postcode and compact dates, originals with up to a few copies.</summary>
        FebrlLike,
    }

    private static readonly string[] MaleNames =
    [
        "james", "john", "william", "thomas", "george", "david", "richard", "robert", "michael", "charles", "edward", "henry",
        "peter", "paul", "andrew", "mark", "stephen", "christopher", "daniel", "matthew", "anthony", "joseph", "samuel",
        "benjamin", "alexander", "oliver", "jack", "harry", "jacob", "charlie", "alfie", "noah", "oscar", "leo", "arthur",
        "archie", "joshua", "freddie", "isaac", "logan", "ethan", "liam", "mohammed", "muhammad", "ali", "arjun", "kwame",
        "ryan", "adam", "luke", "dylan", "lewis", "connor", "callum", "kieran", "aaron", "nathan", "craig", "gareth", "rhys",
        "owen", "dafydd", "iain", "hamish", "angus", "fergus", "rory", "sean", "patrick", "declan", "francis", "frederick",
        "albert", "alfred", "walter", "ernest", "herbert", "reginald", "stanley", "leonard", "raymond", "kenneth", "ronald",
        "donald", "douglas", "gordon", "keith", "barry", "terence", "trevor", "colin", "derek", "graham", "nigel", "simon",
        "timothy", "jeremy", "martin", "neil", "philip", "roger", "geoffrey", "gerald", "hugh", "ralph", "tobias", "jonah",
    ];

    private static readonly string[] FemaleNames =
    [
        "mary", "elizabeth", "margaret", "sarah", "susan", "patricia", "jennifer", "linda", "barbara", "catherine", "anne",
        "jane", "emma", "olivia", "amelia", "isla", "ava", "mia", "sophia", "grace", "lily", "freya", "emily", "ivy", "ella",
        "rosie", "evie", "florence", "alice", "charlotte", "poppy", "isabella", "jessica", "sophie", "chloe", "lucy", "hannah",
        "rebecca", "rachel", "laura", "claire", "nicola", "karen", "julie", "helen", "joanne", "michelle", "kelly", "donna",
        "lisa", "tracey", "dawn", "sharon", "deborah", "victoria", "alexandra", "gemma", "natalie", "amy", "zoe", "megan",
        "bethan", "cerys", "rhiannon", "siobhan", "niamh", "aoife", "fiona", "morag", "kirsty", "shona", "eilidh", "fatima",
        "aisha", "priya", "ayesha", "zainab", "dorothy", "edith", "ethel", "florence", "gladys", "hilda", "ivy", "joan",
        "kathleen", "mabel", "marjorie", "muriel", "phyllis", "winifred", "beatrice", "harriet", "martha", "ruth", "esther",
    ];

    private static readonly string[] CommonSurnames =
    [
        "smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "thomas", "johnson", "roberts",
        "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall", "lewis", "harris",
        "clarke", "patel", "jackson", "wood", "turner", "martin", "cooper", "hill", "ward", "morris", "moore", "clark",
        "lee", "king", "baker", "harrison", "morgan", "allen", "james", "scott", "phillips", "watson", "davis", "parker",
        "price", "bennett", "young", "griffiths", "mitchell", "kelly", "cook", "carter", "richardson", "bailey", "collins",
        "bell", "shaw", "murphy", "miller", "cox", "richards", "khan", "marshall", "anderson", "simpson", "ellis", "adams",
        "singh", "begum", "wilkinson", "foster", "chapman", "powell", "webb", "rogers", "gray", "mason", "ali", "hunt",
        "hussain", "campbell", "matthews", "owen", "palmer", "holmes", "mills", "barnes", "knight", "lloyd", "butler",
        "russell", "barker", "fisher", "stevens", "jenkins", "murray", "dixon", "harvey", "macdonald", "mcleod", "o'brien",
    ];

    private static readonly string[] Syllables =
    [
        "ash", "bur", "cal", "dun", "ell", "fen", "gar", "hol", "ing", "kel", "lam", "mor", "nor", "orm", "pen", "quil", "ros",
        "sta", "thw", "ul", "ver", "wy", "brad", "ford", "ton", "ley", "field", "worth", "by", "ham", "wick", "ridge", "combe",
        "den", "hurst", "stead", "well", "more", "wood", "bury", "cliffe", "dale", "garth", "holme", "thorpe", "shaw", "croft",
    ];

    private static readonly string[] Streets =
    [
        "high street", "church road", "station road", "main street", "park road", "london road", "victoria road", "green lane",
        "manor road", "church street", "kings road", "queens road", "new road", "mill lane", "school lane", "the crescent",
        "grange road", "north street", "south street", "springfield road", "albert road", "windsor road", "york road",
    ];

    private static readonly (string Name, string Short)[] Nicknames =
    [
        ("william", "bill"), ("margaret", "peggy"), ("john", "jack"), ("henry", "harry"), ("alexander", "sandy"),
        ("elizabeth", "beth"), ("robert", "bob"), ("richard", "dick"), ("edward", "ted"), ("catherine", "kate"),
        ("james", "jim"), ("thomas", "tom"), ("charles", "charlie"), ("mary", "molly"), ("susan", "sue"), ("michael", "mike"),
        ("christopher", "chris"), ("anthony", "tony"), ("rebecca", "becky"), ("frederick", "fred"), ("alfred", "alf"),
    ];

    private readonly Random _random = new(seed);
    private string[] _surnames = CommonSurnames;
    private string[] _places = [];
    private string[] _postcodes = [];
    private string[] _forenameTail = [];

    /// <summary>About <paramref name="people"/> invented people, each entered once or more, spoilt at the given rate.</summary>
    public (List<PersonEntry> Entries, string[] Truth) Generate(Shape shape, int people, double corruption)
    {
        _surnames = [.. CommonSurnames, .. Invented(people / 4 + 50, 2, 4)];
        _places = Invented(Math.Max(40, people / 200), 2, 3);
        _forenameTail = Invented(Math.Max(100, people / 20), 2, 3);
        _postcodes = shape == Shape.VoterRegister ? ZipCodes(Math.Max(50, people / 40)) : UkPostcodes(Math.Max(200, people / 10));
        var entries = new List<PersonEntry>(people * 2);
        var truth = new List<string>(people * 2);
        for (var p = 0; p < people; p++)
        {
            var person = NewPerson(shape);
            var copies = shape switch
            {
                Shape.VoterRegister => 1 + Pick(5, 1.2),
                Shape.BritishHistorical => _random.NextDouble() < 0.6 ? 1 + Pick(6, 1.0) : 0,
                Shape.FebrlLike => _random.NextDouble() < 0.5 ? 1 + Pick(4, 1.0) : 0,
                _ => _random.NextDouble() < 0.4 ? 1 + Pick(3, 1.5) : 0,
            };
            var original = shape == Shape.VoterRegister ? Spoil(person, shape, corruption) : person;
            entries.Add(original with { Id = $"{p}-0" });
            truth.Add(p.ToString(CultureInfo.InvariantCulture));
            for (var c = 1; c < copies + (shape == Shape.VoterRegister ? 0 : 1); c++)
            {
                var copy = shape == Shape.VoterRegister || _random.NextDouble() < Math.Max(corruption, 0.5) ? Spoil(person, shape, corruption) : person;
                entries.Add(copy with { Id = $"{p}-{c}" });
                truth.Add(p.ToString(CultureInfo.InvariantCulture));
            }
        }
        // Shuffle so duplicates do not sit next to each other
        for (var i = entries.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (entries[i], entries[j]) = (entries[j], entries[i]);
            (truth[i], truth[j]) = (truth[j], truth[i]);
        }
        return (entries, truth.ToArray());
    }

    private PersonEntry NewPerson(Shape shape)
    {
        var male = _random.NextDouble() < 0.5;
        // Most forenames from the common list, the rest from a long tail, as in any real register
        var first = _random.NextDouble() < 0.75 ? Zipf(male ? MaleNames : FemaleNames, 0.9) : _forenameTail[_random.Next(_forenameTail.Length)];
        var middle = _random.NextDouble() < 0.4 ? Zipf(male ? MaleNames : FemaleNames, 0.7) : null;
        var last = Zipf(_surnames, 1.0);
        // A postcode lies in one town
        var postcodeIndex = _random.Next(_postcodes.Length);
        var postcode = _postcodes[postcodeIndex];
        var place = _places[postcodeIndex % _places.Length];
        switch (shape)
        {
            case Shape.VoterRegister:
                return new PersonEntry("", first, null, last, Address: place, Postcode: postcode);
            case Shape.BritishHistorical:
                var year = 1600 + _random.Next(320);
                return new PersonEntry("", first, middle, last, $"{year:0000}-{1 + _random.Next(12):00}-{1 + _random.Next(28):00}",
                    male ? "male" : "female", place, postcode);
            case Shape.FebrlLike:
                return new PersonEntry("", first, null, last, $"{1920 + _random.Next(85):0000}{1 + _random.Next(12):00}{1 + _random.Next(28):00}",
                    null, $"{1 + _random.Next(300)} {Invented(1, 2, 2)[0]} {Streets[_random.Next(Streets.Length)]} {place}", postcode);
            default:
                var birth = new DateOnly(1940, 1, 1).AddDays(_random.Next(365 * 65));
                return new PersonEntry("", first, middle, last, birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), male ? "M" : "F",
                    $"{1 + _random.Next(200)} {Streets[_random.Next(Streets.Length)]}, {place}", postcode,
                    _random.NextDouble() < 0.6 ? $"07{_random.Next(100_000_000, 999_999_999)}" : null,
                    _random.NextDouble() < 0.4 ? $"{first}.{last}{_random.Next(100)}@example.net" : null);
        }
    }

    private PersonEntry Spoil(PersonEntry person, Shape shape, double rate)
    {
        var e = person;
        var spoils = shape == Shape.VoterRegister ? (_random.NextDouble() < rate ? 1 + Pick(3, 1.5) : 0) : 1 + Pick(4, 1.2);
        for (var s = 0; s < spoils; s++)
        {
            var roll = _random.Next(shape == Shape.VoterRegister ? 8 : 14);
            e = roll switch
            {
                0 => e with { FirstName = Typo(e.FirstName) },
                1 => e with { LastName = Typo(e.LastName) },
                2 => e with { Address = Typo(e.Address) },
                3 => e with { Postcode = Typo(e.Postcode) },
                4 => e with { FirstName = Nickname(e.FirstName) },
                5 => e with { LastName = Phonetic(e.LastName) },
                6 => e with { Address = null },
                7 => _random.Next(3) == 0 ? e with { FirstName = e.LastName, LastName = e.FirstName } : e with { FirstName = Phonetic(e.FirstName) },
                8 => e with { DateOfBirth = DateSlip(e.DateOfBirth) },
                9 => e with { FirstName = string.IsNullOrEmpty(e.FirstName) ? e.FirstName : e.FirstName[..1] },
                10 => e with { Postcode = null },
                11 => e with { LastName = e.Sex is "F" or "female" && _random.Next(2) == 0 ? Zipf(_surnames, 1.0) : Typo(e.LastName) },
                12 => e with { DateOfBirth = _random.Next(3) == 0 ? null : DateSlip(e.DateOfBirth), Sex = _random.Next(4) == 0 ? null : e.Sex },
                _ => e with { MiddleName = null, Phone = null, Email = _random.Next(2) == 0 ? null : e.Email },
            };
        }
        return e;
    }

    private string? Typo(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2)
        {
            return value;
        }
        var chars = new StringBuilder(value);
        var at = _random.Next(chars.Length);
        switch (_random.Next(4))
        {
            case 0:
                chars[at] = (char)('a' + _random.Next(26));
                break;
            case 1:
                chars.Insert(at, (char)('a' + _random.Next(26)));
                break;
            case 2:
                chars.Remove(at, 1);
                break;
            default:
                if (at + 1 < chars.Length)
                {
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                }
                break;
        }
        return chars.ToString();
    }

    private string? Phonetic(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }
        (string From, string To)[] swaps = [("ph", "f"), ("ck", "k"), ("ey", "y"), ("ie", "y"), ("ll", "l"), ("th", "t"), ("ou", "ow"), ("ee", "ea"), ("c", "k"), ("s", "z")];
        foreach (var (from, to) in swaps.OrderBy(_ => _random.Next()))
        {
            if (value.Contains(from, StringComparison.Ordinal))
            {
                return value.Replace(from, to, StringComparison.Ordinal);
            }
        }
        return Typo(value);
    }

    private string? Nickname(string? value)
    {
        foreach (var (name, nick) in Nicknames)
        {
            if (value == name)
            {
                return nick;
            }
        }
        return Typo(value);
    }

    private string? DateSlip(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var digits = value.Where(char.IsAsciiDigit).ToArray();
        if (digits.Length != 8)
        {
            return value;
        }
        string Format(char[] d) => value.Contains('-', StringComparison.Ordinal) ? $"{new string(d, 0, 4)}-{new string(d, 4, 2)}-{new string(d, 6, 2)}" : new string(d);
        switch (_random.Next(4))
        {
            case 0:
                (digits[4], digits[5], digits[6], digits[7]) = (digits[6], digits[7], digits[4], digits[5]);
                return Format(digits);
            case 1:
                var at = 2 + _random.Next(6);
                digits[at] = (char)('0' + _random.Next(10));
                return Format(digits);
            case 2:
                return new string(digits, 0, 4);
            default:
                digits[7] = (char)('0' + ((digits[7] - '0' + 1) % 10));
                return Format(digits);
        }
    }

    private string[] Invented(int count, int minSyllables, int maxSyllables)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        // Never ask for more words than the syllables can make (half of them, so drawing stays quick)
        var possible = 0.0;
        for (var n = minSyllables; n <= maxSyllables; n++)
        {
            possible += Math.Pow(Syllables.Length, n);
        }
        count = (int)Math.Min(count, possible / 2);
        while (words.Count < count)
        {
            var n = minSyllables + _random.Next(maxSyllables - minSyllables + 1);
            var word = new StringBuilder();
            for (var i = 0; i < n; i++)
            {
                word.Append(Syllables[_random.Next(Syllables.Length)]);
            }
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private string[] UkPostcodes(int count)
    {
        const string letters = "ABCDEFGHJKLMNOPRSTUWY";
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var areas = new[] { "AL", "SG", "WD", "HP", "EN", "LU", "CB", "N", "NW", "E", "SE", "M", "B", "LS", "CF", "G", "EH", "BT" };
        while (codes.Count < count)
        {
            codes.Add($"{areas[_random.Next(areas.Length)]}{1 + _random.Next(20)} {_random.Next(10)}{letters[_random.Next(letters.Length)]}{letters[_random.Next(letters.Length)]}");
        }
        return [.. codes];
    }

    private string[] ZipCodes(int count)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < count)
        {
            codes.Add($"{27000 + _random.Next(3000)}");
        }
        return [.. codes];
    }

    /// <summary>A pick from a list where earlier items are far commoner, as with real names.</summary>
    private string Zipf(string[] items, double exponent)
    {
        var u = _random.NextDouble();
        var index = (int)Math.Floor(Math.Pow(items.Length + 1, Math.Pow(u, 1 / exponent))) - 1;
        return items[Math.Clamp(index, 0, items.Length - 1)];
    }

    private int Pick(int max, double decay)
    {
        var n = 0;
        while (n < max - 1 && _random.NextDouble() < 1 / (1 + decay))
        {
            n++;
        }
        return n;
    }
}
