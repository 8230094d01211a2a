using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Matching.Text;

namespace SafetyNet.Locations;

/// <summary>A street or place on police.uk's anonymised map, with its LSOA and district.</summary>
public sealed record GazetteerPlace(string Street, string LsoaCode, string LsoaName, string District, double Latitude, double Longitude, int Reports);

/// <summary>
/// The streets and places of Hertfordshire as police.uk publishes them ("On or near Holywell Hill"), built once
/// from the open data into a compact file shipped with the application, so street search needs no network.
/// Contains public sector information licensed under the Open Government Licence v3.0.
/// </summary>
public sealed partial class Gazetteer
{
    public const string ResourceName = "SafetyNet.Locations.gazetteer.csv.gz";
    private const string Header = "street,lsoa_code,lsoa_name,district,latitude,longitude,reports";

    private static readonly Lazy<Gazetteer> Loaded = new(Load);

    private readonly GazetteerPlace[] _places;

    /// <summary>The gazetteer shipped with the application, read once.</summary>
    public static Gazetteer Shared => Loaded.Value;

    public Gazetteer(IEnumerable<GazetteerPlace> places)
    {
        _places = places.ToArray();
        _plainNames = new(() => Array.ConvertAll(_places, p => AddressKey.Plain(p.Street)));
    }

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

    /// <summary>
    /// Streets whose name starts with, then contains, the words typed, in any district unless one is given; busiest first.
    /// A house number typed with the street and abbreviations ("14 Marshalswick Ln") are read as the street.
    /// </summary>
    public IReadOnlyList<GazetteerPlace> Search(string? text, string? district = null, int limit = 20)
    {
        var query = AddressKey.Plain(HouseNumber().Replace(text ?? "", ""));
        if (query.Length < 2)
        {
            return [];
        }
        var names = _plainNames.Value;
        var matches = new List<(int Rank, GazetteerPlace Place)>();
        for (var i = 0; i < _places.Length; i++)
        {
            var place = _places[i];
            if (!string.IsNullOrWhiteSpace(district) && !string.Equals(place.District, district.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (names[i].StartsWith(query, StringComparison.Ordinal))
            {
                matches.Add((0, place));
            }
            else if (names[i].Contains(query, StringComparison.Ordinal) || $"{names[i]} {AddressKey.Plain(place.District)}".Contains(query, StringComparison.Ordinal))
            {
                matches.Add((1, place));
            }
        }
        return matches.OrderBy(m => m.Rank).ThenByDescending(m => m.Place.Reports).ThenBy(m => m.Place.Street, StringComparer.Ordinal)
            .Take(limit).Select(m => m.Place).ToList();
    }

    /// <summary>The place nearest a point (by distance on the ground at the county's latitude); null for an empty gazetteer.</summary>
    public GazetteerPlace? Nearest(double latitude, double longitude)
    {
        var scale = Math.Cos(latitude * Math.PI / 180);
        GazetteerPlace? nearest = null;
        var best = double.MaxValue;
        foreach (var place in _places)
        {
            var (dy, dx) = (place.Latitude - latitude, (place.Longitude - longitude) * scale);
            var d = (dx * dx) + (dy * dy);
            if (d < best)
            {
                (best, nearest) = (d, place);
            }
        }
        return nearest;
    }

    /// <summary>
    /// The address once a street is chosen for what was typed: the chosen street replaces any street typed, the house
    /// number or name is kept, and the district is written once ("14 Marshalswick Lane" and Marshall Avenue give
    /// "14 Marshall Avenue, St Albans").
    /// </summary>
    public static string Address(string? written, GazetteerPlace place)
    {
        var text = written?.Trim().TrimEnd(',').Trim() ?? "";
        if (text.Length == 0)
        {
            return $"{place.Street}, {place.District}";
        }
        var number = HouseNumber().Match(text);
        if (number.Success)
        {
            return $"{number.Value.Trim().TrimEnd(',')} {place.Street}, {place.District}";
        }
        var street = AddressKey.Plain(place.Street);
        var plain = AddressKey.Plain(text);
        if ($" {plain} ".Contains($" {street} ", StringComparison.Ordinal))
        {
            return WithDistrict(text, place.District);
        }
        return $"{text}, {place.Street}, {place.District}";
    }

    /// <summary>The place as written, with its district after it unless it already says it.</summary>
    public static string WithDistrict(string? text, string? district)
    {
        var written = text?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(district) || $" {AddressKey.Plain(written)} ".Contains($" {AddressKey.Plain(district)} ", StringComparison.Ordinal))
        {
            return written;
        }
        return written.Length == 0 ? district : $"{written}, {district}";
    }

    private readonly Lazy<string[]> _plainNames;

    [GeneratedRegex(@"^\s*(?:(?:flat|apartment|unit)\s+\w+\s*,?\s*)?\d+[a-z]?(?:\s*-\s*\d+[a-z]?)?\b\s*,?", RegexOptions.IgnoreCase)]
    private static partial Regex HouseNumber();
}
