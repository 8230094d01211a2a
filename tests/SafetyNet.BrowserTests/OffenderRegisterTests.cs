using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Insight;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class OffenderRegisterTests(BrowserFixture fixture)
{
    // A street in Letchworth where the burglaries that make the hotspot were reported.
    private const double Lat = 51.9790, Lon = -0.2290;

    [Fact]
    public async Task An_officer_finds_who_was_released_near_a_burglary_hotspot_this_week_and_opens_the_record()
    {
        // Earlier work, by the API: a run of burglaries in one street (the hotspot), and the register kept by others.
        var supervisor = await fixture.App.ClientForAsync(Roles.Supervisor);
        var surname = $"Zh{Guid.NewGuid():N}"[..10];
        long incidentWithSuspects = 0;
        for (var n = 0; n < 12; n++)
        {
            var report = Reports.Burglary(null, "PRIORITY", n == 0
                ? [Reports.Victim(), new { role = "Suspect", firstName = "Kyle", lastName = surname }, new { role = "Suspect", firstName = "Liam", lastName = surname },
                    new { role = "Suspect", firstName = "Mia", lastName = surname }]
                : [Reports.Victim()]);
            report["location"] = new { text = "Norton Way North, Letchworth", latitude = Lat + n * 0.00001, longitude = Lon, district = "North Hertfordshire" };
            var incident = await (await supervisor.PostAsJsonAsync("/api/v1/incidents", report)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            incidentWithSuspects = n == 0 ? incident.GetProperty("id").GetInt64() : incidentWithSuspects;
        }
        var hotspot = await fixture.App.WithServiceAsync<ManagementPack, HotspotArea>(async pack =>
            (await pack.BurglaryHotspotsAsync(null, CancellationToken.None)).MinBy(h => Math.Abs(h.Latitude - Lat) + Math.Abs(h.Longitude - Lon))!);
        Assert.True(Math.Abs(hotspot.Latitude - Lat) < 0.005 && Math.Abs(hotspot.Longitude - Lon) < 0.005, "the street's burglaries make a hotspot");
        var identities = await fixture.App.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == incidentWithSuspects && p.LastName == surname)
            .ToDictionaryAsync(p => p.FirstName!, p => p.IdentityId!.Value));
        var today = ForceClock.DayOf(fixture.App.Time.GetUtcNow());
        // Kyle lives by the hotspot and was released two days ago; Liam lives by it and is not released; Mia was released
        // yesterday but lives in Stevenage.
        foreach (var (name, north, released) in new[] { ("Kyle", 0.0008, (DateOnly?)today.AddDays(-2)), ("Liam", 0.0012, null), ("Mia", -0.0500, today.AddDays(-1)) })
        {
            var created = await (await supervisor.PostAsJsonAsync("/api/v1/offenders", new
            {
                identityId = identities[name], homeLatitude = hotspot.Latitude + north, homeLongitude = hotspot.Longitude, homeDistrict = "North Hertfordshire",
            })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
            if (released is { } day)
            {
                (await supervisor.PostAsJsonAsync($"/api/v1/offenders/{created.GetProperty("offenderId").GetInt64()}/custody", new
                {
                    startedOn = day.AddDays(-200), releasedOn = day, establishment = "HMP The Mount", version = created.GetProperty("version").GetInt32(),
                })).EnsureSuccessStatusCode();
            }
        }

        // The officer searches the register near the hotspot for who was released this week.
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var search = new OffenderSearchPage(page);
        await search.OpenAsync();
        await page.AssertNoViolationsAsync();
        await search.ChooseHotspotAsync(SafetyNet.Offenders.Pages.OffenderSearchPage.HotspotValue(hotspot));
        await search.WithinAsync("500");
        await search.OnlyReleasedThisWeekAsync();
        await search.SearchAsync();
        var ours = search.Results.Filter(new() { HasText = surname });
        await Assertions.Expect(ours).ToHaveCountAsync(1);
        await Assertions.Expect(ours.First).ToContainTextAsync($"Kyle {surname}");
        await Assertions.Expect(ours.First).ToContainTextAsync($"released {ForceClock.FormatDay(today.AddDays(-2))}");
        await page.AssertNoViolationsAsync();

        await search.OpenAsync($"Kyle {surname}");
        var record = new OffenderRecordPage(page);
        await Assertions.Expect(record.Heading).ToHaveTextAsync($"Kyle {surname}");
        await Assertions.Expect(record.Summary).ToContainTextAsync(ForceClock.FormatDay(today.AddDays(-2)));
        await page.AssertNoViolationsAsync();
    }
}
