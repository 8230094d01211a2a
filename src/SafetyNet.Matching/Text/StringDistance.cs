namespace SafetyNet.Matching.Text;

/// <summary>Edit distances over spans, allocation-free (buffers live on the stack).</summary>
public static class StringDistance
{
    private const int MaxLength = 64;

    /// <summary>Jaro–Winkler similarity in [0, 1]; the prefix bonus rewards agreeing first letters, which clerks rarely mistype.</summary>
    public static double JaroWinkler(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }
        if (a.SequenceEqual(b))
        {
            return 1;
        }
        if (a.Length > MaxLength)
        {
            a = a[..MaxLength];
        }
        if (b.Length > MaxLength)
        {
            b = b[..MaxLength];
        }
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        Span<bool> aUsed = stackalloc bool[a.Length];
        Span<bool> bUsed = stackalloc bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!bUsed[j] && a[i] == b[j])
                {
                    aUsed[i] = true;
                    bUsed[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0)
        {
            return 0;
        }
        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aUsed[i])
            {
                continue;
            }
            while (!bUsed[k])
            {
                k++;
            }
            if (a[i] != b[k])
            {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2)) / m)) / 3.0;
        var prefix = 0;
        var limit = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }
        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// Optimal-string-alignment (Damerau–Levenshtein) distance, giving up once it passes <paramref name="limit"/>
    /// (returns limit + 1), because the comparators only care whether two strings are one or two keystrokes apart.
    /// </summary>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit = 2)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        if (a.Length > MaxLength || b.Length > MaxLength)
        {
            return a.SequenceEqual(b) ? 0 : limit + 1;
        }
        var width = b.Length + 1;
        Span<int> previous2 = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j < width; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previous2[j - 2] + 1);
                }
                current[j] = best;
                rowMin = Math.Min(rowMin, best);
            }
            if (rowMin > limit)
            {
                return limit + 1;
            }
            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }
        return Math.Min(previous[b.Length], limit + 1);
    }

    /// <summary>
    /// How many letters must be added or removed to turn one string's letters into the other's, ignoring their
    /// order: "pootsmruth" and "portsmouth" differ by none. Catches the scrambled keying that edit distances
    /// count as many slips. Letters a–z only; anything else is ignored.
    /// </summary>
    public static int LettersApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        Span<int> counts = stackalloc int[26];
        foreach (var c in a)
        {
            if (c is >= 'a' and <= 'z')
            {
                counts[c - 'a']++;
            }
        }
        foreach (var c in b)
        {
            if (c is >= 'a' and <= 'z')
            {
                counts[c - 'a']--;
            }
        }
        var apart = 0;
        foreach (var n in counts)
        {
            apart += Math.Abs(n);
        }
        return apart;
    }

    /// <summary>
    /// True when two strings are at most one edit apart (insert, delete, substitute, or swap two neighbours): the
    /// commonest keying slip, checked in one pass because it runs on every candidate pair.
    /// </summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }
        if (a.Length - b.Length > 1)
        {
            return false;
        }
        var prefix = a.CommonPrefixLength(b);
        if (prefix == b.Length)
        {
            return true;
        }
        if (a.Length == b.Length)
        {
            if (a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..]))
            {
                return true;
            }
            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]);
        }
        return a[(prefix + 1)..].SequenceEqual(b[prefix..]);
    }
}
