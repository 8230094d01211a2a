using System.Text;

namespace SafetyNet.Matching;

/// <summary>A person file that cannot be read: the message names the file and the row.</summary>
public sealed class PersonFileException(string message) : Exception(message);

/// <summary>What was read from a person file, with the rows counted.</summary>
public sealed record PersonFile(string Name, List<PersonEntry> Entries, IReadOnlyList<string> RecognisedColumns);

/// <summary>
/// Reads and writes person CSV files (RFC 4180: quoted fields with embedded commas, quotes and line breaks; a byte
/// order mark; CRLF or LF; no final line break). Columns are found by header name, in any order, any subset.
/// </summary>
public static class PersonCsv
{
    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("id", ["id", "unique_id", "rec_id", "record_id"]),
        ("first_name", ["first_name", "given_name", "forename", "firstname", "givenname"]),
        ("middle_name", ["middle_name", "middle_names", "middlename"]),
        ("last_name", ["last_name", "surname", "family_name", "lastname", "familyname"]),
        ("date_of_birth", ["date_of_birth", "dob", "birth_date"]),
        ("sex", ["sex", "gender"]),
        ("address", ["address", "city", "town", "suburb", "locality", "place", "birth_place"]),
        ("postcode", ["postcode", "post_code", "postal_code", "zip", "zipcode", "zip_code", "postcode_fake"]),
        ("phone", ["phone", "telephone", "phone_number", "mobile"]),
        ("email", ["email", "email_address"]),
    ];

    public static PersonFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PersonFileException($"{path}: no such file");
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
        return Read(reader, path);
    }

    public static PersonFile Read(TextReader reader, string name)
    {
        var csv = new CsvReader(reader);
        var header = csv.ReadRow();
        if (header is null)
        {
            throw new PersonFileException($"{name}: the file is empty (a header row is needed)");
        }
        if (header.Count > 0 && header[0].Length > 0 && header[0][0] == '\uFEFF')
        {
            header[0] = header[0][1..];
        }
        // When a file has two names for one column ("address" and "city"), the name listed first wins.
        var index = new int[Columns.Length];
        var rank = new int[Columns.Length];
        Array.Fill(index, -1);
        Array.Fill(rank, int.MaxValue);
        for (var c = 0; c < header.Count; c++)
        {
            var column = header[c].Trim().ToLowerInvariant().Replace(' ', '_');
            for (var k = 0; k < Columns.Length; k++)
            {
                var at = Array.IndexOf(Columns[k].Names, column);
                if (at >= 0 && at < rank[k])
                {
                    index[k] = c;
                    rank[k] = at;
                }
            }
        }
        var recognised = new List<string>();
        for (var k = 0; k < Columns.Length; k++)
        {
            if (index[k] >= 0)
            {
                recognised.Add(Columns[k].Column);
            }
        }
        if (index[0] < 0)
        {
            throw new PersonFileException($"{name}: the header has no 'id' column");
        }
        var entries = new List<PersonEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var row = 1;
        while (csv.ReadRow() is { } fields)
        {
            row++;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }
            if (fields.Count > header.Count)
            {
                throw new PersonFileException($"{name}: row {row} (line {csv.RowStartLine}) has {fields.Count} fields but the header has {header.Count}");
            }
            var id = Field(fields, index[0]);
            if (id is null)
            {
                throw new PersonFileException($"{name}: row {row} (line {csv.RowStartLine}) has no id");
            }
            if (!seen.Add(id))
            {
                throw new PersonFileException($"{name}: row {row} (line {csv.RowStartLine}) repeats id '{id}'");
            }
            entries.Add(new PersonEntry(
                id,
                Field(fields, index[1]),
                Field(fields, index[2]),
                Field(fields, index[3]),
                Field(fields, index[4]),
                Field(fields, index[5]),
                Field(fields, index[6]),
                Field(fields, index[7]),
                Field(fields, index[8]),
                Field(fields, index[9])));
        }
        if (csv.UnclosedQuoteLine > 0)
        {
            throw new PersonFileException($"{name}: row {row} (line {csv.UnclosedQuoteLine}) opens a quote that never closes");
        }
        return new PersonFile(name, entries, recognised);
    }

    private static string? Field(List<string> fields, int index)
    {
        if (index < 0 || index >= fields.Count)
        {
            return null;
        }
        var value = fields[index].Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>A field quoted only when it must be.</summary>
    public static string Escape(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A small RFC 4180 reader that keeps count of lines for error messages.</summary>
    private sealed class CsvReader(TextReader reader)
    {
        private readonly char[] _buffer = new char[1 << 16];
        private readonly StringBuilder _field = new(64);
        private int _position;
        private int _length;
        private int _line = 1;

        public int RowStartLine { get; private set; }
        public int UnclosedQuoteLine { get; private set; }

        private int Next()
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length <= 0)
                {
                    _length = 0;
                    return -1;
                }
            }
            return _buffer[_position++];
        }

        private int Peek()
        {
            if (_position == _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_length <= 0)
                {
                    _length = 0;
                    return -1;
                }
            }
            return _buffer[_position];
        }

        public List<string>? ReadRow()
        {
            RowStartLine = _line;
            var c = Next();
            if (c < 0)
            {
                return null;
            }
            var fields = new List<string>(12);
            _field.Clear();
            var quoted = false;
            var quoteOpenedLine = 0;
            while (true)
            {
                if (quoted)
                {
                    if (c < 0)
                    {
                        UnclosedQuoteLine = quoteOpenedLine;
                        fields.Add(_field.ToString());
                        return fields;
                    }
                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Next();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            _line++;
                        }
                        _field.Append((char)c);
                    }
                }
                else if (c is '\n' or -1)
                {
                    if (c == '\n')
                    {
                        _line++;
                    }
                    fields.Add(_field.ToString());
                    return fields;
                }
                else if (c == '\r')
                {
                    if (Peek() == '\n')
                    {
                        Next();
                    }
                    _line++;
                    fields.Add(_field.ToString());
                    return fields;
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (c == '"' && IsBlank(_field))
                {
                    // A quote may follow spaces after a comma ("a, "b""), as some exporters write.
                    _field.Clear();
                    quoted = true;
                    quoteOpenedLine = _line;
                }
                else
                {
                    _field.Append((char)c);
                }
                c = Next();
            }
        }

        private static bool IsBlank(StringBuilder field)
        {
            for (var i = 0; i < field.Length; i++)
            {
                if (field[i] != ' ')
                {
                    return false;
                }
            }
            return true;
        }
    }
}
