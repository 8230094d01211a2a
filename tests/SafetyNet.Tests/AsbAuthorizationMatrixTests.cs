using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// What a partner sees of a case it may open: the parts its agreement permits, never police intelligence or a
/// domestic abuse victim's whereabouts. Who may open which case at all is in <see cref="AuthorizationMatrixTests"/>.
/// </summary>
[Collection("app")]
public class AsbAuthorizationMatrixTests(AppFixture fixture)
{
    private sealed record Cases(long Own, long Other, long Shared, long NotShared, string Marker, string Surname, string AbuseReference);

    private static async Task<Cases> ArrangeAsync(SafetyNetApp app)
    {
        var marker = $"M{Guid.NewGuid():N}"[..14];
        var surname = $"Z{Guid.NewGuid():N}"[..12];
        var handler = await app.ClientForAsync(Roles.CallHandler);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);

        var sharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: $"1 {marker} Road, Watford"));
        var shared = await AsbTesting.OpenCaseFromDeskAsync(desk, sharedIncident.Id());
        var notSharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: surname, place: $"2 {marker} Road, Watford"));
        var notShared = await AsbTesting.OpenCaseFromDeskAsync(desk, notSharedIncident.Id());

        // The shared case's victim is also a domestic abuse victim: her whereabouts never reach a partner.
        var abuse = Reports.DomesticAbuse(15);
        abuse["people"] = new object[] { Reports.Victim("Sarah", surname, "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = surname } };
        var abuseIncident = await AsbTesting.RecordAsync(handler, abuse);
        var abuseVictim = await app.WithDbAsync(db => db.IncidentPeople.Where(p => p.IncidentId == abuseIncident.Id() && p.Role == People.PersonRole.Victim).Select(p => p.IdentityId!.Value).SingleAsync());
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/parties", new { identityId = abuseVictim, role = "Victim" }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/incidents", new { incidentId = abuseIncident.Id() }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/contacts", new { text = $"POLICE-ONLY {marker}", policeOnly = true }).ExpectAsync(HttpStatusCode.Created);

        var agencies = await app.WithDbAsync(db => db.Agencies.ToDictionaryAsync(a => a.Code, a => a.Id));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/shares", new { agencyId = agencies["COUNCIL-WATFORD"], lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{notShared.Id()}/shares", new { agencyId = agencies["HOUSING"], lawfulBasis = "Consent", consentSought = true, consentGiven = true })
            .ExpectAsync(HttpStatusCode.OK);
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var own = await watford.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Fly-tipping behind the parade {marker}", category = "Environmental", riskLevel = "Low", district = "Watford" })
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(agencies["COUNCIL-WATFORD"], own.GetProperty("leadAgency").GetProperty("id").GetInt32());
        var stAlbans = await app.ClientForEmailAsync(AsbTesting.StAlbansCaseworker);
        var other = await stAlbans.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Noise from a flat {marker}", category = "Nuisance", riskLevel = "Medium", district = "St Albans" })
            .ExpectAsync(HttpStatusCode.Created);
        return new Cases(own.Id(), other.Id(), shared.Id(), notShared.Id(), marker, surname, abuseIncident.GetProperty("reference").GetString()!);
    }

    [Theory, Providers]
    public async Task A_partner_sees_only_the_parts_its_agreement_permits_and_never_police_intelligence_or_a_domestic_abuse_victims_whereabouts(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var cases = await ArrangeAsync(app);
        var desk = await app.ClientForAsync(Roles.CommunityFocusDesk);
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var housing = await app.ClientForEmailAsync(AsbTesting.HousingCaseworker);

        var police = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}");
        Assert.Equal(2, police.GetProperty("incidents").GetArrayLength());
        var sarahForPolice = police.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Sarah {cases.Surname}");
        Assert.False(sarahForPolice.GetProperty("addressWithheld").GetBoolean());
        Assert.Contains((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray(),
            e => e.GetProperty("text").GetString()!.Contains("POLICE-ONLY", StringComparison.Ordinal));

        // Watford's agreement gives parties, addresses, incidents, risk, actions and chronology.
        var forWatford = await watford.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}");
        Assert.Empty(forWatford.GetProperty("withheld").EnumerateArray());
        var sarah = forWatford.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Sarah {cases.Surname}");
        Assert.True(sarah.GetProperty("addressWithheld").GetBoolean());
        Assert.Equal(JsonValueKind.Null, sarah.GetProperty("address").ValueKind);
        var janet = forWatford.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == $"Janet {cases.Surname}");
        Assert.Equal("14 Holywell Hill, St Albans", janet.GetProperty("address").GetString());
        var incidents = forWatford.GetProperty("incidents").EnumerateArray().ToList();
        Assert.Single(incidents);
        Assert.Equal("Anti-social behaviour – personal", incidents[0].GetProperty("typeName").GetString());
        Assert.Equal(JsonValueKind.Null, forWatford.GetProperty("shares").ValueKind);
        var chronology = (await watford.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray().ToList();
        Assert.NotEmpty(chronology);
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains("POLICE-ONLY", StringComparison.Ordinal));
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains("DOMESTIC", StringComparison.OrdinalIgnoreCase));
        // Not even the reference of the domestic abuse incident linked to the case.
        Assert.DoesNotContain(chronology, e => e.GetProperty("text").GetString()!.Contains(cases.AbuseReference, StringComparison.Ordinal));
        Assert.Contains((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.Shared}/chronology")).EnumerateArray(),
            e => e.GetProperty("text").GetString()!.Contains(cases.AbuseReference, StringComparison.Ordinal));
        var refused = await watford.PostAsJsonAsync($"/api/v1/asb/cases/{cases.Shared}/contacts", new { text = "Our intelligence", policeOnly = true }).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("policeOnly", out _));
        await watford.PostAsJsonAsync($"/api/v1/asb/cases/{cases.Shared}/contacts", new { text = "Council officer visited the victim" }).ExpectAsync(HttpStatusCode.Created);

        // Housing's agreement has no incidents or risk: those parts are withheld and named as withheld.
        var forHousing = await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{cases.NotShared}");
        var withheld = forHousing.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()).ToList();
        Assert.Contains("incidents", withheld);
        Assert.Contains("risk", withheld);
        Assert.Equal(JsonValueKind.Null, forHousing.GetProperty("incidents").ValueKind);
        Assert.Equal(JsonValueKind.Null, forHousing.GetProperty("riskLevel").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, forHousing.GetProperty("parties").ValueKind);
        // Nor which complaints the Community Trigger counted on the case: they are incidents.
        Assert.NotEmpty((await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/community-trigger/cases/{cases.NotShared}")).GetProperty("complaints").EnumerateArray());
        Assert.Empty((await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/community-trigger/cases/{cases.NotShared}")).GetProperty("complaints").EnumerateArray());
        var housingList = await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={cases.Marker}");
        Assert.Equal(JsonValueKind.Null, housingList.GetProperty("items")[0].GetProperty("riskLevel").ValueKind);
        // Housing's agreement includes people, so it finds its case by a party's name, and only that one.
        Assert.Equal(1, (await housing.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={cases.Surname}")).GetProperty("total").GetInt32());

        var id = cases.Shared.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "case.read" && e.RecordId == id && e.Details!.StartsWith("partner view"))));
    }

    [Theory, Providers]
    public async Task Case_pages_answer_not_found_to_those_not_entitled(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var cases = await ArrangeAsync(app);
        var watford = await app.CreateClientSignedInAsync(AsbTesting.WatfordCaseworker);
        Assert.Equal(HttpStatusCode.OK, (await watford.GetAsync($"/asb/cases/{cases.Shared}")).StatusCode);
        var page = await watford.GetStringAsync($"/asb/cases/{cases.Shared}");
        Assert.DoesNotContain("POLICE-ONLY", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.GetAsync($"/asb/cases/{cases.NotShared}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await watford.GetAsync($"/asb/cases/{cases.Other}")).StatusCode);
        var list = await watford.GetStringAsync($"/asb/cases?q={cases.Marker}");
        Assert.Contains("2 cases", list, StringComparison.Ordinal);
        var analyst = await app.CreateClientSignedInAsync(SafetyNetApp.DemoEmail(Roles.Analyst));
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/asb/cases/{cases.Shared}")).StatusCode);
    }
}
