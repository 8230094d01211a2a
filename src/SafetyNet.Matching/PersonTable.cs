using SafetyNet.Matching.Text;

namespace SafetyNet.Matching;

/// <summary>One person entry as keyed in: every field optional except the id.</summary>
public sealed record PersonEntry(
    string Id,
    string? FirstName = null,
    string? MiddleName = null,
    string? LastName = null,
    string? DateOfBirth = null,
    string? Sex = null,
    string? Address = null,
    string? Postcode = null,
    string? Phone = null,
    string? Email = null);

/// <summary>
/// Person entries prepared for comparison, held column by column in plain arrays: names as interned ids with their
/// phonetic codes and alias groups, dates packed as numbers, postcodes split into unit, sector and district, address
/// words as ids with their document frequency. Entries are only ever appended, so an index can grow in place.
/// </summary>
public sealed class PersonTable
{
    /// <summary>Names of every kind share one vocabulary so that a forename can be compared with a surname (swapped entries).</summary>
    public Vocabulary Names { get; } = new();
    public Vocabulary Phonetics { get; } = new();
    public Vocabulary Postcodes { get; } = new();
    public Vocabulary AddressWords { get; } = new();
    public Vocabulary Emails { get; } = new();

    private readonly Dictionary<int, int> _dateCounts = [];
    private readonly GivenNameAliases _aliases = GivenNameAliases.Standard;
    private int[] _namePhonetic = new int[16];
    private int[][] _nameGroups = new int[16][];
    private int[] _forenameCounts = new int[16];
    private int[] _surnameCounts = new int[16];

    public int Count { get; private set; }
    public int ForenamesKnown { get; private set; }
    public int SurnamesKnown { get; private set; }
    public int DatesKnown { get; private set; }
    public int PostcodesKnown { get; private set; }

    public string[] Ids = new string[16];
    public byte[] Source = new byte[16];
    public int[] Forename = new int[16];
    public int[] Middle = new int[16];
    public int[] Surname = new int[16];
    /// <summary>The two halves of a double-barrelled or hyphenated surname (Smith-Jones → smith, jones); 0 when single.</summary>
    public int[] SurnameFirstPart = new int[16];
    public int[] SurnameSecondPart = new int[16];
    public int[] Dob = new int[16];
    public byte[] Sex = new byte[16];
    public int[] PostcodeUnit = new int[16];
    public int[] PostcodeSector = new int[16];
    public int[] PostcodeDistrict = new int[16];
    public int[] AddressStart = new int[17];
    public int[] AddressTokens = new int[64];
    public long[] Phone = new long[16];
    public int[] Email = new int[16];
    public int[] EmailLocal = new int[16];
    /// <summary>Why an entry cannot be matched (null when it can): it still gets an identity of its own.</summary>
    public string?[] SkipReason = new string?[16];

    public int PhoneticOf(int nameId) => _namePhonetic[nameId];

    public int[] AliasGroupsOf(int nameId) => _nameGroups[nameId] ?? [];

    /// <summary>
    /// The fewest entries a value's share is taken over. In a table of a handful of entries every value looks
    /// common (two entries of one person share every value), which would strip agreement of its weight; below
    /// this size a value counts as rare, as it would be among the people of any real area.
    /// </summary>
    public const int ShareFloor = 1000;

    /// <summary>Share of known forenames equal to this one, for term-frequency weights.</summary>
    public double ForenameShare(int nameId) => ForenamesKnown == 0 ? 1 : Math.Max(1, _forenameCounts[nameId]) / (double)Math.Max(ShareFloor, ForenamesKnown);

    public double SurnameShare(int nameId) => SurnamesKnown == 0 ? 1 : Math.Max(1, _surnameCounts[nameId]) / (double)Math.Max(ShareFloor, SurnamesKnown);

    public double DateShare(int dob) => DatesKnown == 0 ? 1 : Math.Max(1, _dateCounts.GetValueOrDefault(dob)) / (double)Math.Max(ShareFloor, DatesKnown);

