using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SafetyNet.Insight.PoliceUk;

/// <summary>A street-level crime or ASB incident. Coordinates are NaN where police.uk gives none.</summary>
public sealed record StreetCrime(
    string? CrimeId,
    CalendarMonth Month,
    string ReportedBy,
    string FallsWithin,
    double Longitude,
    double Latitude,
    string Location,
    string LsoaCode,
    string LsoaName,
    string CrimeType,
    string LastOutcome,
    string Context)
{
    public bool HasLocation => !double.IsNaN(Longitude) && !double.IsNaN(Latitude);

    /// <summary>ASB rows are incidents, not crimes: police.uk gives them no Crime ID.</summary>
    public bool IsAntiSocialBehaviour => CrimeType == PoliceUkArchive.AntiSocialBehaviour;
}

/// <summary>An outcome row; <see cref="Month"/> is the month of the outcome, not of the crime.</summary>
public sealed record CrimeOutcome(
    string CrimeId,
    CalendarMonth Month,
    string ReportedBy,
    string FallsWithin,
    double Longitude,
    double Latitude,
    string Location,
    string LsoaCode,
    string LsoaName,
    string OutcomeType);

/// <summary>A stop-and-search row (the file is published for most forces, not all).</summary>
public sealed record StopAndSearch(
    string Type,
    DateTimeOffset? Date,
    double Longitude,
    double Latitude,
    string Gender,
    string AgeRange,
    string SelfDefinedEthnicity,
    string OfficerDefinedEthnicity,
    string Legislation,
    string ObjectOfSearch,
    string Outcome);

/// <summary>Which of the archive's files to read.</summary>
[Flags]
public enum PoliceUkFiles
{
    Street = 1,
    Outcomes = 2,
    StopAndSearch = 4,
    All = Street | Outcomes | StopAndSearch,
}

public sealed record PoliceUkData(StreetCrime[] Street, CrimeOutcome[] Outcomes, StopAndSearch[] StopAndSearches);

/// <summary>
/// Reads the police.uk archive layout — <c>YYYY-MM/YYYY-MM-&lt;force&gt;-street.csv</c>, <c>-outcomes.csv</c> and
/// <c>-stop-and-search.csv</c> — from zips, folders or single CSV files. Files are recognised by their header,
/// columns are found by name, and files are parsed in parallel with repeated values shared.
/// </summary>
public static class PoliceUkArchive
{
    public const string AntiSocialBehaviour = "Anti-social behaviour";

    private enum FileKind
    {
        Unknown,
        Street,
        Outcomes,
        StopAndSearch,
    }

    private sealed record Source(string Path, string? Entry)
    {
        public string Name => Entry ?? Path;
    }

    private sealed class FileResult
    {
        public List<StreetCrime>? Street;
        public List<CrimeOutcome>? Outcomes;
        public List<StopAndSearch>? Searches;
    }

