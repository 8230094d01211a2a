using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class ExportAndImportTests(AppFixture fixture)
{
    [Theory, Providers]
    public async Task A_case_export_is_one_audit_event_naming_its_recipient(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        await desk.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Fly-tipping behind the parade {Guid.NewGuid():N}", category = "Environmental", riskLevel = "Low", district = "Watford" })
            .ExpectAsync(HttpStatusCode.Created);
        var last = await app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => e.Id));

        var export = await desk.GetAsync("/api/v1/asb/cases/export?district=Watford");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("reference,title", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var events = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.Id > last && (e.Action.StartsWith("case.") || e.Action.EndsWith(".search"))).ToListAsync());
        var written = Assert.Single(events);
        Assert.Equal("case.export", written.Action);
        Assert.Contains($"recipient={SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk)}", written.Details, StringComparison.Ordinal);
        Assert.Contains("district=Watford", written.Details, StringComparison.Ordinal);
    }

    [Theory, Providers]
    public async Task Two_identical_imports_at_once_both_answer_with_the_one_record(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var client = await app.ClientForAsync(Roles.CallHandler);
        for (var pair = 0; pair < 4; pair++)
        {
            var reference = $"CAD-{Guid.NewGuid():N}";
            var report = Reports.Burglary();
            report["channel"] = "CallHandlingImport";
            report["sourceSystem"] = "STORM";
            report["sourceReference"] = reference;
            var answers = await Task.WhenAll(client.PostAsJsonAsync("/api/v1/incidents", report), client.PostAsJsonAsync("/api/v1/incidents", report));
            var bodies = new List<JsonElement>();
            foreach (var answer in answers)
            {
                var text = await answer.Content.ReadAsStringAsync();
                Assert.True(answer.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)answer.StatusCode}: {text}");
                bodies.Add(JsonDocument.Parse(text).RootElement.Clone());
            }
            Assert.Equal(bodies[0].Id(), bodies[1].Id());
            Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
            Assert.Equal(1, await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.SourceSystem == "STORM" && i.SourceReference == reference)));
        }
    }
}
