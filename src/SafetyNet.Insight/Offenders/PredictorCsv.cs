using System.Buffers.Text;
using System.Text;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Insight.Offenders;

/// <summary>A case file that cannot be read at all (no header, a required column missing, a quote never closed).</summary>
public sealed class PredictorFileException(string message) : Exception(message);

/// <summary>What a run did: every row read was written, scored or with its problem.</summary>
public sealed record PredictorFileSummary(long Rows, long ArpScored, long VrpScored, long SvrpScored, long RowsWithProblems);

/// <summary>
/// Scores a CSV file of cases with the three static predictors, row by row, as the command line runs it. Input columns
/// are found by name in any order (others are ignored); each input row gives one output row in the same order, with
/// empty values and the reasons in <c>problem</c> for whatever cannot be scored. The file is streamed: memory stays
/// at a buffer or two however long it is.
/// </summary>
public static class PredictorCsv
{
    public const string OutputHeader = "id,arp_static_percent,arp_band,vrp_static_percent,vrp_band,svrp_static_percent,svrp_band,problem";

    private const string FollowUpColumn = "follow_up_start";
    private const int MaxRecordBytes = 16 << 20;

    // The order of the columns here is the order of the indexes below.
    private static readonly string[] Columns =
        ["id", "sex", "date_of_birth", "assessment_date", "conviction_date", FollowUpColumn, "offence_code", "total_sanctions", "violent_sanctions", "age_at_first_sanction"];

    private const int Id = 0, SexColumn = 1, Birth = 2, Assessment = 3, Conviction = 4, FollowUp = 5, Offence = 6, Total = 7, Violent = 8, FirstAge = 9;

    private static readonly byte[][] BandNames = [.. new[] { "LOW", "MEDIUM", "HIGH", "VERY_HIGH" }.Select(Encoding.ASCII.GetBytes)];

    /// <summary>Reads cases from <paramref name="input"/> and writes scores to <paramref name="output"/>.</summary>
    /// <exception cref="PredictorFileException">The file has no header, lacks a required column, or cannot be parsed as CSV.</exception>
    public static PredictorFileSummary Score(Stream input, Stream output, OffenceActuarialMap? map = null)
    {
        map ??= OffenceActuarialMap.Ministry;
        var reader = new RecordReader(input);
        var writer = new Utf8Output(output);
        writer.Write(Encoding.ASCII.GetBytes(OutputHeader + "\n"));

        int[]? index = null;
        var width = 0;
        Range[] fields = [];
        string?[] unescaped = [];
        var row = new RowScorer(map);
        long rows = 0, arp = 0, vrp = 0, svrp = 0, problems = 0;

        while (reader.NextRegion() is { } region)
        {
            var text = region.Span;
            var csv = new CsvFields(text);
            while (!csv.AtEnd)
            {
                reader.Records++;
                int count;
                try
                {
                    if (index is null)
                    {
                        index = ReadHeader(ref csv, text);
                        width = index.Max() + 1;
                        fields = new Range[width];
                        unescaped = new string?[width];
                        continue;
                    }
                    count = csv.ReadRecord(fields, unescaped);
                }
                catch (FormatException error)
                {
                    throw new PredictorFileException($"row {reader.Records} (counting the header as row 1): {error.Message}");
                }
                if (count == 1 && fields[0].GetOffsetAndLength(text.Length).Length == 0)
                {
                    continue; // a blank line is no row
                }
                rows++;
                var result = row.Score(text, fields.AsSpan(0, Math.Min(count, width)), unescaped, index, writer);
                arp += result.Arp ? 1 : 0;
                vrp += result.Vrp ? 1 : 0;
                svrp += result.Svrp ? 1 : 0;
                problems += result.Problem ? 1 : 0;
            }
            reader.Consumed(region.Length);
        }
        if (index is null)
        {
            throw new PredictorFileException("the file is empty (a header row naming the columns is needed)");
        }
        writer.Flush();
        return new PredictorFileSummary(rows, arp, vrp, svrp, problems);
    }

