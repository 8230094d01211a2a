using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Messaging;

/// <summary>What an administrator sees of a message: its metadata and delivery state, never the body or recipient.</summary>
public sealed record OutboxItem(
    long Id, string Channel, string Purpose, string? Reference, string State, int Attempts, DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? SentVia, string? LastError);

public static class OutboxApi
{
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddScoped<OutboxAdministration>();
        builder.Services.AddSingleton<IMessageCarrier, SmtpCarrier>();
        builder.Services.AddSingleton<IMessageCarrier, NotifyCarrier>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddScoped<IStartupSeeder, MessagingSeeder>();
        builder.Services.AddHostedService<OutboxWorker>();
        return builder;
    }

    public static WebApplication MapOutbox(this WebApplication app)
    {
        var outbox = app.MapGroup("/api/v1/outbox").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Administration).WithTags("Outbox");
        outbox.MapGet("", ListAsync)
            .WithName("listOutbox").WithSummary("List outgoing messages and their delivery state");
        outbox.MapPost("/{id:long}/resend", ResendAsync)
            .WithName("resendMessage").WithSummary("Put a dead letter back in the queue");
        return app;
    }

    private static async Task<Results<Ok<PagedList<OutboxItem>>, NotFound, ValidationProblem>> ListAsync(
        OutboxAdministration admin, string? state, int? page, int? pageSize, CancellationToken ct)
    {
        if (!admin.Allowed)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var wanted = v.Enum<MessageState>("state", state, "the delivery state", required: false);
        return v.IsValid ? TypedResults.Ok(await admin.ListAsync(wanted, paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Ok<OutboxItem>, NotFound, ValidationProblem>> ResendAsync(long id, OutboxAdministration admin, CancellationToken ct)
    {
        if (!admin.Allowed)
        {
            return TypedResults.NotFound();
        }
        var (item, error) = await admin.ResendAsync(id, ct);
        if (item is null && error is null)
        {
            return TypedResults.NotFound();
        }
        return error is not null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["state"] = [error] }, title: "The message was not resent")
            : TypedResults.Ok(item!);
    }
}

/// <summary>The administrator's view of the outbox and the dead letters.</summary>
public sealed class OutboxAdministration(AppDb db, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public bool Allowed => user.IsInRole(Roles.Administrator);

    public async Task<PagedList<OutboxItem>> ListAsync(MessageState? state, Paging paging, CancellationToken ct)
    {
        var query = db.OutboxMessages.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(m => m.State == s);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(m => new OutboxItem(m.Id, m.Channel.ToString(), m.Purpose, m.Reference, m.State.ToString(), m.Attempts, m.CreatedAt,
                m.NextAttemptAt, m.SentAt, m.SentVia, m.LastError))
            .ToListAsync(ct);
        return new PagedList<OutboxItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>Puts a dead letter back in the queue with its attempts reset.</summary>
    public async Task<(OutboxItem? Item, string? Error)> ResendAsync(long id, CancellationToken ct)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return (null, null);
        }
        if (message.State != MessageState.DeadLetter)
        {
            return (null, "Only a dead letter can be resent");
        }
        message.State = MessageState.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = time.GetUtcNow();
        audit.Add("outbox.resend", "outbox-message", id.ToString(CultureInfo.InvariantCulture), details: message.Purpose);
        await db.SaveChangesAsync(ct);
        return (new OutboxItem(message.Id, message.Channel.ToString(), message.Purpose, message.Reference, message.State.ToString(), message.Attempts,
            message.CreatedAt, message.NextAttemptAt, message.SentAt, message.SentVia, message.LastError), null);
    }
}