    public double PostcodeShare(int unit) => PostcodesKnown == 0 ? 1 : Math.Max(1, Postcodes.Occurrences(unit)) / (double)Math.Max(ShareFloor, PostcodesKnown);

    public int AddressWordDocuments(int wordId) => AddressWords.Occurrences(wordId);

    private float[] _addressWeights = [];
    private int _addressWeightsAt = -1;

    /// <summary>
    /// How much sharing an address word says: log(entries / entries with the word). Cached for the table as it stands
    /// (recomputed when it has grown by a tenth), so comparisons do not take logarithms.
    /// </summary>
    public float AddressWordWeight(int wordId)
    {
        var weights = _addressWeights;
        if (wordId < weights.Length)
        {
            return weights[wordId];
        }
        return (float)Math.Log(Math.Max(ShareFloor, Count) / (double)Math.Max(1, AddressWords.Occurrences(wordId)));
    }

    /// <summary>Refreshes the cached address-word weights; call before scoring many pairs.</summary>
    public void RefreshWeights()
    {
        if (_addressWeightsAt >= 0 && Count < _addressWeightsAt * 1.1)
        {
            return;
        }
        var weights = new float[AddressWords.Count];
        var total = Math.Max(ShareFloor, Count);
        for (var id = 1; id < weights.Length; id++)
        {
            weights[id] = (float)Math.Log(total / (double)Math.Max(1, AddressWords.Occurrences(id)));
        }
        _addressWeights = weights;
        _addressWeightsAt = Count;
    }

    public ReadOnlySpan<int> AddressOf(int row) => AddressTokens.AsSpan(AddressStart[row], AddressStart[row + 1] - AddressStart[row]);

    public static PersonTable From(IReadOnlyList<PersonEntry> entries, byte source = 0)
    {
        var table = new PersonTable();
        table.Reserve(entries.Count);
        foreach (var entry in entries)
        {
            table.Add(entry, source);
        }
        return table;
    }

    public void Reserve(int capacity)
    {
        if (capacity > Ids.Length)
        {
            Grow(capacity);
        }
    }

