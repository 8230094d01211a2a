using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafetyNet.Tests.Infrastructure;

/// <summary>
/// A local endpoint speaking the GOV.UK Notify v2 API: it checks the client's token (HS256, the service id as
/// issuer, signed with the API key's secret, issued within the last 30 seconds) and answers as Notify does.
/// </summary>
public sealed class NotifyStandIn : IAsyncDisposable
{
    public const string ServiceId = "4f1c7f7e-2b0e-4f55-9d0b-7f3c1a9e2d11";
    public const string Secret = "0c5b6e2a-8d4f-4b7e-a1c3-9e8f7d6c5b4a";
    public static readonly string ApiKey = $"safetynet_test-{ServiceId}-{Secret}";

    private readonly WebApplication _app;

    private NotifyStandIn(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<JsonObject> Received { get; } = new();

    /// <summary>Status codes to answer with before accepting (e.g. 500 for a failure Notify recovers from).</summary>
    public ConcurrentQueue<int> FailNext { get; } = new();

    public static async Task<NotifyStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new NotifyStandIn(app);
        app.MapPost("/v2/notifications/{kind}", async (string kind, HttpContext context) =>
        {
            if (!TokenIsValid(context.Request.Headers.Authorization.ToString()))
            {
                return Results.Json(Error(403, "AuthError", "Invalid token: signature, api token not found"), statusCode: 403);
            }
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            if (standIn.FailNext.TryDequeue(out var status))
            {
                return Results.Json(Error(status, status == 400 ? "BadRequestError" : "Exception", "Failed as told"), statusCode: status);
            }
            standIn.Received.Enqueue(body);
            var id = Guid.NewGuid().ToString();
            var personalisation = body["personalisation"]!.AsObject();
            JsonObject content = kind == "sms"
                ? new JsonObject { ["body"] = personalisation["body"]!.GetValue<string>(), ["from_number"] = "SafetyNet" }
                : new JsonObject { ["body"] = personalisation["body"]!.GetValue<string>(), ["subject"] = personalisation["subject"]!.GetValue<string>(), ["from_email"] = "safetynet@notifications.service.gov.uk" };
            return Results.Json(new JsonObject
            {
                ["id"] = id,
                ["reference"] = body["reference"]?.GetValue<string>(),
                ["content"] = content,
                ["uri"] = $"https://api.notifications.service.gov.uk/v2/notifications/{id}",
                ["template"] = new JsonObject { ["id"] = body["template_id"]!.GetValue<string>(), ["version"] = 1, ["uri"] = "https://api.notifications.service.gov.uk/v2/template/x" },
            }, statusCode: 201);
        });
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    private static JsonObject Error(int status, string error, string message) =>
        new() { ["status_code"] = status, ["errors"] = new JsonArray(new JsonObject { ["error"] = error, ["message"] = message }) };

    private static bool TokenIsValid(string authorization)
    {
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3)
        {
            return false;
        }
        var header = JsonDocument.Parse(Base64Url(parts[0])).RootElement;
        if (header.GetProperty("alg").GetString() != "HS256")
        {
            return false;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url(parts[2])))
        {
            return false;
        }
        var claims = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(claims.GetProperty("iat").GetDouble() * 1000));
        return claims.GetProperty("iss").GetString() == ServiceId && (TimeProvider.System.GetUtcNow() - issuedAt).Duration() < TimeSpan.FromSeconds(30);
    }

    private static byte[] Base64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
