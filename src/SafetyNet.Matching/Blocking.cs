namespace SafetyNet.Matching;

/// <summary>
/// Blocking keys: only entries sharing at least one key are compared. Several keys, each built from different fields,
/// so one mistyped or missing field never hides a true pair. A key shared by more than <see cref="MaxBlock"/> entries
/// is dropped (it would cost millions of comparisons and say little); the other keys still cover those entries.
/// </summary>
public static class Blocking
{
    public const int KeyCount = 13;
    public const int MaxBlock = 100;

    /// <summary>The fields each key is built from, one bit per <see cref="MatchField"/>: learning leaves them out of that key's pairs.</summary>
    public static readonly int[] FieldsUsed =
    [
        Bits(MatchField.Forename, MatchField.Surname),
        Bits(MatchField.Forename, MatchField.DateOfBirth),
        Bits(MatchField.DateOfBirth),
        Bits(MatchField.Postcode, MatchField.Surname),
        Bits(MatchField.Forename, MatchField.Surname),
        Bits(MatchField.DateOfBirth, MatchField.Surname),
        Bits(MatchField.Phone),
        Bits(MatchField.Email),
        Bits(MatchField.Forename, MatchField.Postcode),
        Bits(MatchField.Surname, MatchField.DateOfBirth),
        Bits(MatchField.Forename, MatchField.Address),
        Bits(MatchField.DateOfBirth, MatchField.Address),
        Bits(MatchField.Surname, MatchField.Address),
    ];

    private static int Bits(params MatchField[] fields)
    {
        var bits = 0;
        foreach (var field in fields)
        {
            bits |= 1 << (int)field;
        }
        return bits;
    }

    /// <summary>Writes the entry's keys (0 = none) into <paramref name="keys"/>.</summary>
    public static void KeysOf(PersonTable t, int row, Span<long> keys)
    {
        keys.Clear();
        if (t.SkipReason[row] is not null)
        {
            return;
        }
        var forename = t.Forename[row];
        var surname = t.Surname[row];
        var foreSound = forename == 0 ? 0 : t.PhoneticOf(forename);
        var surSound = surname == 0 ? 0 : t.PhoneticOf(surname);
        var foreInitial = forename == 0 ? 0 : t.Names[forename][0];
        var surInitial = surname == 0 ? 0 : t.Names[surname][0];
        var aliases = forename == 0 ? [] : t.AliasGroupsOf(forename);
        var foreGroup = aliases.Length > 0 ? -aliases[0] : foreSound;
        var dob = t.Dob[row];
        var year = dob / 10000;
        var monthDay = dob % 10000;
        var fullDate = dob != 0 && monthDay / 100 != 0 && monthDay % 100 != 0;

        keys[0] = Key(0, surSound, foreInitial, surSound != 0 && foreInitial != 0);
        keys[1] = Key(1, foreGroup, dob / 100, foreGroup != 0 && year != 0);
        // A birth date alone is shared by dozens in a large file; with the postcode district it stays a small block
        keys[2] = Key(2, dob, t.PostcodeDistrict[row], fullDate);
        keys[3] = Key(3, t.PostcodeUnit[row], surInitial, t.PostcodeUnit[row] != 0 && surInitial != 0);
        // Sorted so that an entry with forename and surname swapped lands in the same block
        keys[4] = Key(4, Math.Min(foreSound, surSound), Math.Max(foreSound, surSound), foreSound != 0 && surSound != 0);
        keys[5] = Key(5, monthDay, surSound, fullDate && surSound != 0);
        keys[6] = Key(6, t.Phone[row], 0, t.Phone[row] != 0);
        keys[7] = Key(7, t.Email[row], 0, t.Email[row] != 0);
        keys[8] = Key(8, foreSound, t.PostcodeSector[row], foreSound != 0 && t.PostcodeSector[row] != 0);
        keys[9] = Key(9, surSound, dob / 100, surSound != 0 && year != 0);
        keys[10] = Key(10, foreSound, RarestAddressWord(t, row), foreSound != 0 && t.AddressOf(row).Length > 0);
        // Both names spoilt or swapped: the birth date and the rarest word of the address still meet
        keys[11] = Key(11, dob, RarestAddressWord(t, row), fullDate && t.AddressOf(row).Length > 0);
        // No birth date, forename spoilt and postcode mistyped: the surname's sound and the place still meet
        keys[12] = Key(12, surSound, RarestAddressWord(t, row), surSound != 0 && t.AddressOf(row).Length > 0);
    }

    private static int RarestAddressWord(PersonTable t, int row)
    {
        var best = 0;
        var bestCount = int.MaxValue;
        foreach (var word in t.AddressOf(row))
        {
            var count = t.AddressWordDocuments(word);
            if (count < bestCount || (count == bestCount && word < best))
            {
                best = word;
                bestCount = count;
            }
        }
        return best;
    }

