using SafetyNet.Insight.PoliceUk;
using SafetyNet.Matching.Text;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>The place key over the ways people really write Hertfordshire addresses, with police.uk's street names as the known streets.</summary>
public class AddressKeyTests
{
    private static readonly Lazy<AddressKey> Hertfordshire = new(() =>
    {
        var year = PoliceUkArchive.Read([SharedData.Path("policeuk", "hertfordshire-2021.zip")]);
        const string prefix = "On or near ";
        return new AddressKey(year.Street.Where(r => r.HasLocation).Select(r => r.Location.StartsWith(prefix, StringComparison.Ordinal) ? r.Location[prefix.Length..] : r.Location).Distinct());
    });

    [Theory]
    [InlineData("1 Homefield Road", "1 homefield road")]
    [InlineData("1 Homefield Rd, Hemel Hempstead", "1 homefield road")]
    [InlineData("1 Homefield Road, Dacorum", "1 homefield road")]
    [InlineData("1, Homefield Road, Hemel Hempstead, Herts HP2 4XX", "1 homefield road")]
    [InlineData("1 HOMEFIELD RD HEMEL HEMPSTEAD", "1 homefield road")]
    [InlineData("Flat 3, 14 Holywell Hill, St Albans AL1 1BT", "3 14 holywell hill")]
    [InlineData("14 holywell hill st. albans", "14 holywell hill")]
    [InlineData("14A St Peter's Street", "14a saint peters street")]
    [InlineData("14 a St Peters St, St Albans", "14a saint peters street")]
    [InlineData("12 St. Albans Rd, Watford", "12 saint albans road")]
    [InlineData("22 Windmill Ave", "22 windmill avenue")]
    [InlineData("5 Hill End Ln, St Albans", "5 hill end lane")]
    [InlineData("Rose Cottage, Homefield Road, Bovingdon", "rose cottage homefield road")]
    [InlineData("1 Park St, St Albans", "1 park street")]
    [InlineData("14 Marshalswick Lane, St Albans", "14 marshalswick lane")]
    public void One_place_written_many_ways_has_one_key(string written, string key) =>
        Assert.Equal(key, Hertfordshire.Value.Of(written));

    [Fact]
    public void The_town_written_after_the_street_and_the_postcode_are_kept_apart_from_the_key()
    {
        var parts = Hertfordshire.Value.Parse("Flat 2, 1 Homefield Rd, Boxmoor, Hemel Hempstead HP1 1AA");
        Assert.Equal("2 1", parts.House);
        Assert.Equal("homefield road", parts.Street);
        Assert.Equal("boxmoor, hemel hempstead", parts.Locality);
        Assert.Equal("HP11AA", parts.Postcode);
    }

    [Theory]
    [InlineData("1 Homefield Road", "2 Homefield Road")]
    [InlineData("1 Homefield Road", "1 Homefield Close")]
    [InlineData("14 St Peters Street", "14 Peters Street")]
    [InlineData("3 Church Street", "33 Church Street")]
    public void Neighbours_and_other_streets_keep_their_own_keys(string one, string other) =>
        Assert.NotEqual(Hertfordshire.Value.Of(one), Hertfordshire.Value.Of(other));

    [Theory]
    [InlineData("1 Homefield Rd, Hemel Hempstead", "1 homefield road")]
    [InlineData("14 Marlowes, Hemel Hempstead", "14 marlowes")]
    [InlineData("Flat 3, 14 Holywell Hill, St Albans", "3 14 holywell hill")]
    [InlineData("14 Holywell Hill St Albans", "14 holywell hill")]
    [InlineData("Outside Tesco car park", "outside tesco car park")]
    public void Without_a_gazetteer_the_street_ends_at_its_street_word(string written, string key) =>
        Assert.Equal(key, new AddressKey().Of(written));

    [Fact]
    public void The_known_streets_are_those_of_the_real_gazetteer()
    {
        Assert.True(Hertfordshire.Value.KnownStreets > 5_000);
        Assert.Equal("saint albans", AddressKey.Plain("St Albans"));
        Assert.Equal("bishops stortford", AddressKey.Plain("Bishop’s Stortford"));
    }
}
