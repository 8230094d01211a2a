using System.Text.Json;

namespace SafetyNet.Insight;

/// <summary>One district's outline: rings of [latitude, longitude] pairs.</summary>
public sealed record DistrictBoundary(string Code, string Name, double[][][] Rings);

/// <summary>
/// The ten districts' outlines, simplified from ONS boundaries and shipped with the application (see
/// district-boundaries.README.md), so the pack's maps show the county with no tile server. Contains public sector
/// information licensed under the Open Government Licence v3.0; contains OS data © Crown copyright and database right 2021.
/// </summary>
public sealed class DistrictBoundaries
{
    public const string ResourceName = "SafetyNet.Insight.district-boundaries.json";
    private static readonly Lazy<DistrictBoundaries> Loaded = new(Load);

    private DistrictBoundaries(IReadOnlyList<DistrictBoundary> districts, string licence) => (Districts, Licence) = (districts, licence);

    public IReadOnlyList<DistrictBoundary> Districts { get; }
    public string Licence { get; }

    public static DistrictBoundaries Shared => Loaded.Value;

    private static DistrictBoundaries Load()
    {
        using var stream = typeof(DistrictBoundaries).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The district boundaries resource {ResourceName} is missing from the build.");
        var file = JsonSerializer.Deserialize<BoundaryFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("The district boundaries file is empty.");
        return new DistrictBoundaries(file.Districts, file.Licence);
    }

    private sealed record BoundaryFile(string Licence, List<DistrictBoundary> Districts);
}
