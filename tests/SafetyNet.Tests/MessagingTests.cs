using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyNet.Data;
using SafetyNet.Messaging;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>An application wired to a loopback SMTP server and a Notify stand-in, and ways to put messages in its outbox.</summary>
public static class MessagingHarness
{
    public static async Task<SafetyNetApp> AppAsync(DatabaseProvider provider, LoopbackSmtp? smtp = null, NotifyStandIn? notify = null, string? apiKey = null) =>
        await new SafetyNetApp(provider, settings: new Dictionary<string, string?>
        {
            ["Messaging:Smtp:Host"] = "127.0.0.1",
            ["Messaging:Smtp:Port"] = (smtp?.Port ?? LoopbackSmtp.FreePort()).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:Smtp:Security"] = "None",
            ["Messaging:Smtp:From"] = "victims@herts.police.test",
            ["Messaging:Notify:BaseUrl"] = notify?.BaseUrl,
            ["Messaging:Notify:ApiKey"] = apiKey ?? NotifyStandIn.ApiKey,
            ["Messaging:Notify:EmailTemplateId"] = "7d1c1b0c-6f3e-4e43-9d2b-3f5b8a1e4c01",
            ["Messaging:Notify:SmsTemplateId"] = "8e2d2c1d-7a4f-4f54-8e3c-4a6c9b2f5d02",
        }).ReadyAsync();

    public static async Task<long> EnqueueAsync(SafetyNetApp app, MessageChannel channel, string to, string body, string? subject = "Your crime HC/26/000123", string purpose = "test")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue(channel, to, subject, body, purpose, "HC/26/000123");
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
        return message.Id;
    }

    public static async Task UseChannelsAsync(SafetyNetApp app, MessagingRules rules)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ForceConfiguration>().PublishAsync(MessagingRules.Key, rules, "test");
        await scope.ServiceProvider.GetRequiredService<AppDb>().SaveChangesAsync();
    }

    public static Task<int> DrainAsync(SafetyNetApp app) => app.Services.GetRequiredService<OutboxDispatcher>().DrainAsync();
}

public sealed class MessagingTests
{
    private static Task<SafetyNetApp> AppAsync(DatabaseProvider provider, LoopbackSmtp? smtp = null, NotifyStandIn? notify = null, string? apiKey = null) =>
        MessagingHarness.AppAsync(provider, smtp, notify, apiKey);

    private static Task<long> EnqueueAsync(SafetyNetApp app, MessageChannel channel, string to, string body, string? subject = "Your crime HC/26/000123") =>
        MessagingHarness.EnqueueAsync(app, channel, to, body, subject);

    private static Task UseChannelsAsync(SafetyNetApp app, MessagingRules rules) => MessagingHarness.UseChannelsAsync(app, rules);

    private static Task<int> DrainAsync(SafetyNetApp app) => app.Services.GetRequiredService<OutboxDispatcher>().DrainAsync();

