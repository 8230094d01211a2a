namespace SafetyNet.Insight.PoliceUk;

/// <summary>
/// The county's ten districts. police.uk names an LSOA after its district ("St Albans 012C"), so the district
/// of a row is read from its LSOA name; rows in LSOAs just over the border belong to other districts.
/// </summary>
public static class Hertfordshire
{
    public static readonly IReadOnlyList<string> Districts =
    [
        "Broxbourne", "Dacorum", "East Hertfordshire", "Hertsmere", "North Hertfordshire",
        "St Albans", "Stevenage", "Three Rivers", "Watford", "Welwyn Hatfield",
    ];

    /// <summary>The county's area in square kilometres: the denominator for "share of the study area".</summary>
    public const double AreaKm2 = 1643;

    public static string? DistrictOf(string lsoaName)
    {
        foreach (var district in Districts)
        {
            if (lsoaName.Length > district.Length && lsoaName.StartsWith(district, StringComparison.Ordinal) && lsoaName[district.Length] == ' ')
            {
                return district;
            }
        }
        return null;
    }

    public static bool Contains(StreetCrime crime) => DistrictOf(crime.LsoaName) is not null;
}
