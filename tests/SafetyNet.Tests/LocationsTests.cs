using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SafetyNet.Data;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Locations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class LocationsTests(AppFixture fixture)
{
    [Fact]
    public void The_shipped_gazetteer_is_what_the_police_uk_year_builds()
    {
        var shipped = Gazetteer.Load();
        var built = Gazetteer.Build(PoliceUkArchive.Read([SharedData.Path("policeuk", "hertfordshire-2021.zip")]));
        Assert.Equal(built.Places.Count, shipped.Places.Count);
        Assert.True(shipped.Places.Count > 10_000);
        Assert.Equal(10, shipped.Places.Select(p => p.District).Distinct().Count());
        Assert.All(shipped.Places, p => Assert.InRange(p.Latitude, 51.5, 52.1));
    }

    [Fact]
    public void Street_search_finds_streets_by_the_start_of_their_name_in_the_district_asked()
    {
        var gazetteer = Gazetteer.Load();
        var results = gazetteer.Search("holywell", "St Albans");
        Assert.NotEmpty(results);
        Assert.All(results, p => Assert.Equal("St Albans", p.District));
        Assert.StartsWith("Holywell", results[0].Street, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(gazetteer.Search("h"));
        Assert.Equal("Holywell Hill", Gazetteer.StreetOf("On or near Holywell Hill"));
    }

    [Theory, Providers]
    public async Task The_street_api_answers_force_users_and_names_a_bad_query(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        var streets = await client.GetFromJsonAsync<JsonElement>("/api/v1/reference/streets?q=station&district=Watford");
        Assert.True(streets.GetArrayLength() > 0);
        Assert.Equal("Watford", streets[0].GetProperty("district").GetString());
        var bad = await client.GetAsync("/api/v1/reference/streets?q=");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/reference/streets?q=station")).StatusCode);
    }

    [Theory, Providers]
    public async Task A_place_is_one_place_however_its_address_is_written_and_two_towns_keep_their_own(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        async Task<JsonElement> RecordAt(object location, string grade = "SCHEDULED", string yes = "afraid")
        {
            var report = Reports.Asb(Reports.Asb(yes));
            report["location"] = location;
            report["grade"] = grade;
            var response = await handler.PostAsJsonAsync("/api/v1/incidents", report);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var first = await RecordAt(new { text = "171 Homefield Road", district = "Dacorum" });
        var second = await RecordAt(new { text = "171 Homefield Rd, Hemel Hempstead" }, "RESOLVED", "targeted");
        var elsewhere = await RecordAt(new { text = "171 Homefield Road, Bushey" });
        Assert.Equal("Dacorum", second.GetProperty("location").GetProperty("district").GetString());
        Assert.Equal("Hertsmere", elsewhere.GetProperty("location").GetProperty("district").GetString());

        var history = await handler.GetFromJsonAsync<JsonElement>($"/api/v1/people/history?location={Uri.EscapeDataString("171 HOMEFIELD ROAD, DACORUM")}");
        var found = history.GetProperty("location").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(new[] { first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64() }.Order(), found.Order());
        Assert.Equal(2, history.GetProperty("place").GetProperty("incidents").GetInt32());

        // The desk reviewing the second report sees the first at the same place, and not the one in Bushey.
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{second.GetProperty("id").GetInt64()}");
        var samePlace = review.GetProperty("linkedIncidents").EnumerateArray().Select(i => i.GetProperty("incidentId").GetInt64()).ToList();
        Assert.Contains(first.GetProperty("id").GetInt64(), samePlace);
        Assert.DoesNotContain(elsewhere.GetProperty("id").GetInt64(), samePlace);
    }

    [Theory]
    [InlineData("1 Homefield Rd, Hemel Hempstead", "Dacorum")]
    [InlineData("Flat 2, 5 London Road, Bishop's Stortford, Herts", "East Hertfordshire")]
    [InlineData("12 St Albans Rd, Watford WD17 1AA", "Watford")]
    [InlineData("3 High Street, Harpenden", "St Albans")]
    [InlineData("3 High Street", null)]
    public void The_district_is_read_from_the_town_written_after_the_street(string written, string? district) =>
        Assert.Equal(district, SafetyNet.Incidents.PlaceKey.DistrictOf(written));

    [Fact]
    public void Street_search_needs_no_district_and_reads_a_typed_house_number_and_abbreviation_as_the_street()
    {
        var gazetteer = Gazetteer.Load();
        Assert.Contains(gazetteer.Search("14 Marshalswick Ln", ""), p => p is { Street: "Marshalswick Lane", District: "St Albans" });
        Assert.Contains(gazetteer.Search("homefield road"), p => p.District == "Dacorum");
        Assert.Contains(gazetteer.Search("homefield road"), p => p.District == "Hertsmere");
    }

    [Theory]
    [InlineData("14 Marshalswick Lane", "14 Marshall Avenue, St Albans")]
    [InlineData("Flat 3, 14 Marshalswick Lane, St Albans", "Flat 3, 14 Marshall Avenue, St Albans")]
    [InlineData("", "Marshall Avenue, St Albans")]
    [InlineData("Marshall Ave", "Marshall Ave, St Albans")]
    [InlineData("Rear of the shops", "Rear of the shops, Marshall Avenue, St Albans")]
    public void Choosing_a_street_replaces_the_street_typed_and_writes_the_district_once(string typed, string address)
    {
        var chosen = new GazetteerPlace("Marshall Avenue", "E01023700", "St Albans 001A", "St Albans", 51.77, -0.31, 3);
        Assert.Equal(address, Gazetteer.Address(typed, chosen));
        Assert.Equal(address, Gazetteer.WithDistrict(address, "St Albans"));
    }

    [Fact]
    public void The_shipped_district_outlines_hold_the_gazetteer_streets_of_their_district()
    {
        var boundaries = SafetyNet.Insight.DistrictBoundaries.Shared;
        Assert.Equal(Hertfordshire.Districts, boundaries.Districts.Select(d => d.Name));
        Assert.Contains("Open Government Licence", boundaries.Licence, StringComparison.Ordinal);
        var places = Gazetteer.Load().Places;
        foreach (var district in boundaries.Districts)
        {
            var own = places.Where(p => p.District == district.Name).ToList();
            var inside = own.Count(p => district.Rings.Any(ring => Inside(ring, p.Latitude, p.Longitude)));
            Assert.True(inside >= own.Count * 0.97, $"{district.Name}: {inside} of {own.Count} streets inside its outline");
        }

        // Even-odd rule over [latitude, longitude] rings.
        static bool Inside(double[][] ring, double lat, double lon)
        {
            var inside = false;
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
            {
                if ((ring[i][0] > lat) != (ring[j][0] > lat)
                    && lon < ((ring[j][1] - ring[i][1]) * (lat - ring[i][0]) / (ring[j][0] - ring[i][0])) + ring[i][1])
                {
                    inside = !inside;
                }
            }
            return inside;
        }
    }
}