    private static int[] ReadHeader(ref CsvFields csv, ReadOnlySpan<byte> header)
    {
        Span<Range> ranges = new Range[1024];
        var names = new string?[1024];
        var count = csv.ReadRecord(ranges, names);
        var index = new int[Columns.Length];
        Array.Fill(index, -1);
        for (var c = 0; c < Math.Min(count, ranges.Length); c++)
        {
            var name = (names[c] ?? Encoding.UTF8.GetString(header[ranges[c]])).Trim().ToLowerInvariant();
            var k = Array.IndexOf(Columns, name);
            if (k < 0)
            {
                continue;
            }
            if (index[k] >= 0)
            {
                throw new PredictorFileException($"the header names the column {name} twice");
            }
            index[k] = c;
        }
        var missing = Columns.Where((name, k) => index[k] < 0 && name != FollowUpColumn).ToArray();
        if (missing.Length > 0)
        {
            throw new PredictorFileException($"the header lacks {string.Join(", ", missing)} (needed: {string.Join(", ", Columns.Where(c => c != FollowUpColumn))}; {FollowUpColumn} is optional)");
        }
        return index;
    }

    /// <summary>Whether each predictor was scored and whether the row has a problem.</summary>
    private readonly record struct RowResult(bool Arp, bool Vrp, bool Svrp, bool Problem);

    /// <summary>Parses, scores and writes one row at a time; it keeps one text buffer for the rare row with a problem.</summary>
    private sealed class RowScorer(OffenceActuarialMap map)
    {
        private readonly StringBuilder _problem = new(256);

        public RowResult Score(ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, ReadOnlySpan<string?> unescaped, int[] index, Utf8Output writer)
        {
            _problem.Clear();

            var id = index[Id];
            if (id < fields.Length && unescaped[id] is { } quotedId)
            {
                writer.WriteEscaped(quotedId);
            }
            else
            {
                writer.WriteEscaped(id < fields.Length ? text[fields[id]] : default);
            }

            var sex = ParseSex(Field(text, fields, index[SexColumn]));
            var birth = ParseDate(Field(text, fields, index[Birth]), Columns[Birth]);
            var assessment = ParseDate(Field(text, fields, index[Assessment]), Columns[Assessment]);
            var conviction = ParseDate(Field(text, fields, index[Conviction]), Columns[Conviction]);
            var followUpText = index[FollowUp] < 0 ? default : Field(text, fields, index[FollowUp]);
            var followUp = followUpText.IsEmpty ? null : ParseDate(followUpText, FollowUpColumn);
            var offenceText = Field(text, fields, index[Offence]);
            var total = ParseWhole(Field(text, fields, index[Total]), Columns[Total]);
            var firstAge = ParseWhole(Field(text, fields, index[FirstAge]), Columns[FirstAge]);
            if (offenceText.IsEmpty)
            {
                Problem("offence_code is empty");
            }
            var inputProblem = _problem.Length > 0;
            var violentText = Field(text, fields, index[Violent]);
            var violent = ParseWhole(violentText, Columns[Violent], "VRP and SVRP: ");
            var violentProblem = violent is null;
            if (inputProblem)
            {
                writer.Write(",,,,,,,"u8);
                writer.WriteEscaped(_problem.ToString());
                writer.NewLine();
                return new RowResult(false, false, false, true);
            }

            map.TryFind(offenceText, out var category, out _);
            var factors = new StaticRiskFactors(sex!.Value, birth!.Value, assessment!.Value, conviction!.Value, followUp, category, total!.Value, violent ?? 0, firstAge!.Value);
            var predictions = StaticReoffendingPredictors.Score(factors);
            var arp = predictions.Arp.Scored;
            var vrp = predictions.Vrp.Scored && !violentProblem;
            var svrp = predictions.Svrp.Scored && !violentProblem;
            WriteScore(writer, predictions.Arp, arp);
            WriteScore(writer, predictions.Vrp, vrp);
            WriteScore(writer, predictions.Svrp, svrp);
            writer.WriteByte((byte)',');
            if (predictions.AllRefusals != PredictorRefusals.None)
            {
                if (_problem.Length > 0)
                {
                    _problem.Append("; ");
                }
                _problem.Append(StaticReoffendingPredictors.Explain(predictions, factors, Encoding.UTF8.GetString(offenceText)));
            }
            var problem = _problem.Length > 0;
            if (problem)
            {
                writer.WriteEscaped(_problem.ToString());
            }
            writer.NewLine();
            return new RowResult(arp, vrp, svrp, problem);
        }

