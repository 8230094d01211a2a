using System.Text;

namespace SafetyNet.Insight.PoliceUk;

/// <summary>
/// Splits UTF-8 CSV (RFC 4180: quoted fields, doubled quotes, CR LF or LF) into records without decoding or
/// allocating per field; quoted fields with doubled quotes are the only ones copied.
/// </summary>
internal ref struct CsvFields(ReadOnlySpan<byte> text)
{
    private readonly ReadOnlySpan<byte> _text = text;
    private int _position;

    public readonly bool AtEnd => _position >= _text.Length;

    /// <summary>Reads one record into <paramref name="fields"/> (ranges into the text) and returns how many
    /// fields it had; fields past the buffer are skipped. Quoted fields come back without their quotes, and
    /// <paramref name="unescaped"/> receives the few that held doubled quotes.</summary>
    public int ReadRecord(scoped Span<Range> fields, scoped Span<string?> unescaped)
    {
        var count = 0;
        var text = _text;
        while (true)
        {
            if (count < unescaped.Length)
            {
                unescaped[count] = null;
            }
            int start, end;
            if (_position < text.Length && text[_position] == (byte)'"')
            {
                start = _position + 1;
                var i = start;
                var doubled = false;
                while (true)
                {
                    var next = text[i..].IndexOf((byte)'"');
                    if (next < 0)
                    {
                        throw new FormatException("a quoted field is not closed");
                    }
                    i += next;
                    if (i + 1 < text.Length && text[i + 1] == (byte)'"')
                    {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                end = i;
                _position = i + 1;
                if (doubled && count < unescaped.Length)
                {
                    unescaped[count] = Encoding.UTF8.GetString(text[start..end]).Replace("\"\"", "\"", StringComparison.Ordinal);
                }
            }
            else
            {
                start = _position;
                var rest = text[start..];
                var stop = rest.IndexOfAny((byte)',', (byte)'\n', (byte)'\r');
                end = stop < 0 ? text.Length : start + stop;
                _position = end;
            }
            if (count < fields.Length)
            {
                fields[count] = start..end;
            }
            count++;
            if (_position >= text.Length)
            {
                return count;
            }
            var separator = text[_position];
            if (separator == (byte)',')
            {
                _position++;
                continue;
            }
            if (separator == (byte)'\r')
            {
                _position++;
            }
            if (_position < text.Length && text[_position] == (byte)'\n')
            {
                _position++;
            }
            return count;
        }
    }
}
