using SafetyNet.Matching.Text;

namespace SafetyNet.Matching;

/// <summary>The fields compared between two entries, in the order their levels are packed.</summary>
public enum MatchField
{
    Forename,
    Surname,
    MiddleName,
    DateOfBirth,
    Sex,
    Postcode,
    Address,
    Phone,
    Email,
}

/// <summary>
/// Compares two prepared entries field by field and gives each field a level: 0 when either side is missing (no
/// evidence either way), 1 for the strongest agreement, rising to the last level for plain disagreement.
/// </summary>
public static class Comparison
{
    public const int FieldCount = 9;
    public const int MaxLevels = 7;

    /// <summary>What each level means, for the reasons shown to a reviewer. Index 0 is "missing".</summary>
    public static readonly string[][] LevelNames =
    [
        ["missing", "exact", "alias (nickname)", "one keystroke apart", "sounds or is spelt alike", "two keystrokes apart", "initial or middle name", "different"],
        ["missing", "exact", "one keystroke apart", "part of a double-barrelled name", "sounds or is spelt alike", "two keystrokes apart", "different"],
        ["missing", "exact", "initial agrees", "different"],
        ["missing", "exact", "day and month swapped", "one digit apart", "same year", "different"],
        ["missing", "same", "different"],
        ["missing", "same unit", "one character apart", "same sector", "two characters apart", "same district", "different"],
        ["missing", "mostly the same", "half the same", "some words shared", "different"],
        ["missing", "same", "nearly the same", "different"],
        ["missing", "same", "same mailbox name", "nearly the same", "different"],
    ];

    public static int LevelCount(MatchField field) => LevelNames[(int)field].Length;

    /// <summary>Fills <paramref name="levels"/> (length <see cref="FieldCount"/>); returns true when forename and surname were found swapped.</summary>
    public static bool Compare(PersonTable t, int a, int b, Span<byte> levels)
    {
        var forename = ForenameLevel(t, t.Forename[a], t.Forename[b]);
        var surname = SurnameLevel(t, a, b);
        var swapped = false;
        if (forename >= 5 && surname >= 4)
        {
            var crossA = ForenameLevel(t, t.Forename[a], t.Surname[b]);
            var crossB = ForenameLevel(t, t.Surname[a], t.Forename[b]);
            if (crossA is >= 1 and <= 3 && crossB is >= 1 and <= 3)
            {
                forename = crossA;
                surname = (byte)Math.Min((int)crossB, 2);
                swapped = true;
            }
        }
        if (forename == 7 && ((t.Middle[a] != 0 && t.Middle[a] == t.Forename[b]) || (t.Middle[b] != 0 && t.Middle[b] == t.Forename[a])))
        {
            forename = 6;
        }
        levels[0] = forename;
        levels[1] = surname;
        levels[2] = MiddleLevel(t, t.Middle[a], t.Middle[b]);
        levels[3] = DateLevel(t.Dob[a], t.Dob[b]);
        levels[4] = t.Sex[a] == 0 || t.Sex[b] == 0 ? (byte)0 : t.Sex[a] == t.Sex[b] ? (byte)1 : (byte)2;
        levels[5] = PostcodeLevel(t, a, b);
        levels[6] = AddressLevel(t, a, b);
        levels[7] = PhoneLevel(t.Phone[a], t.Phone[b]);
        levels[8] = EmailLevel(t, a, b);
        return swapped;
    }

    private static byte ForenameLevel(PersonTable t, int x, int y)
    {
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        var sx = t.Names[x];
        var sy = t.Names[y];
        if (sx.Length == 1 || sy.Length == 1)
        {
            return sx[0] == sy[0] ? (byte)6 : (byte)7;
        }
        if (GivenNameAliases.Share(t.AliasGroupsOf(x), t.AliasGroupsOf(y)))
        {
            return 2;
        }
        if (StringDistance.WithinOneEdit(sx, sy))
        {
            return 3;
        }
        // Chris for Christopher, Alex for Alexandra: a short form keyed as the start of the full one
        if (Math.Min(sx.Length, sy.Length) >= 3 && (sx.StartsWith(sy, StringComparison.Ordinal) || sy.StartsWith(sx, StringComparison.Ordinal)))
        {
            return 2;
        }
        if (t.PhoneticOf(x) == t.PhoneticOf(y) || StringDistance.JaroWinkler(sx, sy) >= 0.88 || Scrambled(sx, sy))
        {
            return 4;
        }
        if (Math.Min(sx.Length, sy.Length) >= 4 && StringDistance.DamerauLevenshtein(sx, sy) <= 2)
        {
            return 5;
        }
        return 7;
    }

    private static byte SurnameLevel(PersonTable t, int a, int b)
    {
        int x = t.Surname[a], y = t.Surname[b];
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        var sx = t.Names[x];
        var sy = t.Names[y];
        if (StringDistance.WithinOneEdit(sx, sy))
        {
            return 2;
        }
        int xa = t.SurnameFirstPart[a], xb = t.SurnameSecondPart[a], ya = t.SurnameFirstPart[b], yb = t.SurnameSecondPart[b];
        if ((xa != 0 && (xa == y || xa == ya || xa == yb)) || (xb != 0 && (xb == y || xb == ya || xb == yb))
            || (ya != 0 && ya == x) || (yb != 0 && yb == x))
        {
            return 3;
        }
        if (t.PhoneticOf(x) == t.PhoneticOf(y) || StringDistance.JaroWinkler(sx, sy) >= 0.88 || Scrambled(sx, sy))
        {
            return 4;
        }
        // Two slips in a longer name ("tylxr" for "taylor") are still nearer than a different surname
        if (Math.Min(sx.Length, sy.Length) >= 4 && StringDistance.DamerauLevenshtein(sx, sy) <= 2)
        {
            return 5;
        }
        return 6;
    }