        private static ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, ReadOnlySpan<Range> fields, int column) =>
            (uint)column < (uint)fields.Length ? text[fields[column]].Trim(" \t"u8) : default;

        private static void WriteScore(Utf8Output writer, PredictorScore score, bool scored)
        {
            writer.WriteByte((byte)',');
            if (scored)
            {
                writer.WriteHundredths(score.Hundredths);
                writer.WriteByte((byte)',');
                writer.Write(BandNames[(int)score.Band]);
            }
            else
            {
                writer.WriteByte((byte)',');
            }
        }

        private Sex? ParseSex(ReadOnlySpan<byte> value)
        {
            if (value.Length == 1 && (value[0] | 0x20) == 'm')
            {
                return Sex.Male;
            }
            if (value.Length == 1 && (value[0] | 0x20) == 'f')
            {
                return Sex.Female;
            }
            Problem(value.IsEmpty ? "sex is empty" : $"sex must be M or F (given '{Shown(value)}')");
            return null;
        }

        private DateOnly? ParseDate(ReadOnlySpan<byte> value, string column)
        {
            if (TryParseDate(value, out var date))
            {
                return date;
            }
            Problem(value.IsEmpty ? $"{column} is empty" : $"{column} '{Shown(value)}' is not a date (YYYY-MM-DD or DD/MM/YYYY)");
            return null;
        }

        private int? ParseWhole(ReadOnlySpan<byte> value, string column, string prefix = "")
        {
            if (Utf8Parser.TryParse(value, out int number, out var used) && used == value.Length)
            {
                return number;
            }
            Problem(value.IsEmpty ? $"{prefix}{column} is empty" : $"{prefix}{column} '{Shown(value)}' is not a whole number");
            return null;
        }

        private void Problem(string text)
        {
            if (_problem.Length > 0)
            {
                _problem.Append("; ");
            }
            _problem.Append(text);
        }

