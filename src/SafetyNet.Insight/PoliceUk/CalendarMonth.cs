using System.Globalization;

namespace SafetyNet.Insight.PoliceUk;

/// <summary>A month as police.uk publishes it (<c>YYYY-MM</c>, no day); <see cref="Index"/> counts months from year 0.</summary>
public readonly record struct CalendarMonth(int Year, int Month) : IComparable<CalendarMonth>
{
    public int Index => Year * 12 + Month - 1;

    public static CalendarMonth FromIndex(int index) => new(index / 12, index % 12 + 1);

    public CalendarMonth AddMonths(int months) => FromIndex(Index + months);

    public int CompareTo(CalendarMonth other) => Index.CompareTo(other.Index);

    public static bool operator <(CalendarMonth a, CalendarMonth b) => a.Index < b.Index;
    public static bool operator >(CalendarMonth a, CalendarMonth b) => a.Index > b.Index;
    public static bool operator <=(CalendarMonth a, CalendarMonth b) => a.Index <= b.Index;
    public static bool operator >=(CalendarMonth a, CalendarMonth b) => a.Index >= b.Index;

    public static bool TryParse(ReadOnlySpan<char> text, out CalendarMonth month)
    {
        month = default;
        if (text.Length != 7 || text[4] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || m is < 1 or > 12 || year < 1)
        {
            return false;
        }
        month = new CalendarMonth(year, m);
        return true;
    }

    public static CalendarMonth Parse(string text) =>
        TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month (YYYY-MM)");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");
}
