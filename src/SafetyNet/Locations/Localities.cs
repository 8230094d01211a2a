using SafetyNet.Matching.Text;

namespace SafetyNet.Locations;

/// <summary>
/// The towns and larger villages people write after a Hertfordshire street, with the district they are in, so that
/// "1 Homefield Rd, Hemel Hempstead" and "1 Homefield Road, Dacorum" are placed in one district. A district's own
/// name counts as its locality.
/// </summary>
public static class Localities
{
    private static readonly (string District, string[] Places)[] Table =
    [
        ("Broxbourne", ["Cheshunt", "Hoddesdon", "Broxbourne", "Waltham Cross", "Wormley", "Turnford", "Goffs Oak", "Rosedale"]),
        ("Dacorum", ["Hemel Hempstead", "Hemel", "Berkhamsted", "Tring", "Kings Langley", "Bovingdon", "Markyate", "Northchurch", "Boxmoor", "Apsley", "Nash Mills", "Leverstock Green", "Adeyfield", "Grovehill", "Highfield", "Warners End", "Gadebridge", "Bennetts End", "Chaulden"]),
        ("East Hertfordshire", ["Hertford", "Ware", "Bishops Stortford", "Sawbridgeworth", "Buntingford", "Stanstead Abbotts", "Watton at Stone", "Much Hadham", "Hertford Heath", "Puckeridge", "Standon", "Thundridge", "Hunsdon"]),
        ("Hertsmere", ["Borehamwood", "Boreham Wood", "Elstree", "Potters Bar", "Bushey", "Bushey Heath", "Radlett", "Shenley", "Aldenham"]),
        ("North Hertfordshire", ["Hitchin", "Letchworth", "Letchworth Garden City", "Baldock", "Royston", "Knebworth", "Codicote", "Ickleford", "Pirton", "Ashwell", "Offley", "Great Offley", "Kimpton"]),
        ("St Albans", ["St Albans", "Harpenden", "London Colney", "Redbourn", "Wheathampstead", "Bricket Wood", "Park Street", "How Wood", "Chiswell Green", "Colney Heath", "Sandridge", "Marshalswick", "Fleetville"]),
        ("Stevenage", ["Stevenage", "Old Stevenage", "Shephall", "Bedwell", "Broadwater", "Chells", "Pin Green", "Great Ashby"]),
        ("Three Rivers", ["Rickmansworth", "Chorleywood", "Croxley Green", "Abbots Langley", "South Oxhey", "Oxhey Hall", "Mill End", "Maple Cross", "Sarratt", "Leavesden", "Carpenders Park"]),
        ("Watford", ["Watford", "Garston", "North Watford", "West Watford", "Oxhey", "Cassiobury", "Nascot", "Callowland", "Holywell"]),
        ("Welwyn Hatfield", ["Welwyn Garden City", "Welwyn", "Hatfield", "Brookmans Park", "Welham Green", "Cuffley", "Digswell", "Oaklands", "Woolmer Green", "Northaw", "Essendon"]),
    ];

    private static readonly Dictionary<string, string> DistrictByPlace = Build();

    private static Dictionary<string, string> Build()
    {
        var byPlace = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (district, places) in Table)
        {
            byPlace[AddressKey.Plain(district)] = district;
            foreach (var place in places)
            {
                byPlace[AddressKey.Plain(place)] = district;
            }
        }
        return byPlace;
    }

    /// <summary>
    /// The district of the first part written after the street that names a known place ("Boxmoor, Hemel Hempstead,
    /// Herts"); null when none does.
    /// </summary>
    public static string? DistrictOf(string? locality)
    {
        if (string.IsNullOrWhiteSpace(locality))
        {
            return null;
        }
        foreach (var part in locality.Split(", "))
        {
            if (DistrictByPlace.TryGetValue(part, out var district))
            {
                return district;
            }
        }
        // Written without commas ("Hemel Hempstead Herts"): the longest known place at the start.
        var words = locality.Replace(",", "", StringComparison.Ordinal).Split(' ');
        for (var n = Math.Min(words.Length, 4); n >= 1; n--)
        {
            if (DistrictByPlace.TryGetValue(string.Join(' ', words[..n]), out var district))
            {
                return district;
            }
        }
        return null;
    }
}