        private static string Shown(ReadOnlySpan<byte> value)
        {
            var text = Encoding.UTF8.GetString(value[..Math.Min(value.Length, 40)]);
            return value.Length > 40 ? text + "…" : text;
        }
    }

    /// <summary>YYYY-MM-DD, or DD/MM/YYYY as spreadsheets in the United Kingdom write it.</summary>
    public static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            year = Digits(text[..4]);
            month = Digits(text[5..7]);
            day = Digits(text[8..]);
        }
        else if (text.Length == 10 && text[2] == '/' && text[5] == '/')
        {
            day = Digits(text[..2]);
            month = Digits(text[3..5]);
            year = Digits(text[6..]);
        }
        else
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var b in text)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /// <summary>
    /// Hands out regions of whole records from the input, a buffer at a time: a record cut by the end of the buffer
    /// waits for the next read, and a buffer too small for one record grows.
    /// </summary>
    private sealed class RecordReader(Stream input)
    {
        private byte[] _buffer = new byte[1 << 20];
        private int _start;
        private int _end;
        private bool _eof;
        private bool _first = true;

        public long Records { get; set; }

        public ReadOnlyMemory<byte>? NextRegion()
        {
            while (true)
            {
                var pending = _buffer.AsSpan(_start, _end - _start);
                var complete = _eof ? pending.Length : CompleteRecords(pending);
                if (complete > 0)
                {
                    return _buffer.AsMemory(_start, complete);
                }
                if (_eof)
                {
                    return null;
                }
                if (_start > 0)
                {
                    pending.CopyTo(_buffer);
                    _end -= _start;
                    _start = 0;
                }
                else if (_end == _buffer.Length)
                {
                    if (_buffer.Length >= MaxRecordBytes)
                    {
                        throw new PredictorFileException($"row {Records + 1} (counting the header as row 1) is longer than {MaxRecordBytes >> 20} MB (is the file CSV with line breaks?)");
                    }
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }
                var read = input.Read(_buffer, _end, _buffer.Length - _end);
                if (read == 0)
                {
                    _eof = true;
                }
                _end += read;
                if (_first && _end >= 3 || _eof)
                {
                    if (_first && _buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
                    {
                        _start = 3;
                    }
                    _first = false;
                }
            }
        }

        public void Consumed(int length) => _start += length;

        /// <summary>The length of the whole records at the start of <paramref name="text"/>: up to the last line break outside quotes.</summary>
        private static int CompleteRecords(ReadOnlySpan<byte> text)
        {
            if (text.IndexOf((byte)'"') < 0)
            {
                return text.LastIndexOf((byte)'\n') + 1;
            }
            var quoted = false;
            var last = 0;
            var position = 0;
            while (true)
            {
                var next = text[position..].IndexOfAny((byte)'"', (byte)'\n');
                if (next < 0)
                {
                    return last;
                }
                position += next;
                if (text[position] == '"')
                {
                    quoted = !quoted;
                }
                else if (!quoted)
                {
                    last = position + 1;
                }
                position++;
            }
        }
    }

    /// <summary>A buffered UTF-8 writer of output rows that formats numbers without allocating.</summary>
    private sealed class Utf8Output(Stream output)
    {
        private readonly byte[] _buffer = new byte[1 << 18];
        private int _length;

        public void Write(ReadOnlySpan<byte> bytes)
        {
            if (_length + bytes.Length > _buffer.Length)
            {
                Flush();
                if (bytes.Length > _buffer.Length)
                {
                    output.Write(bytes);
                    return;
                }
            }
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void WriteByte(byte b)
        {
            if (_length == _buffer.Length)
            {
                Flush();
            }
            _buffer[_length++] = b;
        }

        public void NewLine() => WriteByte((byte)'\n');

        /// <summary>0 to 9999 hundredths as a percentage with two decimals: 1366 → 13.66, 0 → 0.00.</summary>
        public void WriteHundredths(int hundredths)
        {
            if (_length + 8 > _buffer.Length)
            {
                Flush();
            }
            var span = _buffer.AsSpan(_length);
            Utf8Formatter.TryFormat(hundredths / 100, span, out var written);
            span[written] = (byte)'.';
            span[written + 1] = (byte)('0' + hundredths % 100 / 10);
            span[written + 2] = (byte)('0' + hundredths % 10);
            _length += written + 3;
        }

        /// <summary>A field quoted only when it must be.</summary>
        public void WriteEscaped(ReadOnlySpan<byte> value)
        {
            if (value.IndexOfAny(",\"\r\n"u8) < 0)
            {
                Write(value);
                return;
            }
            WriteByte((byte)'"');
            foreach (var b in value)
            {
                if (b == '"')
                {
                    WriteByte((byte)'"');
                }
                WriteByte(b);
            }
            WriteByte((byte)'"');
        }

        public void WriteEscaped(string value) => WriteEscaped(Encoding.UTF8.GetBytes(value));

        public void Flush()
        {
            output.Write(_buffer, 0, _length);
            _length = 0;
        }
    }
}
