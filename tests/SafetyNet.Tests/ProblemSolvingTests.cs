using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class ProblemSolvingTests(AppFixture fixture)
{
    private static Dictionary<string, object?> ReportAt(double lat, double lon, DateTimeOffset at)
    {
        var report = AsbTesting.AsbReport(place: "Market Place");
        report["location"] = new { text = "Market Place", latitude = lat, longitude = lon };
        report["reportedAt"] = at;
        return report;
    }

    [Theory, Providers]
    public async Task SARA_assessment_compares_the_problem_area_before_and_after_with_a_comparison_area_and_the_library_finds_what_worked(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var now = app.Time.GetUtcNow();
        // A place of our own, far from every other test's incidents.
        var (lat, lon) = (52.90 + Random.Shared.Next(0, 50) * 0.002, -1.50);
        var (clat, clon) = (lat, lon + 0.08);
        foreach (var days in new[] { 15, 14, 13, 11 })
        {
            await AsbTesting.RecordAsync(handler, ReportAt(lat + 0.0005, lon, now.AddDays(-days)));
        }
        await AsbTesting.RecordAsync(handler, ReportAt(lat, lon - 0.0005, now.AddDays(-5)));
        await AsbTesting.RecordAsync(handler, ReportAt(lat + 0.01, lon, now.AddDays(-5))); // about 1.1 km away: outside
        foreach (var days in new[] { 12, 11, 4, 3 })
        {
            await AsbTesting.RecordAsync(handler, ReportAt(clat, clon, now.AddDays(-days)));
        }

        var problem = new Dictionary<string, object?>
        {
            ["title"] = $"Street drinking in the market place {Guid.NewGuid():N}", ["problemType"] = "Street drinking", ["district"] = "Watford",
            ["latitude"] = lat, ["longitude"] = lon, ["radiusMetres"] = 300, ["comparisonLatitude"] = clat, ["comparisonLongitude"] = clon, ["comparisonRadiusMetres"] = 300,
            ["scanning"] = "Repeat calls about drinking and shouting by the benches", ["victim"] = "Market traders", ["offender"] = "A group of six adults",
            ["place"] = "Benches by the market entrance", ["tactics"] = new[] { "outreach", "pspo" }, ["response"] = "Alcohol outreach with PSPO enforcement",
            ["responseStartedAt"] = now.AddDays(-10),
        };
        var invalid = new Dictionary<string, object?>(problem) { ["comparisonLongitude"] = lon, ["tactics"] = new[] { "magic" } };
        var refused = await handler.PostAsJsonAsync("/api/v1/problems", invalid).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("comparisonLatitude", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("tactics", out _));

        var created = await handler.PostAsJsonAsync("/api/v1/problems", problem).ExpectAsync(HttpStatusCode.Created);
        var assessment = created.GetProperty("assessment");
        Assert.Equal(10, assessment.GetProperty("days").GetInt32());
        Assert.Equal(4, assessment.GetProperty("areaBefore").GetInt32());
        Assert.Equal(1, assessment.GetProperty("areaAfter").GetInt32());
        Assert.Equal(2, assessment.GetProperty("comparisonBefore").GetInt32());
        Assert.Equal(2, assessment.GetProperty("comparisonAfter").GetInt32());
        Assert.Equal(-75.0, assessment.GetProperty("areaChangePercent").GetDouble());
        Assert.Equal(0.25, assessment.GetProperty("relativeEffect").GetDouble());

        var title = (string)problem["title"]!;
        var partner = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        Assert.Equal(0, (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/practice?q={Uri.EscapeDataString(title)}")).GetProperty("total").GetInt32());
        problem["version"] = created.GetProperty("version").GetInt32();
        problem["published"] = true;
        var notReady = await handler.PutAsJsonAsync($"/api/v1/problems/{created.Id()}", problem).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(notReady.GetProperty("errors").TryGetProperty("published", out _));
        problem["result"] = "Worked";
        problem["learning"] = "Outreach first, enforcement second: the group moved on and calls fell by three quarters";
        await handler.PutAsJsonAsync($"/api/v1/problems/{created.Id()}", problem).ExpectAsync(HttpStatusCode.OK);
        await handler.PutAsJsonAsync($"/api/v1/problems/{created.Id()}", problem).ExpectAsync(HttpStatusCode.Conflict);

        // Shared with partners: found by free text, tactic, type and place; not by a tactic it did not use.
        var byText = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/practice?q={Uri.EscapeDataString(title)}");
        Assert.Equal(1, byText.GetProperty("total").GetInt32());
        Assert.Equal(0.25, byText.GetProperty("items")[0].GetProperty("assessment").GetProperty("relativeEffect").GetDouble());
        var byTactic = await partner.GetFromJsonAsync<JsonElement>("/api/v1/practice?tactic=pspo&problemType=Street%20drinking&district=Watford&pageSize=500");
        Assert.Contains(byTactic.GetProperty("items").EnumerateArray(), p => p.Id() == created.Id());
        var otherTactic = await partner.GetFromJsonAsync<JsonElement>("/api/v1/practice?tactic=cctv&pageSize=500");
        Assert.DoesNotContain(otherTactic.GetProperty("items").EnumerateArray(), p => p.Id() == created.Id());
        var auditor = await app.ClientForAsync(Roles.Auditor);
        await auditor.GetAsync("/api/v1/practice").ExpectAsync(HttpStatusCode.NotFound);
        await auditor.GetAsync("/api/v1/problems").ExpectAsync(HttpStatusCode.NotFound);

        // Problems being worked are listed for the teams, and every read is audited.
        var working = await handler.GetFromJsonAsync<JsonElement>("/api/v1/problems?district=Watford&pageSize=500");
        Assert.Contains(working.GetProperty("items").EnumerateArray(), p => p.Id() == created.Id());
        await partner.GetAsync($"/api/v1/problems/{created.Id()}").ExpectAsync(HttpStatusCode.OK);
        var key = created.Id().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.AuditEvents, e => e.Action == "problem.read" && e.RecordId == key)));

        // The library page filters by type of problem (in any case) and district.
        var page = await app.CreateClientSignedInAsync(AsbTesting.HousingCaseworker);
        var found = await page.GetStringAsync($"/practice?q={Uri.EscapeDataString(title)}&type=street%20DRINKING&district=Watford");
        Assert.Contains("1 problem", found, StringComparison.Ordinal);
        var elsewhere = await page.GetStringAsync($"/practice?q={Uri.EscapeDataString(title)}&district=Dacorum");
        Assert.Contains("0 problems", elsewhere, StringComparison.Ordinal);
    }
}
