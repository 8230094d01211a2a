using System.Globalization;

namespace SafetyNet.Insight.NearRepeat;

/// <summary>
/// Reads events as the Near Repeat Calculator takes them: <c>x, y, date</c> per line (metres, ISO date),
/// with or without a header line. A time of day after the date is ignored: differences are whole days.
/// </summary>
public static class NearRepeatEvents
{
    public static SpaceTimeEvent[] Read(TextReader reader)
    {
        var events = new List<SpaceTimeEvent>();
        var lineNumber = 0;
        var seenContent = false;
        Span<Range> parts = stackalloc Range[4];
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.AsSpan().Trim();
            if (text.IsEmpty)
            {
                continue;
            }
            if (lineNumber == 1 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }
            var count = text.Split(parts, ',');
            if (count < 3)
            {
                throw new FormatException($"line {lineNumber}: expected x, y, date");
            }
            var xText = Unquote(text[parts[0]]);
            var yText = Unquote(text[parts[1]]);
            var dateText = Unquote(text[parts[2]]);
            var numeric = double.TryParse(xText, NumberStyles.Float, CultureInfo.InvariantCulture, out var x);
            if (!numeric && !seenContent)
            {
                seenContent = true;
                continue; // a header line
            }
            seenContent = true;
            if (!numeric || !double.IsFinite(x))
            {
                throw new FormatException($"line {lineNumber}: x '{xText}' is not a number");
            }
            if (!double.TryParse(yText, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) || !double.IsFinite(y))
            {
                throw new FormatException($"line {lineNumber}: y '{yText}' is not a number");
            }
            events.Add(new SpaceTimeEvent(x, y, ParseDay(dateText, lineNumber)));
        }
        return events.ToArray();
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1] : field;
    }

    private static int ParseDay(ReadOnlySpan<char> text, int lineNumber)
    {
        var datePart = text.Length > 10 && (text[10] == 'T' || text[10] == ' ') ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.DayNumber
            : throw new FormatException($"line {lineNumber}: date '{text}' is not an ISO date (yyyy-mm-dd)");
    }
}
