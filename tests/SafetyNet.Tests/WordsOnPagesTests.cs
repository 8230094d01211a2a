using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using SafetyNet.Web;

namespace SafetyNet.Tests;

/// <summary>Pages speak the words people use: no code of the system's own on them, and dates typed in three boxes.</summary>
[Collection("app")]
public partial class WordsOnPagesTests(AppFixture fixture)
{
    /// <summary>
    /// The codes no page may show: every enum value named by two or more words run together ("NotYetOffered",
    /// "NonEmergency101"), every grade code and every incident type code.
    /// </summary>
    private static readonly HashSet<string> Codes =
    [
        .. typeof(Incident).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("SafetyNet", StringComparison.Ordinal) == true)
            .SelectMany(Enum.GetNames).Where(name => Compound().IsMatch(name)),
        .. GradeTable.Default.Grades.Select(g => g.Code),
        .. IncidentType.All.Select(t => t.Code),
        "SDASH", "MISSING",
    ];

    private static List<string> CodesOn(string html)
    {
        var text = Tags().Replace(Hidden().Replace(html, " "), " ");
        text = WebUtility.HtmlDecode(text);
        return Words().Matches(text).Select(m => m.Value).Where(Codes.Contains).Distinct().ToList();
    }

    [Fact]
    public void Each_code_has_the_words_a_person_would_use()
    {
        Assert.Equal("101 call", Labels.Of(IncidentChannel.NonEmergency101));
        Assert.Equal("999 call", Labels.Of(IncidentChannel.Emergency999));
        Assert.Equal("Not yet offered", Labels.Of(Victims.VpsStatus.NotYetOffered));
        Assert.Equal("Waiting for the victim to agree", Labels.Of("AwaitingOptIn"));
        Assert.Equal("Threshold not met", Labels.Of("ThresholdNotMet"));
        Assert.Equal("Acceptable behaviour contract", Labels.Of("AcceptableBehaviourContract"));
        Assert.Equal("Scheduled", Labels.Grade(GradeTable.Default, "SCHEDULED"));
        Assert.Equal("Resolved without deployment", Labels.Grade(GradeTable.Default, "RESOLVED"));
        Assert.Equal("Missing person risk assessment", Labels.Instrument("MISSING"));
        // No label of any value is itself a code.
        var enums = typeof(Incident).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("SafetyNet", StringComparison.Ordinal) == true);
        var codesLeft = enums.SelectMany(t => Enum.GetValues(t).Cast<Enum>()).Select(Labels.Of).Where(label => CodesOn(label).Count > 0).ToList();
        Assert.Empty(codesLeft);
    }

    [Theory, Providers]
    public async Task The_incident_the_desk_and_the_attendance_queue_show_words_not_codes(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var report = AsbTesting.AsbReport(place: $"Windmill Avenue, Watford {Guid.NewGuid():N}");
        report["channel"] = "NonEmergency101";
        var incident = await AsbTesting.RecordAsync(handler, report);
        Assert.Equal("NonEmergency101", incident.GetProperty("channel").GetString());
        Assert.Equal("SCHEDULED", incident.GetProperty("grade").GetString());

        var supervisor = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Supervisor));
        var desk = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk));
        var incidentPage = await supervisor.GetStringAsync($"/incidents/{incident.Id()}");
        Assert.Contains("101 call", incidentPage, StringComparison.Ordinal);
        Assert.Contains("Scheduled", incidentPage, StringComparison.Ordinal);
        foreach (var (page, html) in new[]
        {
            ("incident", incidentPage),
            ("desk review", await desk.GetStringAsync($"/asb/desk/{incident.Id()}")),
            ("attendance queue", await supervisor.GetStringAsync("/queues/attendance")),
            ("referrals", await supervisor.GetStringAsync("/referrals")),
        })
        {
            Assert.True(CodesOn(html).Count == 0, $"The {page} page shows {string.Join(", ", CodesOn(html))}");
        }
    }

    [Theory, Providers]
    public async Task A_date_typed_in_three_boxes_is_read_and_a_date_that_is_not_real_is_named_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var officer = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Officer));
        var title = $"Parking on the verge {Guid.NewGuid():N}";
        Dictionary<string, string> Form(string reviewDay) => new()
        {
            ["Form.District"] = "Watford", ["Form.Title"] = title, ["Form.Description"] = "Vans on the verge by the school",
            ["Form.SetWith"] = "Oxhey residents' meeting",
            ["Form.SetOn.Day"] = "1", ["Form.SetOn.Month"] = "11", ["Form.SetOn.Year"] = "2026",
            ["Form.ReviewOn.Day"] = reviewDay, ["Form.ReviewOn.Month"] = "2", ["Form.ReviewOn.Year"] = "2027",
        };

        var refused = await PostFormAsync(officer, "/asb/priorities", "priority", Form("30"));
        Assert.Contains("govuk-error-summary", refused, StringComparison.Ordinal);
        Assert.Contains("href=\"#reviewOn\"", refused, StringComparison.Ordinal);
        Assert.Contains("Review date must be a real date", refused, StringComparison.Ordinal);
        // What was typed stays in the boxes.
        Assert.Contains("name=\"Form.ReviewOn.Day\" type=\"text\" inputmode=\"numeric\" value=\"30\"", refused, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommunityPriorities.CountAsync(p => p.Title == title)));

        var partial = Form("");
        partial["Form.SetOn.Month"] = "";
        var missing = await PostFormAsync(officer, "/asb/priorities", "priority", partial);
        Assert.Contains("Date set must include a month", missing, StringComparison.Ordinal);
        Assert.Contains("Review date must include a day", missing, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CommunityPriorities.CountAsync(p => p.Title == title)));

        await PostFormAsync(officer, "/asb/priorities", "priority", Form("28"));
        var saved = await app.WithDbAsync(db => db.CommunityPriorities.SingleAsync(p => p.Title == title));
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2027, 2, 28)), (saved.SetOn, saved.ReviewOn));
    }

    [Fact]
    public void Survey_links_use_the_configured_public_address_and_otherwise_the_address_the_server_listens_on()
    {
        static PublicAddress For(string? configured, params string[] listening)
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(
                configured is null ? [] : [new KeyValuePair<string, string?>(PublicAddress.Setting, configured)]).Build();
            var services = new ServiceCollection().AddSingleton<IServer>(new Listening(listening)).BuildServiceProvider();
            return new PublicAddress(settings, services);
        }

        Assert.Equal("https://safetynet.herts.police.uk", For("https://safetynet.herts.police.uk/", "http://[::]:5080").Url);
        Assert.Equal("http://localhost:5080", For(null, "http://[::]:5080").Url);
        Assert.Equal("http://127.0.0.1:5399", For(null, "http://127.0.0.1:5399", "https://127.0.0.1:5400").Url);
        Assert.Equal("http://localhost:8080", For(null, "http://+:8080").Url);
    }

    private sealed class Listening : IServer
    {
        public Listening(string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }
            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();
        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public void Dispose() { }
    }

    private static async Task<string> PostFormAsync(HttpClient browser, string path, string form, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["_handler"] = form;
        var response = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("^[A-Z][a-z]+(?:[A-Z0-9][a-z0-9]*)+$")]
    private static partial Regex Compound();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style|svg|head)\\b.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("[A-Za-z0-9]+(?:-[A-Z]+)*")]
    private static partial Regex Words();
}
