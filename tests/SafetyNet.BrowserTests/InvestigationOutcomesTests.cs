using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Crimes;
using SafetyNet.Investigations;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class InvestigationOutcomesTests(BrowserFixture fixture)
{
    /// <summary>Earlier work by others: four burglaries investigated by a team of their own and finalised in 2017, one charged.</summary>
    private async Task<string> FinalisedAsync()
    {
        var supervisor = await fixture.App.ClientForAsync(Roles.Supervisor);
        var incident = await (await supervisor.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary())).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        var incidentId = incident.GetProperty("id").GetInt64();
        var name = $"Burglary team {Guid.NewGuid().ToString("N")[..6]}";
        return await fixture.App.WithDbAsync(async db =>
        {
            var force = await db.Agencies.Where(a => a.Code == AccountSeeder.ForceCode).Select(a => a.Id).SingleAsync();
            var team = new Team { AgencyId = force, Code = name.ToUpperInvariant().Replace(' ', '-'), Name = name };
            db.Add(team);
            await db.SaveChangesAsync();
            string[] codes = ["1", "18", "18", "14"];
            for (var n = 0; n < codes.Length; n++)
            {
                var finalised = new DateTimeOffset(2017, 3 + n, 10, 12, 0, 0, TimeSpan.Zero);
                var record = new CrimeRecord
                {
                    IncidentId = incidentId, Status = CrimeRecordingStatus.Recorded, CrimeReference = $"{name}/{n}", OffenceSubgroup = "Residential burglary",
                    PoliceUkCategory = "Burglary", DueAt = finalised.AddDays(-40), DecidedAt = finalised.AddDays(-40), DecidedBy = "registrar",
                };
                db.Add(record);
                await db.SaveChangesAsync();
                db.Add(new Investigation
                {
                    CrimeRecordId = record.Id, IncidentId = incidentId, CrimeGroup = "volume", RequiredPipLevel = 1, TeamId = team.Id,
                    Status = InvestigationStatus.Finalised, OutcomeCode = codes[n], OpenedAt = finalised.AddDays(-40), FinalisedAt = finalised, FinalisedBy = "sergeant",
                });
            }
            await db.SaveChangesAsync();
            return name;
        });
    }

    [Fact]
    public async Task A_supervisor_filters_the_outcomes_and_reads_the_charge_rate_with_its_interval_and_downloads_it()
    {
        var team = await FinalisedAsync();
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Supervisor);
        var outcomes = new InvestigationOutcomesPage(page);
        await outcomes.OpenAsync();
        await page.AssertNoViolationsAsync();

        await outcomes.ShowAsync("13/2017", "2017-12", "Team", "Year");
        await Assertions.Expect(outcomes.ErrorSummary).ToContainTextAsync("Enter the first month as a year and month");
        await page.AssertNoViolationsAsync();

        await outcomes.ShowAsync("2017-01", "2017-12", "Team", "Year");
        // One charged of four: 25.0 %, and the Wilson 95 % interval 4.6 % to 69.9 %.
        var row = outcomes.Row(team);
        await Assertions.Expect(row.Locator("td").Nth(0)).ToHaveTextAsync("2017");
        await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("4");
        await Assertions.Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("25.0 %");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("4.6 % – 69.9 %");
        await Assertions.Expect(outcomes.ChargeRate).ToContainTextAsync("investigations finalised from 2017-01 to 2017-12 were charged or summonsed");
        await page.AssertNoViolationsAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download these rates as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("period,group,finalised,outcome,outcome_name,count,rate,lower_95,upper_95", csv[0]);
        Assert.Contains($"2017,{team},4,charge,Charged or summonsed (1 and 1A),1,0.25,0.045587,0.699358", csv);
    }
}