    private static long Key(int kind, long a, long b, bool present)
    {
        if (!present)
        {
            return 0;
        }
        var h = (ulong)kind * 0x9E3779B97F4A7C15UL;
        h ^= (ulong)a + 0x632BE59BD9B4E019UL + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= (ulong)b + 0x94D049BB133111EBUL + (h << 6) + (h >> 2);
        h ^= h >> 31;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return h == 0 ? 1 : (long)h;
    }
}

/// <summary>
/// The candidate pairs of a table: every key's blocks found by sorting, giant blocks dropped, and each pair produced
/// once (by the first key that both entries share), so pairs can be scored in parallel without a set of seen pairs.
/// </summary>
public sealed class CandidatePairs
{
    private readonly long[] _keys;
    private readonly int[][] _members;
    private readonly List<(int Key, int Start, int Length)> _blocks = [];
    private readonly byte[]? _sources;

    public int BlockCount => _blocks.Count;
    public long PairCount { get; }

    public CandidatePairs(PersonTable table, bool acrossSourcesOnly, int maxBlock = Blocking.MaxBlock)
    {
        var n = table.Count;
        _sources = acrossSourcesOnly ? table.Source : null;
        _keys = new long[(long)n * Blocking.KeyCount];
        Parallel.For(0, n, new ParallelOptions(), () => new long[Blocking.KeyCount], (row, _, buffer) =>
        {
            Blocking.KeysOf(table, row, buffer);
            buffer.CopyTo(_keys.AsSpan(row * Blocking.KeyCount, Blocking.KeyCount));
            return buffer;
        }, _ => { });
        _members = new int[Blocking.KeyCount][];
        long pairs = 0;
        for (var k = 0; k < Blocking.KeyCount; k++)
        {
            var present = 0;
            for (var row = 0; row < n; row++)
            {
                if (_keys[(row * Blocking.KeyCount) + k] != 0)
                {
                    present++;
                }
            }
            var hashes = new long[present];
            var rows = new int[present];
            present = 0;
            for (var row = 0; row < n; row++)
            {
                var key = _keys[(row * Blocking.KeyCount) + k];
                if (key != 0)
                {
                    hashes[present] = key;
                    rows[present++] = row;
                }
            }
            Array.Sort(hashes, rows);
            for (var start = 0; start < present;)
            {
                var end = start + 1;
                while (end < present && hashes[end] == hashes[start])
                {
                    end++;
                }
                var length = end - start;
                if (length > maxBlock)
                {
                    // Forget the key on these entries too, so a later key still produces their pairs.
                    for (var i = start; i < end; i++)
                    {
                        _keys[(rows[i] * Blocking.KeyCount) + k] = 0;
                    }
                }
                else if (length > 1)
                {
                    _blocks.Add((k, start, length));
                    pairs += (long)length * (length - 1) / 2;
                }
                start = end;
            }
            _members[k] = rows;
        }
        PairCount = pairs;
    }

    /// <summary>
    /// Visits every candidate pair once, spreading blocks over the cores. Each worker gets its own state from
    /// <paramref name="local"/>, sees pairs through <paramref name="visit"/> (with the key that produced the pair), and hands its state to <paramref name="done"/>.
    /// <paramref name="stride"/> above 1 visits only every stride-th block (a sample for learning); with
    /// <paramref name="onceOnly"/> off, a pair is visited once for every key its entries share, the key given plus
    /// <see cref="Blocking.KeyCount"/> on every visit after the first.
    /// </summary>
    public void ForEach<TLocal>(Func<TLocal> local, Action<int, int, int, TLocal> visit, Action<TLocal> done, int stride = 1, bool onceOnly = true)
    {
        var blockTotal = (_blocks.Count + stride - 1) / stride;
        var chunk = Math.Max(1, blockTotal / (Environment.ProcessorCount * 16));
        var chunks = (blockTotal + chunk - 1) / chunk;
        Parallel.For(0, chunks, local, (c, _, state) =>
        {
            var from = c * chunk;
            var to = Math.Min(blockTotal, from + chunk);
            for (var bi = from; bi < to; bi++)
            {
                var (k, start, length) = _blocks[bi * stride];
                var rows = _members[k];
                for (var x = start; x < start + length; x++)
                {
                    var a = rows[x];
                    for (var y = x + 1; y < start + length; y++)
                    {
                        var b = rows[y];
                        if (_sources is not null && _sources[a] == _sources[b])
                        {
                            continue;
                        }
                        var repeat = SeenEarlier(a, b, k);
                        if (onceOnly && repeat)
                        {
                            continue;
                        }
                        var tag = repeat ? k + Blocking.KeyCount : k;
                        if (a < b)
                        {
                            visit(a, b, tag, state);
                        }
                        else
                        {
                            visit(b, a, tag, state);
                        }
                    }
                }
            }
            return state;
        }, done);
    }

    private bool SeenEarlier(int a, int b, int key)
    {
        var ka = a * Blocking.KeyCount;
        var kb = b * Blocking.KeyCount;
        for (var k = 0; k < key; k++)
        {
            var value = _keys[ka + k];
            if (value != 0 && value == _keys[kb + k])
            {
                return true;
            }
        }
        return false;
    }
}