    private static Task<OutboxMessage> MessageAsync(SafetyNetApp app, long id) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id));

    [Theory, Providers]
    public async Task An_email_is_delivered_over_smtp_and_administrators_see_only_its_state(DatabaseProvider provider)
    {
        await using var smtp = await LoopbackSmtp.StartAsync();
        await using var app = await AppAsync(provider, smtp);
        var id = await EnqueueAsync(app, MessageChannel.Email, "victim@example.org", "Officer PC Shah will call you on Friday.");

        Assert.Equal(1, await DrainAsync(app));

        var delivered = Assert.Single(smtp.Delivered());
        Assert.Equal("victim@example.org", delivered.To.Mailboxes.Single().Address);
        Assert.Equal("Your crime HC/26/000123", delivered.Subject);
        Assert.Contains("PC Shah will call you on Friday", delivered.TextBody, StringComparison.Ordinal);
        var row = await MessageAsync(app, id);
        Assert.Equal((MessageState.Sent, "Smtp", 1), (row.State, row.SentVia, row.Attempts));

        // Draining again sends nothing twice.
        Assert.Equal(0, await DrainAsync(app));
        Assert.Single(smtp.Delivered());

        var admin = await app.ClientForAsync(Roles.Administrator);
        var list = await admin.GetStringAsync("/api/v1/outbox");
        Assert.Contains("\"state\":\"Sent\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain("victim@example.org", list, StringComparison.Ordinal);
        Assert.DoesNotContain("PC Shah", list, StringComparison.Ordinal);
        var officer = await app.ClientForAsync(Roles.Officer);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/outbox")).StatusCode);
    }

    [Theory, Providers]
    public async Task Notify_carries_email_and_texts_with_a_signed_token_and_texts_wait_for_the_morning(DatabaseProvider provider)
    {
        await using var notify = await NotifyStandIn.StartAsync();
        await using var app = await AppAsync(provider, notify: notify);
        await UseChannelsAsync(app, MessagingRules.Default with { EmailChannel = "Notify" });

        var email = await EnqueueAsync(app, MessageChannel.Email, "victim@example.org", "An update on HC/26/000123");
        Assert.Equal(1, await DrainAsync(app));
        var sent = Assert.Single(notify.Received);
        Assert.Equal("victim@example.org", sent["email_address"]!.GetValue<string>());
        Assert.Equal("7d1c1b0c-6f3e-4e43-9d2b-3f5b8a1e4c01", sent["template_id"]!.GetValue<string>());
        Assert.Equal("An update on HC/26/000123", sent["personalisation"]!["body"]!.GetValue<string>());
        Assert.Equal((MessageState.Sent, "Notify"), ((await MessageAsync(app, email)).State, (await MessageAsync(app, email)).SentVia));

        // 21:00 in London: a text waits until 08:00 the next morning, without counting as an attempt.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 23, 21, 0, 0, TimeSpan.Zero));
        var text = await EnqueueAsync(app, MessageChannel.Sms, "07700900982", "An officer will call you tomorrow", subject: null);
        // A survey never arrives overnight, whatever its channel; other e-mail goes at once.
        var survey = await MessagingHarness.EnqueueAsync(app, MessageChannel.Email, "caller@example.org", "How did we do?", "How did we do?", purpose: "survey");
        var evening = await EnqueueAsync(app, MessageChannel.Email, "victim@example.org", "Your statement is attached to HC/26/000123");
        Assert.Equal(1, await DrainAsync(app));
        Assert.Equal(MessageState.Sent, (await MessageAsync(app, evening)).State);
        var waiting = await MessageAsync(app, text);
        Assert.Equal((MessageState.Pending, 0, new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), (waiting.State, waiting.Attempts, waiting.NextAttemptAt));
        var surveyWaiting = await MessageAsync(app, survey);
        Assert.Equal((MessageState.Pending, 0, new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)), (surveyWaiting.State, surveyWaiting.Attempts, surveyWaiting.NextAttemptAt));
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 7, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await DrainAsync(app));
        app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await DrainAsync(app));
        Assert.Contains(notify.Received, r => r["phone_number"]?.GetValue<string>() == "07700900982");
    }

    [Theory, Providers]
    public async Task A_failed_send_is_retried_with_back_off_and_a_refused_one_becomes_a_dead_letter_that_can_be_resent(DatabaseProvider provider)
    {
        await using var notify = await NotifyStandIn.StartAsync();
        await using var app = await AppAsync(provider, notify: notify);
        await UseChannelsAsync(app, MessagingRules.Default with { EmailChannel = "Notify" });

        notify.FailNext.Enqueue(500);
        notify.FailNext.Enqueue(503);
        var id = await EnqueueAsync(app, MessageChannel.Email, "victim@example.org", "Update");
        Assert.Equal(0, await DrainAsync(app));
        var first = await MessageAsync(app, id);
        Assert.Equal((MessageState.Pending, 1, SafetyNetApp.Start.AddMinutes(1)), (first.State, first.Attempts, first.NextAttemptAt));
        Assert.Equal(0, await DrainAsync(app));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await DrainAsync(app));
        Assert.Equal(SafetyNetApp.Start.AddMinutes(3), (await MessageAsync(app, id)).NextAttemptAt); // 1 then 2 minutes
        app.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DrainAsync(app));
        Assert.Equal((MessageState.Sent, 3), ((await MessageAsync(app, id)).State, (await MessageAsync(app, id)).Attempts));

        notify.FailNext.Enqueue(400);
        var refused = await EnqueueAsync(app, MessageChannel.Email, "not-an-address", "Update");
        await DrainAsync(app);
        var dead = await MessageAsync(app, refused);
        Assert.Equal((MessageState.DeadLetter, "Notify 400"), (dead.State, dead.LastError));

        var admin = await app.ClientForAsync(Roles.Administrator);
        var letters = await admin.GetFromJsonAsync<JsonElement>("/api/v1/outbox?state=DeadLetter");
        Assert.Equal(refused, letters.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetInt64());
        var resend = await admin.PostAsync($"/api/v1/outbox/{refused}/resend", null);
        Assert.Equal(HttpStatusCode.OK, resend.StatusCode);
        Assert.Equal(1, await DrainAsync(app));
        Assert.Equal(MessageState.Sent, (await MessageAsync(app, refused)).State);
        var again = await admin.PostAsync($"/api/v1/outbox/{refused}/resend", null);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == "outbox.resend")));
    }

    [Theory, Providers]
    public async Task Notify_refuses_a_token_signed_with_the_wrong_key_and_the_message_is_not_lost(DatabaseProvider provider)
    {
        await using var notify = await NotifyStandIn.StartAsync();
        await using var app = await AppAsync(provider, notify: notify, apiKey: $"wrong-{NotifyStandIn.ServiceId}-{Guid.NewGuid()}");
        var id = await EnqueueAsync(app, MessageChannel.Sms, "07700900982", "Update", subject: null);
        await DrainAsync(app);
        Assert.Empty(notify.Received);
        var dead = await MessageAsync(app, id);
        Assert.Equal((MessageState.DeadLetter, "Notify 403"), (dead.State, dead.LastError));
    }

    [Theory, Providers]
    public async Task Two_nodes_draining_one_outbox_send_each_message_exactly_once(DatabaseProvider provider)
    {
        await using var smtp = await LoopbackSmtp.StartAsync();
        await using var app = await AppAsync(provider, smtp);
        for (var i = 0; i < 30; i++)
        {
            await EnqueueAsync(app, MessageChannel.Email, $"victim{i}@example.org", $"Message {i}");
        }
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        var nodeA = new OutboxDispatcher(scopes, app.Time, NullLogger<OutboxDispatcher>.Instance) { Node = "node-a" };
        var nodeB = new OutboxDispatcher(scopes, app.Time, NullLogger<OutboxDispatcher>.Instance) { Node = "node-b" };

        var counts = await Task.WhenAll(Task.Run(() => nodeA.DrainAsync()), Task.Run(() => nodeB.DrainAsync()));

        var delivered = smtp.Delivered();
        Assert.Equal(30, counts.Sum());
        Assert.Equal(30, delivered.Count);
        Assert.Equal(30, delivered.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(30, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.State == MessageState.Sent)));
    }
}
