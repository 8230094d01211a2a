using System.Globalization;
using System.Text.Json;
using SafetyNet.Cli;

namespace SafetyNet.Tests;

/// <summary>The <c>insight</c> verbs end to end, in process; they need no database and no host.</summary>
public sealed class InsightCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safetynet-insight-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SharedData(params string[] parts) => Infrastructure.SharedData.Path(parts);

    private static async Task<(int Code, string Error)> Run(params string[] args)
    {
        var (code, _, error) = await Infrastructure.CliRun.RunAsync(args);
        return (code, error);
    }

    [Fact]
    public async Task Nearrepeat_reproduces_the_calculators_observed_table()
    {
        var output = Path.Combine(_folder, "table.csv");
        var (code, _) = await Run("insight", "nearrepeat", "--input", SharedData("nearrepeat", "chicago_be_month1.csv"),
            "--distance-band", "100", "--distance-bands", "3", "--time-band", "7", "--time-bands", "3",
            "--permutations", "999", "--seed", "1", "--output", output);
        Assert.Equal(0, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal("distance_from,distance_to,time_from,time_to,observed,expected,knox_ratio,p_value", lines[0]);
        long[] reference =
        [
            28, 5, 5, 2,
            44, 13, 8, 4,
            97, 56, 19, 16,
            77, 67, 45, 20,
            182194, 146149, 95237, 45879,
        ];
        Assert.Equal(reference.Length + 1, lines.Length);
        for (var i = 0; i < reference.Length; i++)
        {
            var fields = lines[i + 1].Split(',');
            Assert.Equal(8, fields.Length);
            Assert.Equal(reference[i], long.Parse(fields[4], CultureInfo.InvariantCulture));
        }
        Assert.Equal("0,1,0,7", string.Join(',', lines[1].Split(',')[..4]));
        Assert.Equal("1,100,7,14", string.Join(',', lines[6].Split(',')[..4]));
        Assert.Equal("300,,21,", string.Join(',', lines[20].Split(',')[..4]));
        var first = lines[1].Split(',');
        Assert.InRange(double.Parse(first[6], CultureInfo.InvariantCulture), 1.4, 1.9);
        Assert.InRange(double.Parse(first[7], CultureInfo.InvariantCulture), 0.001, 0.01);
    }

    [Theory]
    [InlineData("2021-10", "16.43")]
    [InlineData("2021-04", "2.5")]
    public async Task Hotspots_writes_non_overlapping_polygons_covering_the_area_asked(string until, string area)
    {
        var output = Path.Combine(_folder, "hotspots.geojson");
        var (code, error) = await Run("insight", "hotspots", "--data", SharedData("policeuk", "hertfordshire-2021.zip"),
            "--type", "Burglary", "--until", until, "--area-km2", area, "--output", output);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features");
        Assert.True(features.GetArrayLength() > 0);
        var polygons = new List<(double X, double Y)[]>();
        var total = 0.0;
        var rank = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var properties = feature.GetProperty("properties");
            Assert.Equal(++rank, properties.GetProperty("rank").GetInt32());
            Assert.True(properties.GetProperty("score").GetDouble() > 0);
            Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
            var ring = feature.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
                .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToArray();
            Assert.Equal(ring[0], ring[^1]);
            Assert.InRange(ring[0].Lat, 51.4, 52.2);
            Assert.InRange(ring[0].Lon, -1.0, 0.4);
            var local = ring.Select(p => LocalMetres(p.Lon, p.Lat)).ToArray();
            total += Area(local);
            polygons.Add(local);
        }
        var requested = double.Parse(area, CultureInfo.InvariantCulture) * 1e6;
        Assert.InRange(total, requested * 0.99, requested * 1.01);
        AssertNoOverlaps(polygons);
    }

    // Metres on a plane tangent to the WGS84 ellipsoid at the county's centre: good to well under 0.1 % of area
    // over the county, and independent of the engine's projection.
    private static (double X, double Y) LocalMetres(double lon, double lat)
    {
        const double a = 6378137.0, e2 = 0.00669437999014, lat0 = 51.8 * Math.PI / 180;
        var phi = lat * Math.PI / 180;
        var s = Math.Sin(phi);
        var meridian = a * (1 - e2) / Math.Pow(1 - e2 * s * s, 1.5);
        var normal = a / Math.Sqrt(1 - e2 * s * s);
        var s0 = Math.Sin(lat0);
        var meridian0 = a * (1 - e2) / Math.Pow(1 - e2 * s0 * s0, 1.5);
        return (lon * Math.PI / 180 * normal * Math.Cos(phi), (phi - lat0) * (meridian + meridian0) / 2);
    }

    private static double Area((double X, double Y)[] ring)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < ring.Length; i++)
        {
            sum += ring[i].X * ring[i + 1].Y - ring[i + 1].X * ring[i].Y;
        }
        return Math.Abs(sum) / 2;
    }

    /// <summary>Separating-axis test on every pair of convex polygons whose boxes meet; touching edges are allowed.</summary>
    private static void AssertNoOverlaps(List<(double X, double Y)[]> polygons)
    {
        var boxes = polygons.Select(p => (MinX: p.Min(v => v.X), MaxX: p.Max(v => v.X), MinY: p.Min(v => v.Y), MaxY: p.Max(v => v.Y))).ToArray();
        var order = Enumerable.Range(0, polygons.Count).OrderBy(i => boxes[i].MinX).ToArray();
        const double tolerance = 1e-6; // metres: neighbours share their corner coordinates exactly
        for (var a = 0; a < order.Length; a++)
        {
            var i = order[a];
            for (var b = a + 1; b < order.Length && boxes[order[b]].MinX < boxes[i].MaxX - tolerance; b++)
            {
                var j = order[b];
                if (boxes[j].MinY >= boxes[i].MaxY - tolerance || boxes[i].MinY >= boxes[j].MaxY - tolerance)
                {
                    continue;
                }
                Assert.False(Overlap(polygons[i], polygons[j], tolerance), $"polygons {i} and {j} overlap");
            }
        }
    }

    private static bool Overlap((double X, double Y)[] p, (double X, double Y)[] q, double tolerance)
    {
        foreach (var polygon in new[] { p, q })
        {
            for (var k = 0; k + 1 < polygon.Length; k++)
            {
                var nx = polygon[k + 1].Y - polygon[k].Y;
                var ny = polygon[k].X - polygon[k + 1].X;
                var length = Math.Sqrt(nx * nx + ny * ny);
                nx /= length;
                ny /= length;
                double pMin = double.MaxValue, pMax = double.MinValue, qMin = double.MaxValue, qMax = double.MinValue;
                foreach (var v in p)
                {
                    var d = v.X * nx + v.Y * ny;
                    pMin = Math.Min(pMin, d);
                    pMax = Math.Max(pMax, d);
                }
                foreach (var v in q)
                {
                    var d = v.X * nx + v.Y * ny;
                    qMin = Math.Min(qMin, d);
                    qMax = Math.Max(qMax, d);
                }
                if (pMax <= qMin + tolerance || qMax <= pMin + tolerance)
                {
                    return false;
                }
            }
        }
        return true;
    }

    [Fact]
    public void The_overlap_check_tells_touching_from_overlapping()
    {
        (double X, double Y)[] Square(double x, double y) => [(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100), (x, y)];
        Assert.False(Overlap(Square(0, 0), Square(100, 0), 1e-6));
        Assert.False(Overlap(Square(0, 0), Square(100, 100), 1e-6));
        Assert.True(Overlap(Square(0, 0), Square(99.9, 50), 1e-6));
    }

    [Theory]
    [InlineData("insight")]
    [InlineData("insight", "nearrepeat", "--output", "x.csv")]
    [InlineData("insight", "nearrepeat", "--input", "no-such-file.csv", "--output", "x.csv")]
    [InlineData("insight", "nearrepeat", "--input", "x.csv", "--output", "x.csv", "--metric", "chebyshev")]
    [InlineData("insight", "nearrepeat", "--input", "x.csv", "--output", "x.csv", "--permutations", "none")]
    [InlineData("insight", "hotspots", "--type", "Burglary")]
    [InlineData("insight", "hotspots", "--data", "no-such.zip", "--type", "Burglary", "--until", "2021-10", "--area-km2", "16.43", "--output", "h.geojson")]
    [InlineData("insight", "hotspots", "--data", "x.zip", "--type", "Burglary", "--until", "October", "--area-km2", "16.43", "--output", "h.geojson")]
    [InlineData("insight", "hotspots", "--data", "x.zip", "--type", "Burglary", "--until", "2021-10", "--area-km2", "-3", "--output", "h.geojson")]
    [InlineData("insight", "divine")]
    public async Task Bad_input_exits_2_with_one_line(params string[] args)
    {
        var (code, error) = await Run(args);
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("SafetyNet insight: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotspots_weights_all_crime_by_harm_when_given_the_CCHI_table()
    {
        var output = Path.Combine(_folder, "harm.geojson");
        var (code, error) = await Run("insight", "hotspots", "--data", SharedData("policeuk", "hertfordshire-2021.zip"),
            "--type", "all", "--harm", SharedData("harm", "cchi_subgroup_weights_2026.csv"),
            "--until", "2021-06", "--area-km2", "1", "--output", output);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(output));
        Assert.Equal(100, json.RootElement.GetProperty("features").GetArrayLength());
        Assert.Equal("2021-07", json.RootElement.GetProperty("month").GetString());
    }

    [Theory]
    [InlineData("Burgalry", "2021-10", "is not a crime type")]
    [InlineData("Burglary", "2019-10", "with a location up to 2019-10")]
    public async Task Hotspots_refuses_a_type_or_month_the_data_does_not_have(string type, string until, string message)
    {
        var (code, error) = await Run("insight", "hotspots", "--data", SharedData("policeuk", "hertfordshire-2021.zip"),
            "--type", type, "--until", until, "--area-km2", "16.43", "--output", Path.Combine(_folder, "h.geojson"));
        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_date_in_the_events_names_its_line()
    {
        var input = Path.Combine(_folder, "events.csv");
        await File.WriteAllTextAsync(input, "x,y,date\n1,2,2021-01-01\n3,4,01/02/2021\n");
        var (code, error) = await Run("insight", "nearrepeat", "--input", input, "--output", Path.Combine(_folder, "t.csv"));
        Assert.Equal(2, code);
        Assert.Contains("line 3", error, StringComparison.Ordinal);
    }
}
