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
}
