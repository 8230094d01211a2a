using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class AdministrationTests(BrowserFixture fixture)
{
    [Fact]
    public async Task An_administrator_publishes_a_new_version_of_the_intake_timescales()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Administrator);
        await page.GotoAsync("/admin/configuration");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "intake" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        var json = page.GetByLabel("Settings (JSON)");
        await json.FillAsync(Intake(IntakeRules.Default with { CrimeRecordingHours = 48 }));
        await page.GetByLabel("Reason for the change").FillAsync("Trying a longer window");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("crimeRecordingHours");
        await page.AssertNoViolationsAsync();

        await json.FillAsync(Intake(IntakeRules.Default with { CrimeRecordingHours = 20, AssessmentDueHours = 6 }));
        await page.GetByLabel("Reason for the change").FillAsync("Force policy: decide within 20 hours");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 2 is now in force");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Force policy: decide within 20 hours");

        // Put the default back for the other tests sharing this application.
        await json.FillAsync(Intake(IntakeRules.Default));
        await page.GetByLabel("Reason for the change").FillAsync("Back to the NCRS default");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 3 is now in force");
    }

    [Fact]
    public async Task An_administrator_records_an_information_sharing_agreement_with_a_partner_and_ends_it()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Administrator);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Sharing agreements" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Information sharing agreements" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();

        // Nothing chosen: each missing answer is named, and nothing is recorded.
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Select the partner agency");
        await Assertions.Expect(summary).ToContainTextAsync("Select the categories of data the agency may see");
        await Assertions.Expect(summary).ToContainTextAsync("Enter the date the agreement starts");
        await page.AssertNoViolationsAsync();

        var today = DateOnly.FromDateTime(SafetyNetApp.Start.UtcDateTime);
        await page.GetByLabel("Partner agency").SelectOptionAsync(new SelectOptionValue { Label = "Hertfordshire NHS Health Services" });
        await page.GetByLabel("Title of the agreement").FillAsync("Health and community safety protocol");
        await page.GetByLabel("People on the case (names and dates of birth)").CheckAsync();
        await page.GetByLabel("Risk level and review dates").CheckAsync();
        await page.FillDateAsync("Date the agreement starts", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The agreement has been recorded");
        var row = page.Locator("tr", new() { HasText = "Health and community safety protocol" });
        await Assertions.Expect(row).ToContainTextAsync("Hertfordshire NHS Health Services");
        await Assertions.Expect(row).ToContainTextAsync("Risk level and review dates");
        await Assertions.Expect(row).Not.ToContainTextAsync("The action plan");
        await Assertions.Expect(row.Locator(".govuk-tag")).ToHaveTextAsync("Current");
        await page.AssertNoViolationsAsync();

        // Ended today: it holds to the end of the day, and cannot be ended twice.
        await row.GetByRole(AriaRole.Button, new() { Name = "End today" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The agreement has been ended");
        await Assertions.Expect(row).ToContainTextAsync($"to {today:d MMMM yyyy}");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "End today" })).ToHaveCountAsync(0);
        await page.AssertNoViolationsAsync();
    }

    private static string Intake(IntakeRules rules) => System.Text.Json.JsonSerializer.Serialize(rules, ForceConfiguration.Json);

    [Fact]
    public async Task An_auditor_searches_the_audit_trail_and_sees_who_read_what()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Auditor);
        await page.GotoAsync("/audit?action=account.sign-in");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("account.sign-in");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("auditor@safetynet.test");
        await page.AssertNoViolationsAsync();

        var others = await fixture.NewPageAsync();
        await new SignInPage(others).SignInAsRoleAsync(Roles.CallHandler);
        await others.GotoAsync("/audit");
        await Assertions.Expect(others.Locator("h1")).ToHaveTextAsync("Page not found");
    }

    /// <summary>A moment as the force reads it, worked out here from the time zone database rather than by the application.</summary>
    private static string InLondon(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task An_administrator_opens_the_background_work_from_the_menu_and_sees_a_failing_worker_without_its_message()
    {
        var app = fixture.App;
        var health = app.Services.GetRequiredService<WorkerHealth>();
        // Background person matching whose first pass meets an exception nobody planned for, with a name in its message.
        var scopes = new ScopesThatFailOnce(app.Services.GetRequiredService<IServiceScopeFactory>(), new InvalidOperationException("Could not read Rosalind Tremayne"));
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["People:ResolveInBackground"] = "true" }).Build();
        using var worker = ActivatorUtilities.CreateInstance<IdentityResolution>(app.Services, scopes, (IConfiguration)settings);
        var failedAt = app.Time.GetUtcNow();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            // Every change of a worker's state completes NextChange: no polling; the bound only keeps a regression from hanging the run.
            using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (true)
                {
                    var next = health.NextChange;
                    if (health.All.Any(w => w.Name == "identity resolution" && w.Status == WorkerStatus.BackingOff))
                    {
                        break;
                    }
                    await next.WaitAsync(bound.Token);
                }
            }

            var page = await fixture.NewPageAsync();
            await new SignInPage(page).SignInAsRoleAsync(Roles.Administrator);
            var workers = new BackgroundWorkPage(page);
            await workers.OpenFromTheMenuAsync();
            await Assertions.Expect(workers.Title).ToHaveTextAsync("Background work");
            await Assertions.Expect(workers.Warning).ToContainTextAsync("failing or stopped");
            var failing = workers.Rows("Matching people to identities").Filter(new() { HasText = "Failing" });
            await Assertions.Expect(failing).ToHaveCountAsync(1);
            var cells = failing.GetByRole(AriaRole.Cell);
            await Assertions.Expect(cells.Nth(1)).ToHaveTextAsync("None yet");
            await Assertions.Expect(cells.Nth(2)).ToHaveTextAsync(InLondon(failedAt) + "InvalidOperationException");
            await Assertions.Expect(cells.Nth(3)).ToHaveTextAsync("1");
            await Assertions.Expect(cells.Nth(4)).ToHaveTextAsync(InLondon(failedAt.AddMinutes(1)));
            await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Tremayne");
            await Assertions.Expect(workers.Rows("Database start-up (migrations and seeding)")).ToContainTextAsync("Finished");
            await page.AssertNoViolationsAsync();
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        // Anyone else is told the page does not exist, and has no link to it.
        var officer = await fixture.NewPageAsync();
        await new SignInPage(officer).SignInAsRoleAsync(Roles.Officer);
        await Assertions.Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Background work" })).ToHaveCountAsync(0);
        var refused = await officer.GotoAsync("/admin/workers");
        Assert.Equal(404, refused!.Status);
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
    }

    [Fact]
    public async Task An_administrator_publishes_new_repeat_rules_and_the_daily_pack_counts_repeat_victims_and_places_by_them()
    {
        var app = fixture.App;
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var marker = $"Castellane{Guid.NewGuid():N}"[..16];
        var place = $"2 {marker} Road, Borehamwood";
        async Task<JsonElement> ReportAsync(int daysAgo, long? identityId)
        {
            var report = Reports.Burglary(null, "PRIORITY", new
            {
                role = "Victim", firstName = "Imogen", lastName = marker, dateOfBirth = "1971-09-30", sex = "Female", phone = "07700 900456",
                address = place, postcode = "WD6 1AA", identityId,
            });
            report["location"] = new { text = place, district = "Hertsmere" };
            report["reportedAt"] = app.Time.GetUtcNow().AddDays(-daysAgo);
            var response = await handler.PostAsJsonAsync("/api/v1/incidents", report);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        // One victim at one address, reported 80 and 40 days ago and today; the call handler linked each report to her.
        var first = await ReportAsync(80, null);
        var identity = first.GetProperty("people")[0].GetProperty("identityId").GetInt64();
        await ReportAsync(40, identity);
        await ReportAsync(0, identity);

        try
        {
            // The morning meeting's pack for Hertsmere under the seeded rules, 3 reports in 90 days for both.
            var supervisor = await fixture.NewPageAsync();
            await new SignInPage(supervisor).SignInAsRoleAsync(Roles.Supervisor);
            await supervisor.GotoAsync("/insight/pack");
            await supervisor.GetByLabel("District", new() { Exact = true }).SelectOptionAsync("Hertsmere");
            await supervisor.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
            await supervisor.GetByRole(AriaRole.Link, new() { Name = "Refresh the figures now" }).ClickAsync();
            var victims = supervisor.GetByRole(AriaRole.Table, new() { Name = "Repeat victims" });
            var places = supervisor.GetByRole(AriaRole.Table, new() { Name = "Repeat locations" });
            await Assertions.Expect(victims.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Imogen {marker}" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("3");
            await Assertions.Expect(places.GetByRole(AriaRole.Row).Filter(new() { HasText = place }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("3");

            // The administrator makes two reports in 60 days a repeat victim, and four in 90 days a repeat place.
            var admin = await fixture.NewPageAsync();
            await new SignInPage(admin).SignInAsRoleAsync(Roles.Administrator);
            await admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Configuration" }).ClickAsync();
            await admin.GetByRole(AriaRole.Link, new() { Name = IdentityRules.Key }).ClickAsync();
            await admin.GetByLabel("Settings (JSON)").FillAsync(JsonSerializer.Serialize(
                IdentityRules.Default with { RepeatVictim = new RepeatRule(2, 60), RepeatLocation = new RepeatRule(4, 90) }, ForceConfiguration.Json));
            await admin.GetByLabel("Reason for the change").FillAsync("Tighter repeat window for the daily pack");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Publish a new version" }).ClickAsync();
            await Assertions.Expect(admin.Locator(".govuk-notification-banner")).ToContainTextAsync("is now in force");
            await admin.AssertNoViolationsAsync();

            // The same pack, not asked to refresh, now counts by the new rules: her report of 80 days ago is outside the
            // window, and three reports no longer make the place a repeat location.
            await supervisor.GotoAsync("/insight/pack?district=Hertsmere");
            await Assertions.Expect(supervisor.GetByTestId("repeat-rules")).ToContainTextAsync("with 2 or more reports in 60 days, and places with 4 or more in 90 days");
            await Assertions.Expect(victims.GetByRole(AriaRole.Row).Filter(new() { HasText = $"Imogen {marker}" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("2");
            await Assertions.Expect(places.GetByRole(AriaRole.Row).Filter(new() { HasText = place })).ToHaveCountAsync(0);
            await supervisor.AssertNoViolationsAsync();
        }
        finally
        {
            // Put the seeded rules back for the other tests sharing this application, whatever happened above.
            await using var scope = app.Services.CreateAsyncScope();
            var configuration = scope.ServiceProvider.GetRequiredService<ForceConfiguration>();
            if ((await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key)).Value != IdentityRules.Default)
            {
                await configuration.PublishAsync(IdentityRules.Key, IdentityRules.Default, "Back to the seeded rules");
                await scope.ServiceProvider.GetRequiredService<SafetyNet.Data.AppDb>().SaveChangesAsync();
            }
        }
    }
}
