using System.Net.Http.Json;
using System.Text.Json;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>Edits as a client makes them: read the record, send the change with the version read.</summary>
public static class Versions
{
    public const string Purpose = "Keeping the victim informed";

    /// <summary>PATCHes <paramref name="path"/> with <paramref name="changes"/> and the version the record has now.</summary>
    public static async Task<HttpResponseMessage> PatchReadAsync(this HttpClient client, string path, object changes)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, path);
        read.Headers.Add("X-Purpose", Purpose);
        using var response = await client.SendAsync(read);
        var current = await response.Content.ReadFromJsonAsync<JsonElement>();
        var body = JsonSerializer.SerializeToNode(changes)!.AsObject();
        body["version"] = current.GetProperty("version").GetInt32();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        patch.Headers.Add("X-Purpose", Purpose);
        return await client.SendAsync(patch);
    }
}
