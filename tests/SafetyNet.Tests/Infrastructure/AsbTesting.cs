using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>Small helpers for the ASB tests: partner users by email, incidents routed to the desk, cases.</summary>
public static class AsbTesting
{
    public const string WatfordCaseworker = "partnercaseworker@safetynet.test";
    public const string HousingCaseworker = "housing.caseworker@safetynet.test";
    public const string StAlbansCaseworker = "stalbans.caseworker@safetynet.test";
    public const string DacorumCaseworker = "dacorum.caseworker@safetynet.test";

    public static async Task<HttpClient> ClientForEmailAsync(this SafetyNetApp app, string email)
    {
        var client = app.CreateClient();
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SafetyNetApp.Password });
        login.EnsureSuccessStatusCode();
        var token = await login.Content.ReadFromJsonAsync<SafetyNetApp.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A client signed in to the pages with a cookie, as a browser would be, through the sign-in form.</summary>
    public static async Task<HttpClient> CreateClientSignedInAsync(this SafetyNetApp app, string email)
    {
        var client = app.CreateClient();
        var form = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Form.Email"] = email, ["Form.Password"] = SafetyNetApp.Password,
        }));
        response.EnsureSuccessStatusCode();
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> ExpectAsync(this Task<HttpResponseMessage> request, HttpStatusCode status)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {status}, got {response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>An ASB report against a named victim, graded as the call handler chose.</summary>
    public static Dictionary<string, object?> AsbReport(string first = "Janet", string last = "Mbeki", string grade = "SCHEDULED", string place = "Windmill Avenue, Watford",
        string district = "Watford", DateTimeOffset? occurredFrom = null, params string[] yes)
    {
        var report = Reports.Asb(Reports.Asb(yes));
        report["people"] = new object[] { Reports.Victim(first, last, "1975-02-20"), new { role = "Suspect", firstName = "Kyle", lastName = "Dunmore" } };
        report["grade"] = grade;
        report["location"] = new { text = place, district };
        if (occurredFrom is not null)
        {
            report["occurredFrom"] = occurredFrom;
        }
        return report;
    }

    public static async Task<JsonElement> RecordAsync(HttpClient callHandler, object report) =>
        await callHandler.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);

    public static long Id(this JsonElement element) => element.GetProperty("id").GetInt64();

    /// <summary>Reviews an incident at the desk and opens a case from it; answers the case.</summary>
    public static async Task<JsonElement> OpenCaseFromDeskAsync(HttpClient desk, long incidentId, string level = "Medium")
    {
        var review = await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/desk/{incidentId}");
        var reviewed = await desk.PostAsJsonAsync($"/api/v1/asb/desk/{incidentId}/review", new
        {
            version = review.GetProperty("version").GetInt32(), riskDecision = "reassess", riskLevel = level, reason = "Desk review", caseDecision = "Open",
        }).ExpectAsync(HttpStatusCode.OK);
        var caseId = reviewed.GetProperty("decision").GetProperty("caseId").GetInt64();
        return await desk.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases/{caseId}");
    }
}