    /// <param name="paths">Zip files, folders (searched recursively) or CSV files.</param>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    /// <exception cref="FormatException">A file is not a police.uk CSV, or a row cannot be read; the message names it.</exception>
    public static PoliceUkData Read(IEnumerable<string> paths, PoliceUkFiles files = PoliceUkFiles.All)
    {
        var sources = new List<Source>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
                    {
                        sources.Add(new Source(file, null));
                    }
                    else if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                    {
                        AddZip(file, sources);
                    }
                }
            }
            else if (File.Exists(path))
            {
                if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    AddZip(path, sources);
                }
                else
                {
                    sources.Add(new Source(path, null));
                }
            }
            else
            {
                throw new FileNotFoundException($"{path} does not exist", path);
            }
        }
        // Files named as police.uk names them are skipped unread when unwanted (outcomes are nearly half the bytes);
        // any other CSV is opened and recognised by its header.
        sources.RemoveAll(source => !Wanted(source.Name, files));
        // Month folders and file names sort by month, so results come out in time order whatever the input order.
        sources.Sort((a, b) => string.CompareOrdinal(System.IO.Path.GetFileName(a.Name), System.IO.Path.GetFileName(b.Name)));

        var results = new FileResult[sources.Count];
        try
        {
            Parallel.For(0, sources.Count, i => results[i] = ReadOne(sources[i]));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            // Callers expect the file's own error (which names the file), not the parallel wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }

        int streetCount = 0, outcomeCount = 0, searchCount = 0;
        foreach (var result in results)
        {
            streetCount += result.Street?.Count ?? 0;
            outcomeCount += result.Outcomes?.Count ?? 0;
            searchCount += result.Searches?.Count ?? 0;
        }
        var street = new StreetCrime[streetCount];
        var outcomes = new CrimeOutcome[outcomeCount];
        var searches = new StopAndSearch[searchCount];
        int s = 0, o = 0, q = 0;
        foreach (var result in results)
        {
            result.Street?.CopyTo(street, s);
            s += result.Street?.Count ?? 0;
            result.Outcomes?.CopyTo(outcomes, o);
            o += result.Outcomes?.Count ?? 0;
            result.Searches?.CopyTo(searches, q);
            q += result.Searches?.Count ?? 0;
        }
        return new PoliceUkData(street, outcomes, searches);
    }

    private static bool Wanted(string name, PoliceUkFiles files) =>
        name.EndsWith("-street.csv", StringComparison.OrdinalIgnoreCase) ? files.HasFlag(PoliceUkFiles.Street)
        : name.EndsWith("-outcomes.csv", StringComparison.OrdinalIgnoreCase) ? files.HasFlag(PoliceUkFiles.Outcomes)
        : !name.EndsWith("-stop-and-search.csv", StringComparison.OrdinalIgnoreCase) || files.HasFlag(PoliceUkFiles.StopAndSearch);

    private static void AddZip(string path, List<Source> sources)
    {
        using var zip = ZipFile.OpenRead(path);
        foreach (var entry in zip.Entries)
        {
            if (entry.FullName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                sources.Add(new Source(path, entry.FullName));
            }
        }
    }

    /// <summary>The file's bytes in a pooled buffer (return it with <see cref="ArrayPool{T}"/>), without a BOM.</summary>
    private static (byte[] Buffer, int Start, int Length) LoadBytes(Source source)
    {
        byte[] buffer;
        int length;
        if (source.Entry is null)
        {
            using var file = File.OpenRead(source.Path);
            length = checked((int)file.Length);
            buffer = ArrayPool<byte>.Shared.Rent(length);
            file.ReadExactly(buffer, 0, length);
        }
        else
        {
            // Each worker opens the zip itself: entries of one ZipArchive cannot be inflated concurrently.
            using var zip = ZipFile.OpenRead(source.Path);
            var entry = zip.GetEntry(source.Entry) ?? throw new FileNotFoundException($"{source.Entry} vanished from {source.Path}");
            length = checked((int)entry.Length);
            buffer = ArrayPool<byte>.Shared.Rent(length);
            using var stream = entry.Open();
            stream.ReadExactly(buffer, 0, length);
        }
        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        return (buffer, start, length - start);
    }

    private static FileResult ReadOne(Source source)
    {
        var (buffer, start, length) = LoadBytes(source);
        try
        {
            return Parse(source, buffer.AsSpan(start, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileResult Parse(Source source, ReadOnlySpan<byte> text)
    {
        var csv = new CsvFields(text);
        Span<Range> fields = stackalloc Range[32];
        var unescaped = new string?[32];
        var result = new FileResult();
        if (csv.AtEnd)
        {
            return result;
        }
        var headerCount = Math.Min(csv.ReadRecord(fields, unescaped), fields.Length);
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headerCount; i++)
        {
            columns.TryAdd(Encoding.UTF8.GetString(text[fields[i]]).Trim(), i);
        }
        var kind = columns.ContainsKey("Crime type") ? FileKind.Street
            : columns.ContainsKey("Outcome type") ? FileKind.Outcomes
            : columns.ContainsKey("Object of search") ? FileKind.StopAndSearch
            : FileKind.Unknown;
        if (kind == FileKind.Unknown)
        {
            if (source.Entry is null && !IsInArchiveFolder(source.Path))
            {
                throw new FormatException($"{source.Name} is not a police.uk street, outcomes or stop-and-search CSV");
            }
            return result;
        }

        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var row = new RowReader(text, fields, unescaped, columns, lookup, source.Name, new char[512]);
        var line = 1;
        switch (kind)
        {
            case FileKind.Street:
                result.Street = new List<StreetCrime>(text.Length / 180);
                var crimeId = row.Column("Crime ID", required: false);
                var month = row.Column("Month");
                var reportedBy = row.Column("Reported by", required: false);
                var fallsWithin = row.Column("Falls within", required: false);
                var longitude = row.Column("Longitude");
                var latitude = row.Column("Latitude");
                var location = row.Column("Location", required: false);
                var lsoaCode = row.Column("LSOA code");
                var lsoaName = row.Column("LSOA name");
                var crimeType = row.Column("Crime type");
                var lastOutcome = row.Column("Last outcome category", required: false);
                var context = row.Column("Context", required: false);
                while (!csv.AtEnd)
                {
                    line++;
                    row.Count = csv.ReadRecord(fields, unescaped);
                    if (row.IsBlank)
                    {
                        continue;
                    }
                    var id = row.Shared(crimeId);
                    result.Street.Add(new StreetCrime(
                        id.Length == 0 ? null : row.Unique(crimeId),
                        row.Month(month, line),
                        row.Shared(reportedBy),
                        row.Shared(fallsWithin),
                        row.Coordinate(longitude, line),
                        row.Coordinate(latitude, line),
                        row.Shared(location),
                        row.Shared(lsoaCode),
                        row.Shared(lsoaName),
                        row.Shared(crimeType),
                        row.Shared(lastOutcome),
                        row.Shared(context)));
                }
                break;
            case FileKind.Outcomes:
                result.Outcomes = new List<CrimeOutcome>(text.Length / 180);
                var outcomeId = row.Column("Crime ID");
                var outcomeMonth = row.Column("Month");
                var outcomeReportedBy = row.Column("Reported by", required: false);
                var outcomeFallsWithin = row.Column("Falls within", required: false);
                var outcomeLongitude = row.Column("Longitude", required: false);
                var outcomeLatitude = row.Column("Latitude", required: false);
                var outcomeLocation = row.Column("Location", required: false);
                var outcomeLsoaCode = row.Column("LSOA code", required: false);
                var outcomeLsoaName = row.Column("LSOA name", required: false);
                var outcomeType = row.Column("Outcome type");
                while (!csv.AtEnd)
                {
                    line++;
                    row.Count = csv.ReadRecord(fields, unescaped);
                    if (row.IsBlank)
                    {
                        continue;
                    }
                    result.Outcomes.Add(new CrimeOutcome(
                        row.Unique(outcomeId),
                        row.Month(outcomeMonth, line),
                        row.Shared(outcomeReportedBy),
                        row.Shared(outcomeFallsWithin),
                        row.Coordinate(outcomeLongitude, line),
                        row.Coordinate(outcomeLatitude, line),
                        row.Shared(outcomeLocation),
                        row.Shared(outcomeLsoaCode),
                        row.Shared(outcomeLsoaName),
                        row.Shared(outcomeType)));
                }
                break;
            case FileKind.StopAndSearch:
                result.Searches = [];
                var type = row.Column("Type", required: false);
                var date = row.Column("Date", required: false);
                var searchLongitude = row.Column("Longitude", required: false);
                var searchLatitude = row.Column("Latitude", required: false);
                var gender = row.Column("Gender", required: false);
                var ageRange = row.Column("Age range", required: false);
                var selfDefined = row.Column("Self-defined ethnicity", required: false);
                var officerDefined = row.Column("Officer-defined ethnicity", required: false);
                var legislation = row.Column("Legislation", required: false);
                var objectOfSearch = row.Column("Object of search");
                var searchOutcome = row.Column("Outcome", required: false);
                while (!csv.AtEnd)
                {
                    line++;
                    row.Count = csv.ReadRecord(fields, unescaped);
                    if (row.IsBlank)
                    {
                        continue;
                    }
                    var dateText = row.Shared(date);
                    result.Searches.Add(new StopAndSearch(
                        row.Shared(type),
                        DateTimeOffset.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when) ? when : null,
                        row.Coordinate(searchLongitude, line),
                        row.Coordinate(searchLatitude, line),
                        row.Shared(gender),
                        row.Shared(ageRange),
                        row.Shared(selfDefined),
                        row.Shared(officerDefined),
                        row.Shared(legislation),
                        row.Shared(objectOfSearch),
                        row.Shared(searchOutcome)));
                }
                break;
        }
        return result;
    }

    private static bool IsInArchiveFolder(string path) =>
        CalendarMonth.TryParse(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path)), out _);

    /// <summary>Field access for the current record, by column index (-1 when a column is absent).</summary>
    private ref struct RowReader(
        ReadOnlySpan<byte> text,
        Span<Range> fields,
        string?[] unescaped,
        Dictionary<string, int> columns,
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool,
        string name,
        char[] chars)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private readonly Span<Range> _fields = fields;
        public int Count;

        public readonly bool IsBlank => Count == 1 && IsWhiteSpace(_text[_fields[0]]);

        public readonly int Column(string header, bool required = true) =>
            columns.TryGetValue(header, out var index) && index < _fields.Length ? index
            : required ? throw new FormatException($"{name} has no '{header}' column")
            : -1;

        private readonly ReadOnlySpan<byte> Field(int column) => column < 0 || column >= Count ? default : _text[_fields[column]];

        /// <summary>A value that repeats across rows (type, LSOA, outcome): decoded into scratch, one string per distinct value.</summary>
        public readonly string Shared(int column)
        {
            if (column >= 0 && column < Count && unescaped[column] is { } copy)
            {
                return copy;
            }
            var bytes = Field(column);
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }
            if (bytes.Length > chars.Length)
            {
                return Encoding.UTF8.GetString(bytes);
            }
            var span = chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, chars));
            if (pool.TryGetValue(span, out var existing))
            {
                return existing;
            }
            var value = span.ToString();
            pool[span] = value;
            return value;
        }

        /// <summary>A value unique to the row (the Crime ID): not worth pooling.</summary>
        public readonly string Unique(int column) =>
            column >= 0 && column < Count && unescaped[column] is { } copy ? copy : Encoding.UTF8.GetString(Field(column));

        public readonly double Coordinate(int column, int line)
        {
            var bytes = Field(column);
            if (bytes.IsEmpty)
            {
                return double.NaN;
            }
            return double.TryParse(bytes, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new FormatException($"{name} line {line}: '{Encoding.UTF8.GetString(bytes)}' is not a coordinate");
        }

        public readonly CalendarMonth Month(int column, int line)
        {
            var bytes = Field(column);
            // YYYY-MM in ASCII digits; anything else is refused with the text shown.
            if (bytes.Length == 7 && bytes[4] == (byte)'-' && AllDigits(bytes[..4]) && AllDigits(bytes[5..]))
            {
                var year = (bytes[0] - '0') * 1000 + (bytes[1] - '0') * 100 + (bytes[2] - '0') * 10 + (bytes[3] - '0');
                var month = (bytes[5] - '0') * 10 + (bytes[6] - '0');
                if (year > 0 && month is >= 1 and <= 12)
                {
                    return new CalendarMonth(year, month);
                }
            }
            throw new FormatException($"{name} line {line}: '{Encoding.UTF8.GetString(bytes)}' is not a month (YYYY-MM)");
        }

        private static bool AllDigits(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    return false;
                }
            }
            return true;
        }

        private static bool IsWhiteSpace(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
            return true;
        }
    }
}
