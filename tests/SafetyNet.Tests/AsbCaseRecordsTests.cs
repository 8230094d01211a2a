using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

[Collection("app")]
public class AsbCaseRecordsTests(AppFixture fixture)
{
    private static MultipartFormDataContent Upload(byte[] bytes, string name, string description = "Diary sheets, week 1")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        content.Add(new StringContent(description), "description");
        return content;
    }

    [Theory, Providers]
    public async Task The_powers_register_checks_the_dispersal_rules_and_counts_issues_and_breaches_for_a_period(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        var now = app.Time.GetUtcNow();
        var from = now.AddHours(-6);
        var to = now.AddHours(1);
        var before = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/powers/counts?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");

        var refused = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/powers", new { kind = "DispersalDirection", issuedAt = now.AddHours(-2), expiresAt = now.AddHours(47) })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("expiresAt", out _));
        Assert.True(refused.GetProperty("errors").TryGetProperty("authorisedBy", out _));
        var perpetrator = asbCase.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "Perpetrator").GetProperty("identityId").GetInt64();
        var dispersal = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/powers", new
        {
            kind = "DispersalDirection", subjectIdentityId = perpetrator, issuedAt = now.AddHours(-2), expiresAt = now.AddHours(46), authorisedBy = "Inspector R. Dhillon",
        }).ExpectAsync(HttpStatusCode.Created);
        Assert.True(dispersal.GetProperty("inForce").GetBoolean());
        var breached = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/powers/{dispersal.Id()}/breaches", new { at = now.AddHours(-1), note = "Returned to the parade within the hour" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Single(breached.GetProperty("breaches").EnumerateArray());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/powers", new { kind = "WarningLetter", issuedAt = now.AddMinutes(-30) }).ExpectAsync(HttpStatusCode.Created);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{asbCase.Id()}/powers", new { kind = "Asbo", issuedAt = now }).ExpectAsync(HttpStatusCode.BadRequest);

        var after = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/powers/counts?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}");
        int Count(JsonElement counts, string kind, string field) => counts.EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind).GetProperty(field).GetInt32();
        Assert.Equal(Count(before, "DispersalDirection", "issued") + 1, Count(after, "DispersalDirection", "issued"));
        Assert.Equal(Count(before, "DispersalDirection", "breaches") + 1, Count(after, "DispersalDirection", "breaches"));
        Assert.Equal(Count(before, "WarningLetter", "issued") + 1, Count(after, "WarningLetter", "issued"));
        var chronology = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{asbCase.Id()}/chronology");
        Assert.Contains(chronology.EnumerateArray(), e => e.GetProperty("text").GetString()!.StartsWith("Breach of the dispersal direction", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task Uploads_are_checked_by_type_and_size_and_every_download_is_audited_and_letters_come_from_templates_an_administrator_edits(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        var id = asbCase.Id();

        var notPdf = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload("MZ\u0090 pretending to be a PDF"u8.ToArray(), "diary.pdf")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PDF, JPG, PNG", notPdf.GetProperty("errors").GetProperty("file")[0].GetString());
        var tooBig = new byte[new CaseWorkOptions().MaxUploadBytes + 1];
        "%PDF-1.7"u8.CopyTo(tooBig);
        var big = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload(tooBig, "huge.pdf")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("10 MB", big.GetProperty("errors").GetProperty("file")[0].GetString());

        var pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();
        var uploaded = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload(pdf, "../diary-week-1.pdf")).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("diary-week-1.pdf", uploaded.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", uploaded.GetProperty("contentType").GetString());
        var download = await desk.GetAsync($"/api/v1/asb/cases/{id}/documents/{uploaded.Id()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        var caseId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "case.document.download" && e.RecordId == caseId)));
        await desk.GetAsync($"/api/v1/asb/cases/{id}/documents/{uploaded.Id()}");
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "case.document.download" && e.RecordId == caseId)));
        // A partner the case is not shared with cannot fetch it, even knowing both numbers.
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.GetAsync($"/api/v1/asb/cases/{id}/documents/{uploaded.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload(pdf, "x.pdf"))).StatusCode);

        var perpetratorParty = asbCase.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "Perpetrator").Id();
        var letter = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters", new { template = "warning-letter", recipientPartyId = perpetratorParty }).ExpectAsync(HttpStatusCode.Created);
        var text = await desk.GetStringAsync($"/api/v1/asb/cases/{id}/documents/{letter.Id()}");
        Assert.Contains("Dear Kyle Dunmore", text, StringComparison.Ordinal);
        Assert.Contains(asbCase.GetProperty("reference").GetString()!, text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);

        // An administrator edits the template as configuration; the next letter uses the new wording.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var configuration = scope.ServiceProvider.GetRequiredService<ForceConfiguration>();
            var current = (await configuration.CurrentAsync<LetterTemplates>(LetterTemplates.Key)).Value;
            var edited = current with { Templates = [.. current.Templates.Select(t => t.Code == "warning-letter" ? t with { Body = "To {{recipient}}: stop now. {{reference}}" } : t)] };
            Assert.Empty(edited.Validate());
            Assert.NotEmpty((edited with { Templates = [new LetterTemplate("x", "X", "Hello {{nickname}}")] }).Validate());
            await configuration.PublishAsync(LetterTemplates.Key, edited, "Shorter warning letter");
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }
        var second = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters", new { template = "warning-letter", recipientPartyId = perpetratorParty }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal($"To Kyle Dunmore: stop now. {asbCase.GetProperty("reference").GetString()}", await desk.GetStringAsync($"/api/v1/asb/cases/{id}/documents/{second.Id()}"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ForceConfiguration>().PublishAsync(LetterTemplates.Key, LetterTemplates.Default, "Restore the default");
            await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        }
        var unknown = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters", new { template = "no-such-letter" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("template", out _));
        Assert.True(unknown.GetProperty("errors").TryGetProperty("recipientPartyId", out _));
    }
}
