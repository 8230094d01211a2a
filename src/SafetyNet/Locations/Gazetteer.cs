using System.Globalization;
using System.IO.Compression;
using System.Text;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Locations;

/// <summary>A street or place on police.uk's anonymised map, with its LSOA and district.</summary>
public sealed record GazetteerPlace(string Street, string LsoaCode, string LsoaName, string District, double Latitude, double Longitude, int Reports);

/// <summary>
/// The streets and places of Hertfordshire as police.uk publishes them ("On or near Holywell Hill"), built once
/// from the open data into a compact file shipped with the application, so street search needs no network.
/// Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public sealed class Gazetteer
{
    public const string ResourceName = "SafetyNet.Locations.gazetteer.csv.gz";
    private const string Header = "street,lsoa_code,lsoa_name,district,latitude,longitude,reports";

    private readonly GazetteerPlace[] _places;

    public Gazetteer(IEnumerable<GazetteerPlace> places) => _places = places.ToArray();

    public IReadOnlyList<GazetteerPlace> Places => _places;

    public static Gazetteer Load()
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The gazetteer resource {ResourceName} is missing from the build.");
        return Read(stream);
    }

    public static Gazetteer Read(Stream compressed)
    {
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var places = new List<GazetteerPlace>();
        if (reader.ReadLine() != Header)
        {
            throw new InvalidDataException("The gazetteer file does not start with its header.");
        }
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            places.Add(new GazetteerPlace(f[0], f[1], f[2], f[3], double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture), int.Parse(f[6], CultureInfo.InvariantCulture)));
        }
        return new Gazetteer(places);
    }

    /// <summary>Builds the gazetteer from police.uk street files: one place per street and LSOA, at the mean of its points.</summary>
    public static Gazetteer Build(PoliceUkData data)
    {
        var groups = new Dictionary<(string Street, string Lsoa), (string LsoaName, string District, double Lat, double Lon, int Count)>();
        foreach (var row in data.Street)
        {
            if (!row.HasLocation || Hertfordshire.DistrictOf(row.LsoaName) is not { } district)
            {
                continue;
            }
            var street = StreetOf(row.Location);
            if (street.Length == 0)
            {
                continue;
            }
            var key = (street, row.LsoaCode);
            groups[key] = groups.TryGetValue(key, out var g)
                ? (g.LsoaName, g.District, g.Lat + row.Latitude, g.Lon + row.Longitude, g.Count + 1)
                : (row.LsoaName, district, row.Latitude, row.Longitude, 1);
        }
        return new Gazetteer(groups
            .Select(g => new GazetteerPlace(g.Key.Street, g.Key.Lsoa, g.Value.LsoaName, g.Value.District,
                Math.Round(g.Value.Lat / g.Value.Count, 6), Math.Round(g.Value.Lon / g.Value.Count, 6), g.Value.Count))
            .OrderBy(p => p.District, StringComparer.Ordinal).ThenBy(p => p.Street, StringComparer.Ordinal).ThenBy(p => p.LsoaCode, StringComparer.Ordinal));
    }

    public void Write(Stream output)
    {
        using var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(Header);
        foreach (var p in _places)
        {
            writer.WriteLine(string.Join('\t', p.Street, p.LsoaCode, p.LsoaName, p.District,
                p.Latitude.ToString("0.######", CultureInfo.InvariantCulture), p.Longitude.ToString("0.######", CultureInfo.InvariantCulture),
                p.Reports.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>"On or near Holywell Hill" → "Holywell Hill".</summary>
    public static string StreetOf(string location)
    {
        const string prefix = "On or near ";
        var text = location.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? location[prefix.Length..] : location;
        return text.Trim();
    }

    /// <summary>Streets whose name starts with, then contains, the words typed; busiest first.</summary>
    public IReadOnlyList<GazetteerPlace> Search(string? text, string? district = null, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
        {
            return [];
        }
        var query = text.Trim();
        var matches = new List<(int Rank, GazetteerPlace Place)>();
        foreach (var place in _places)
        {
            if (district is not null && !string.Equals(place.District, district, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (place.Street.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add((0, place));
            }
            else if (place.Street.Contains(query, StringComparison.OrdinalIgnoreCase) || $"{place.Street}, {place.District}".Contains(query, StringComparison.OrdinalIgnoreCase))
            {
                matches.Add((1, place));
            }
        }
        return matches.OrderBy(m => m.Rank).ThenByDescending(m => m.Place.Reports).ThenBy(m => m.Place.Street, StringComparer.Ordinal)
            .Take(limit).Select(m => m.Place).ToList();
    }
}