    private static byte MiddleLevel(PersonTable t, int x, int y)
    {
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        var sx = t.Names[x];
        var sy = t.Names[y];
        return sx[0] == sy[0] && (sx.Length == 1 || sy.Length == 1 || StringDistance.WithinOneEdit(sx, sy)) ? (byte)2 : (byte)3;
    }

    private static byte DateLevel(int x, int y)
    {
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        int yx = x / 10000, yy = y / 10000, mx = x / 100 % 100, my = y / 100 % 100, dx = x % 100, dy = y % 100;
        if (mx == 0 || my == 0 || dx == 0 || dy == 0)
        {
            return yx == yy && (mx == 0 || my == 0 || mx == my) ? (byte)4 : (byte)5;
        }
        if (yx == yy && mx == dy && dx == my)
        {
            return 2;
        }
        var differing = 0;
        int p = x, q = y, previousP = -1, previousQ = -1, transposed = 0;
        for (var i = 0; i < 8; i++)
        {
            int cp = p % 10, cq = q % 10;
            if (cp != cq)
            {
                differing++;
                if (cp == previousQ && cq == previousP)
                {
                    transposed++;
                }
            }
            previousP = cp;
            previousQ = cq;
            p /= 10;
            q /= 10;
        }
        if (differing == 1 || (differing == 2 && transposed == 1))
        {
            return 3;
        }
        return yx == yy ? (byte)4 : (byte)5;
    }

    private static byte PostcodeLevel(PersonTable t, int a, int b)
    {
        int x = t.PostcodeUnit[a], y = t.PostcodeUnit[b];
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        if (StringDistance.WithinOneEdit(t.Postcodes[x], t.Postcodes[y]))
        {
            return 2;
        }
        if (t.PostcodeSector[a] == t.PostcodeSector[b])
        {
            return 3;
        }
        if (StringDistance.DamerauLevenshtein(t.Postcodes[x], t.Postcodes[y], 2) <= 2)
        {
            return 4;
        }
        return t.PostcodeDistrict[a] == t.PostcodeDistrict[b] ? (byte)5 : (byte)6;
    }

    /// <summary>
    /// Address words weighted by rarity (inverse document frequency), so sharing "road" says little and sharing
    /// "tullaroop" says a lot; a word one keystroke from the other side's still counts.
    /// </summary>
    private static byte AddressLevel(PersonTable t, int a, int b)
    {
        var x = t.AddressOf(a);
        var y = t.AddressOf(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return 0;
        }
        double shared = 0, all = 0;
        Span<bool> used = stackalloc bool[y.Length];
        foreach (var word in x)
        {
            double weight = t.AddressWordWeight(word);
            all += weight;
            var found = y.IndexOf(word);
            if (found < 0)
            {
                var text = t.AddressWords[word];
                if (text.Length >= 4)
                {
                    for (var k = 0; k < y.Length; k++)
                    {
                        var other = t.AddressWords[y[k]];
                        if (!used[k] && other.Length >= 4 && (StringDistance.WithinOneEdit(text, other) || Scrambled(text, other)))
                        {
                            found = k;
                            break;
                        }
                    }
                }
            }
            if (found >= 0 && !used[found])
            {
                used[found] = true;
                shared += weight;
            }
        }
        for (var k = 0; k < y.Length; k++)
        {
            if (!used[k])
            {
                all += t.AddressWordWeight(y[k]);
            }
        }
        var similarity = all <= 0 ? 0 : shared / all;
        return similarity >= 0.75 ? (byte)1 : similarity >= 0.45 ? (byte)2 : similarity >= 0.15 ? (byte)3 : (byte)4;
    }

    private static byte PhoneLevel(long x, long y)
    {
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        var differing = 0;
        while ((x > 0 || y > 0) && differing <= 1)
        {
            if (x % 10 != y % 10)
            {
                differing++;
            }
            x /= 10;
            y /= 10;
        }
        return differing <= 1 ? (byte)2 : (byte)3;
    }

    private static byte EmailLevel(PersonTable t, int a, int b)
    {
        int x = t.Email[a], y = t.Email[b];
        if (x == 0 || y == 0)
        {
            return 0;
        }
        if (x == y)
        {
            return 1;
        }
        if (t.EmailLocal[a] == t.EmailLocal[b] || StringDistance.WithinOneEdit(t.Emails[x], t.Emails[y]))
        {
            return 2;
        }
        var ex = t.Emails[x];
        var ey = t.Emails[y];
        return Math.Min(ex.Length, ey.Length) >= 10 && StringDistance.DamerauLevenshtein(ex, ey, 2) <= 2 ? (byte)3 : (byte)4;
    }

    /// <summary>The same letters, or all but two, in another order: a word keyed in a hurry ("Birgmhniam").</summary>
    private static bool Scrambled(string x, string y) =>
        Math.Min(x.Length, y.Length) >= 5 && Math.Abs(x.Length - y.Length) <= 1 && x[0] == y[0] && StringDistance.LettersApart(x, y) <= 2;
}
