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

    [Theory, Providers]
    public async Task A_dispersal_longer_than_48_hours_and_an_upload_of_the_wrong_type_or_size_are_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var id = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id())).Id();
        var now = app.Time.GetUtcNow();

        var refused = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/powers", new
        {
            kind = "DispersalDirection", issuedAt = now.AddHours(-1), expiresAt = now.AddHours(47).AddMinutes(1), authorisedBy = "Inspector R. Dhillon",
        }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("48 hours", refused.GetProperty("errors").GetProperty("expiresAt")[0].GetString());
        Assert.False(refused.GetProperty("errors").TryGetProperty("authorisedBy", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.CasePowers.CountAsync(p => p.CaseId == id)));
        // Exactly 48 hours is what the Act allows.
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/powers", new
        {
            kind = "DispersalDirection", issuedAt = now.AddHours(-1), expiresAt = now.AddHours(47), authorisedBy = "Inspector R. Dhillon",
        }).ExpectAsync(HttpStatusCode.Created);

        var executable = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload("MZ\u0090 a program"u8.ToArray(), "diary.pdf")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The selected file must be a PDF, JPG, PNG or Word (.docx)", executable.GetProperty("errors").GetProperty("file")[0].GetString());
        var tooBig = new byte[10 * 1024 * 1024 + 1];
        "%PDF-1.7"u8.CopyTo(tooBig);
        var big = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload(tooBig, "huge.pdf")).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The selected file must be smaller than 10 MB", big.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == id)));
        Assert.DoesNotContain((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}/chronology")).EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "document");

        // A download from the page (with the signed-in cookie) is audited once, as one from the API is.
        var pdf = "%PDF-1.7\n%%EOF"u8.ToArray();
        var uploaded = await desk.PostAsync($"/api/v1/asb/cases/{id}/documents", Upload(pdf, "diary.pdf")).ExpectAsync(HttpStatusCode.Created);
        var caseId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var page = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk));
        Assert.Equal(pdf, await page.GetByteArrayAsync($"/asb/cases/{id}/documents/{uploaded.Id()}"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "case.document.download" && e.RecordId == caseId)));
    }

    [Theory, Providers]
    public async Task An_action_cannot_be_given_to_an_agency_or_a_person_whose_agency_cannot_see_the_case_until_the_case_is_shared(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var id = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id())).Id();
        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        var housingUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == AsbTesting.HousingCaseworker).Select(u => u.Id).SingleAsync());
        var due = app.Time.GetUtcNow().AddDays(7);

        var toAgency = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "Visit the tenants", ownerAgencyId = agencies["HOUSING"], dueAt = due })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("the case is not shared with", toAgency.GetProperty("errors").GetProperty("ownerAgencyId")[0].GetString());
        var toPerson = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "Visit the tenants", ownerUserId = housingUser, dueAt = due })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Demo housing caseworker cannot own this action", toPerson.GetProperty("errors").GetProperty("ownerUserId")[0].GetString());
        // Dacorum has no sharing agreement: sharing would not help, and the reason says so.
        var dacorum = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "Clear the alley", ownerAgencyId = agencies["COUNCIL-DACORUM"], dueAt = due })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("no information sharing agreement", dacorum.GetProperty("errors").GetProperty("ownerAgencyId")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseActions.CountAsync(a => a.CaseId == id)));

        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/shares", new { agencyId = agencies["HOUSING"], lawfulBasis = "CrimeAndDisorderActSection115" }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/actions", new { title = "Visit the tenants", ownerUserId = housingUser, dueAt = due }).ExpectAsync(HttpStatusCode.Created);
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        Assert.Contains((await housing.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine")).EnumerateArray(), a => a.GetProperty("caseId").GetInt64() == id);
    }

    [Theory, Providers]
    public async Task A_partner_adds_someone_new_changes_their_role_and_takes_them_off_the_case_with_the_reason_kept(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var id = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id())).Id();
        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/shares", new { agencyId = agencies["HOUSING"], lawfulBasis = "CrimeAndDisorderActSection115" }).ExpectAsync(HttpStatusCode.OK);
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);
        var known = await app.WithDbAsync(db => db.PersonIdentities.Select(i => i.Id).FirstAsync());

        // A partner cannot pick among the people known to the police, only add someone new.
        var picked = await housing.PostAsJsonAsync($"/api/v1/asb/cases/{id}/parties", new { identityId = known, role = "Witness" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(picked.GetProperty("errors").TryGetProperty("identityId", out _));
        var added = await housing.PostAsJsonAsync($"/api/v1/asb/cases/{id}/parties", new { firstName = "Ruth", lastName = "Adeyemi", dateOfBirth = "1961-04-02", role = "Witness" })
            .ExpectAsync(HttpStatusCode.OK);
        var ruth = added.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Ruth Adeyemi");
        Assert.Equal("Witness", ruth.GetProperty("role").GetString());

        var same = await housing.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/parties/{ruth.Id()}", new { role = "Witness" }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(same.GetProperty("errors").TryGetProperty("role", out _));
        var changed = await housing.PatchAsJsonAsync($"/api/v1/asb/cases/{id}/parties/{ruth.Id()}", new { role = "Victim" }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Victim", changed.GetProperty("parties").EnumerateArray().Single(p => p.Id() == ruth.Id()).GetProperty("role").GetString());

        var noReason = await housing.PostAsJsonAsync($"/api/v1/asb/cases/{id}/parties/{ruth.Id()}/removal", new { }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var removed = await housing.PostAsJsonAsync($"/api/v1/asb/cases/{id}/parties/{ruth.Id()}/removal", new { reason = "Moved out of the borough in May" })
            .ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(removed.GetProperty("parties").EnumerateArray(), p => p.Id() == ruth.Id());
        var chronology = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}/chronology")).EnumerateArray().Select(e => e.GetProperty("text").GetString()!).ToList();
        Assert.Contains("Ruth Adeyemi's role changed from witness to victim", chronology);
        Assert.Contains(chronology, t => t.StartsWith("Ruth Adeyemi removed as victim", StringComparison.Ordinal) && t.EndsWith(": Moved out of the borough in May", StringComparison.Ordinal));
    }

    [Theory, Providers]
    public async Task A_power_ending_within_the_configured_days_is_due_for_the_cases_owner(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var id = (await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id())).Id();
        var deskUser = await app.WithDbAsync(db => db.Users.Where(u => u.Email == SafetyNetApp.DemoEmail(Roles.CommunityFocusDesk)).Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(db => db.AsbCases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SpocUserId, deskUser)));
        var now = app.Time.GetUtcNow();
        // The appsettings give 7 days.
        var soon = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/powers", new { kind = "CommunityProtectionNotice", issuedAt = now.AddDays(-20), expiresAt = now.AddDays(6) })
            .ExpectAsync(HttpStatusCode.Created);
        var later = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/powers", new { kind = "CivilInjunction", issuedAt = now.AddDays(-20), expiresAt = now.AddDays(8) })
            .ExpectAsync(HttpStatusCode.Created);

        var onCase = (await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{id}/powers/expiring")).EnumerateArray().Select(p => p.GetProperty("powerId").GetInt64()).ToList();
        Assert.Equal(new[] { soon.Id() }, onCase);
        var mine = (await desk.GetFromJsonAsync<JsonElement>("/api/v1/asb/powers/expiring/mine")).EnumerateArray().Select(p => p.GetProperty("powerId").GetInt64()).ToList();
        Assert.Contains(soon.Id(), mine);
        Assert.DoesNotContain(later.Id(), mine);
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.DoesNotContain((await officer.GetFromJsonAsync<JsonElement>("/api/v1/asb/powers/expiring/mine")).EnumerateArray(), p => p.GetProperty("powerId").GetInt64() == soon.Id());
    }

    [Theory, Providers]
    public async Task An_administrator_adds_a_letter_template_and_a_caseworker_previews_a_letter_from_it_before_keeping_it(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var asbCase = await AsbTesting.OpenCaseFromDeskAsync(desk, (await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport())).Id());
        var id = asbCase.Id();
        var admin = await app.ClientForAsync(Roles.Administrator);
        var code = $"tenancy-{Guid.NewGuid():N}"[..16];

        var unknown = await admin.PutAsJsonAsync($"/api/v1/asb/letter-templates/{code}", new { name = "Tenancy warning", body = "Dear {{nickname}}", reason = "New letter" })
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("{{nickname}} is not a placeholder", unknown.GetProperty("errors").GetProperty("body")[0].GetString());
        await (await app.ClientForAsync(Roles.Officer)).PutAsJsonAsync($"/api/v1/asb/letter-templates/{code}", new { name = "X", body = "Y", reason = "Z" })
            .ExpectAsync(HttpStatusCode.NotFound);
        await admin.PutAsJsonAsync($"/api/v1/asb/letter-templates/{code}", new { name = "Tenancy warning", body = "Dear {{recipient}}, case {{reference}}: keep to your tenancy.", reason = "New letter" })
            .ExpectAsync(HttpStatusCode.OK);

        var perpetrator = asbCase.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("role").GetString() == "Perpetrator").Id();
        var preview = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters/preview", new { template = code, recipientPartyId = perpetrator }).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"Dear Kyle Dunmore, case {asbCase.GetProperty("reference").GetString()}: keep to your tenancy.", preview.GetProperty("text").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.CaseDocuments.CountAsync(d => d.CaseId == id)));
        var kept = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{id}/letters", new { template = code, recipientPartyId = perpetrator }).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(preview.GetProperty("text").GetString(), await desk.GetStringAsync($"/api/v1/asb/cases/{id}/documents/{kept.Id()}"));
    }
}
