using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafetyNet.Data;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// The OpenAPI document is what API clients are generated from: every operation has a summary, a stable operation id
/// and a tag, says which refusals it can answer, and says whether it needs the bearer token — and what it says about
/// the token is what the application does.
/// </summary>
[Collection("app")]
public partial class OpenApiDocumentTests(AppFixture fixture)
{
    /// <summary>The only operations a caller may use without a token: signing in, refreshing a token and the health checks.</summary>
    private static readonly string[] Anonymous = ["POST /api/v1/auth/login", "POST /api/v1/auth/refresh", "GET /health", "GET /health/workers"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private sealed record Operation(string Method, string Path, JsonElement Value)
    {
        public string Key => $"{Method.ToUpperInvariant()} {Path}";

        public bool Has(string property) => Value.TryGetProperty(property, out _);

        public IEnumerable<string> Statuses => Value.GetProperty("responses").EnumerateObject().Select(r => r.Name);

        /// <summary>Whether the caller sends anything the operation could refuse: a parameter or a body.</summary>
        public bool TakesInput => Has("requestBody") || (Value.TryGetProperty("parameters", out var p) && p.GetArrayLength() > 0);
    }

    private async Task<(JsonElement Document, List<Operation> Operations)> DocumentAsync()
    {
        var app = await fixture.App(DatabaseProvider.Sqlite);
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)).Select(m => new Operation(m.Name, path.Name, m.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        return (document, operations);
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$")]
    private static partial Regex CamelCaseVerbAndNoun();

    [Fact]
    public async Task Every_operation_has_a_summary_a_unique_camel_case_operation_id_and_a_described_tag()
    {
        var (document, operations) = await DocumentAsync();
        var tags = document.GetProperty("tags").EnumerateArray().ToDictionary(
            t => t.GetProperty("name").GetString()!, t => t.TryGetProperty("description", out var d) ? d.GetString() : null);

        foreach (var operation in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace(operation.Value.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{operation.Key} has no summary");
            var id = operation.Value.TryGetProperty("operationId", out var o) ? o.GetString() : null;
            Assert.True(id is not null && CamelCaseVerbAndNoun().IsMatch(id), $"{operation.Key} has operationId '{id}', not a camelCase verb and noun");
            var operationTags = operation.Value.TryGetProperty("tags", out var t) ? t.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
            Assert.True(operationTags.Count > 0, $"{operation.Key} has no tag");
            foreach (var tag in operationTags)
            {
                Assert.True(tags.TryGetValue(tag, out var description) && !string.IsNullOrWhiteSpace(description), $"the tag '{tag}' of {operation.Key} has no description");
            }
        }
        var duplicates = operations.GroupBy(o => o.Value.GetProperty("operationId").GetString()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"operationIds used twice: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public async Task The_bearer_scheme_is_declared_and_every_operation_says_whether_it_needs_it()
    {
        var (document, operations) = await DocumentAsync();
        var bearer = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("http", bearer.GetProperty("type").GetString());
        Assert.Equal("bearer", bearer.GetProperty("scheme").GetString());

        foreach (var operation in operations)
        {
            Assert.True(operation.Value.TryGetProperty("security", out var security), $"{operation.Key} has no security declaration");
            var requirements = security.EnumerateArray().ToList();
            if (Anonymous.Contains(operation.Key))
            {
                Assert.True(requirements.Count == 0, $"{operation.Key} is anonymous, so its security should be []: {security}");
            }
            else
            {
                var requirement = Assert.Single(requirements);
                Assert.Equal(["bearer"], requirement.EnumerateObject().Select(r => r.Name));
                Assert.Contains("401", operation.Statuses);
            }
        }
        Assert.Equal(Anonymous.Order(), operations.Where(o => o.Value.GetProperty("security").GetArrayLength() == 0).Select(o => o.Key).Order());
    }

    [Fact]
    public async Task Every_operation_that_can_be_refused_lists_its_refusals()
    {
        var (_, operations) = await DocumentAsync();
        foreach (var operation in operations.Where(o => o.Value.GetProperty("security").GetArrayLength() > 0 || o.TakesInput))
        {
            Assert.True(operation.Statuses.Any(s => s.StartsWith('4')), $"{operation.Key} lists no 4xx response");
            if (operation.Has("requestBody"))
            {
                Assert.Contains("400", operation.Statuses);
            }
        }
        // What is left takes no input and needs no token: the health checks, which answer 200 or 503.
        Assert.Equal(["GET /health", "GET /health/workers"],
            operations.Where(o => o.Value.GetProperty("security").GetArrayLength() == 0 && !o.TakesInput).Select(o => o.Key).Order());
    }

    [Fact]
    public async Task What_the_document_says_about_the_token_is_what_the_application_does()
    {
        var (_, operations) = await DocumentAsync();
        var app = await fixture.App(DatabaseProvider.Sqlite);
        var anonymous = app.CreateClient();
        foreach (var operation in operations)
        {
            var path = Regex.Replace(operation.Path, "{[^}]+}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), path);
            if (operation.Value.TryGetProperty("requestBody", out var body))
            {
                // A body of the media type the document names: another is refused (415) before the token is asked for.
                var mediaType = body.GetProperty("content").EnumerateObject().First().Name;
                request.Content = mediaType == "multipart/form-data" ? new MultipartFormDataContent() : new StringContent("{}", Encoding.UTF8, mediaType);
            }
            using var response = await anonymous.SendAsync(request);
            var challenged = response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer");
            if (operation.Value.GetProperty("security").GetArrayLength() == 0)
            {
                Assert.False(challenged, $"{operation.Key} is declared anonymous but asks for a bearer token");
            }
            else
            {
                Assert.True(challenged, $"{operation.Key} is declared to need a bearer token but answered {(int)response.StatusCode} without one");
            }
        }
    }
}