    /// <summary>Prepares and appends one entry; returns its row. <paramref name="countFrequencies"/> is off for a probe that will be taken back.</summary>
    public int Add(PersonEntry entry, byte source = 0, bool countFrequencies = true)
    {
        var row = Count;
        if (row == Ids.Length)
        {
            Grow(row * 2);
        }
        Ids[row] = entry.Id;
        Source[row] = source;

        var first = Normalise.NameWords(entry.FirstName);
        var middle = Normalise.NameWords(entry.MiddleName);
        var last = Normalise.NameWords(entry.LastName);
        // "Mary Ann" keyed as a forename: the second word is a middle name
        if (first.Count > 1 && middle.Count == 0)
        {
            middle.Add(first[1]);
        }
        Forename[row] = first.Count > 0 ? NameId(first[0], countFrequencies) : 0;
        Middle[row] = middle.Count > 0 ? NameId(middle[0], countFrequencies) : 0;
        SurnameFirstPart[row] = 0;
        SurnameSecondPart[row] = 0;
        if (last.Count == 0)
        {
            Surname[row] = 0;
        }
        else if (last.Count == 1)
        {
            Surname[row] = NameId(last[0], countFrequencies);
        }
        else
        {
            Surname[row] = NameId(string.Concat(last), countFrequencies);
            SurnameFirstPart[row] = NameId(last[0], false);
            SurnameSecondPart[row] = NameId(last[^1], false);
        }
        if (countFrequencies)
        {
            if (Forename[row] != 0)
            {
                _forenameCounts[Forename[row]]++;
                ForenamesKnown++;
            }
            if (Surname[row] != 0)
            {
                _surnameCounts[Surname[row]]++;
                SurnamesKnown++;
            }
        }

        Dob[row] = Normalise.DateOfBirth(entry.DateOfBirth);
        if (Dob[row] != 0 && countFrequencies)
        {
            _dateCounts[Dob[row]] = _dateCounts.GetValueOrDefault(Dob[row]) + 1;
            DatesKnown++;
        }
        Sex[row] = Normalise.Sex(entry.Sex);

        if (Normalise.Postcode(entry.Postcode) is var (unit, sector, district))
        {
            PostcodeUnit[row] = Postcodes.Intern(unit, countFrequencies);
            PostcodeSector[row] = Postcodes.Intern(sector, false);
            PostcodeDistrict[row] = Postcodes.Intern(district, false);
            if (countFrequencies)
            {
                PostcodesKnown++;
            }
        }
        else
        {
            PostcodeUnit[row] = PostcodeSector[row] = PostcodeDistrict[row] = 0;
        }

        var words = Normalise.AddressWords(entry.Address);
        var start = AddressStart[row];
        if (start + words.Count > AddressTokens.Length)
        {
            Array.Resize(ref AddressTokens, Math.Max(AddressTokens.Length * 2, start + words.Count));
        }
        var n = 0;
        foreach (var word in words)
        {
            var id = AddressWords.Intern(word, false);
            if (AddressTokens.AsSpan(start, n).IndexOf(id) < 0)
            {
                AddressTokens[start + n++] = id;
                if (countFrequencies)
                {
                    AddressWords.Intern(word, true);
                }
            }
            if (n == 16)
            {
                break;
            }
        }
        AddressStart[row + 1] = start + n;

        Phone[row] = Normalise.Phone(entry.Phone);
        if (Normalise.Email(entry.Email) is var (whole, local))
        {
            Email[row] = Emails.Intern(whole, countFrequencies);
            EmailLocal[row] = Emails.Intern(local, false);
        }
        else
        {
            Email[row] = EmailLocal[row] = 0;
        }

        SkipReason[row] = Forename[row] == 0 && Surname[row] == 0 && Middle[row] == 0
            ? "no name"
            : null;
        Count = row + 1;
        return row;
    }

    /// <summary>Takes back the last entry (a probe added without counting frequencies).</summary>
    public void RemoveLast() => Count--;

    private int NameId(string word, bool count)
    {
        var id = Names.Intern(word, count);
        if (id >= _namePhonetic.Length)
        {
            var size = Math.Max(id + 1, _namePhonetic.Length * 2);
            Array.Resize(ref _namePhonetic, size);
            Array.Resize(ref _nameGroups, size);
            Array.Resize(ref _forenameCounts, size);
            Array.Resize(ref _surnameCounts, size);
        }
        if (_namePhonetic[id] == 0)
        {
            var code = Nysiis.Encode(word);
            _namePhonetic[id] = Phonetics.Intern(code.Length > 0 ? code : word, false);
            _nameGroups[id] = _aliases.GroupsOf(word);
        }
        return id;
    }

    private void Grow(int capacity)
    {
        Array.Resize(ref Ids, capacity);
        Array.Resize(ref Source, capacity);
        Array.Resize(ref Forename, capacity);
        Array.Resize(ref Middle, capacity);
        Array.Resize(ref Surname, capacity);
        Array.Resize(ref SurnameFirstPart, capacity);
        Array.Resize(ref SurnameSecondPart, capacity);
        Array.Resize(ref Dob, capacity);
        Array.Resize(ref Sex, capacity);
        Array.Resize(ref PostcodeUnit, capacity);
        Array.Resize(ref PostcodeSector, capacity);
        Array.Resize(ref PostcodeDistrict, capacity);
        Array.Resize(ref AddressStart, capacity + 1);
        Array.Resize(ref Phone, capacity);
        Array.Resize(ref Email, capacity);
        Array.Resize(ref EmailLocal, capacity);
        Array.Resize(ref SkipReason, capacity);
    }
}
