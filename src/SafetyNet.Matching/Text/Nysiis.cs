namespace SafetyNet.Matching.Text;

/// <summary>
/// The New York State Identification and Intelligence System phonetic code. Chosen over Soundex because it
/// keeps vowel position and handles the Mac/Mc, Kn, Ph and Sch spellings common in British surnames.
/// </summary>
public static class Nysiis
{
    public static string Encode(ReadOnlySpan<char> name)
    {
        Span<char> word = stackalloc char[Math.Min(name.Length, 40) + 3];
        var n = 0;
        foreach (var c in name)
        {
            if (n >= word.Length - 3)
            {
                break;
            }
            var upper = char.ToUpperInvariant(c);
            if (upper is >= 'A' and <= 'Z')
            {
                word[n++] = upper;
            }
        }
        if (n == 0)
        {
            return "";
        }
        var w = word[..n];
        if (w.StartsWith("MAC"))
        {
            w[1] = 'C';
        }
        else if (w.StartsWith("KN"))
        {
            w[0] = 'N';
        }
        else if (w[0] == 'K')
        {
            w[0] = 'C';
        }
        else if (w.StartsWith("PH") || w.StartsWith("PF"))
        {
            w[0] = 'F';
            w[1] = 'F';
        }
        else if (w.StartsWith("SCH"))
        {
            w[1] = 'S';
            w[2] = 'S';
        }
        if (n >= 2)
        {
            var last2 = w[(n - 2)..];
            if (last2 is "EE" or "IE")
            {
                w[n - 2] = 'Y';
                n--;
            }
            else if (last2 is "DT" or "RT" or "RD" or "NT" or "ND")
            {
                w[n - 2] = 'D';
                n--;
            }
            w = word[..n];
        }
        Span<char> key = stackalloc char[n * 3 + 1];
        var k = 0;
        key[k++] = w[0];
        for (var i = 1; i < n; i++)
        {
            var c = w[i];
            var next = i + 1 < n ? w[i + 1] : '\0';
            if (c == 'E' && next == 'V')
            {
                w[i] = 'A';
                w[i + 1] = 'F';
            }
            else if (IsVowel(c))
            {
                w[i] = 'A';
            }
            else if (c == 'Q')
            {
                w[i] = 'G';
            }
            else if (c == 'Z')
            {
                w[i] = 'S';
            }
            else if (c == 'M')
            {
                w[i] = 'N';
            }
            else if (c == 'K')
            {
                w[i] = next == 'N' ? 'N' : 'C';
            }
            else if (c == 'S' && next == 'C' && i + 2 < n && w[i + 2] == 'H')
            {
                w[i] = 'S';
                w[i + 1] = 'S';
                w[i + 2] = 'S';
            }
            else if (c == 'P' && next == 'H')
            {
                w[i] = 'F';
                w[i + 1] = 'F';
            }
            else if (c == 'H' && (!IsVowel(w[i - 1]) || (next != '\0' && !IsVowel(next))))
            {
                w[i] = w[i - 1];
            }
            else if (c == 'W' && IsVowel(w[i - 1]))
            {
                w[i] = w[i - 1];
            }
            if (w[i] != key[k - 1])
            {
                key[k++] = w[i];
            }
        }
        if (k > 1 && key[k - 1] == 'S')
        {
            k--;
        }
        if (k > 2 && key[k - 2] == 'A' && key[k - 1] == 'Y')
        {
            key[k - 2] = 'Y';
            k--;
        }
        if (k > 1 && key[k - 1] == 'A')
        {
            k--;
        }
        return new string(key[..k]);
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';
}
