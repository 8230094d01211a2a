using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Messaging;

/// <summary>
/// Drains the outbox. A message is claimed by setting its lease with an update conditional on the lease
/// being free, so of two nodes on one database exactly one wins each row; only the winner marks it sent.
/// A node that dies mid-send leaves a lease that expires, and the message is tried again.
/// </summary>
public sealed partial class OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxDispatcher> log)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private const int Batch = 50;

    /// <summary>This node's name on its leases.</summary>
    public string Node { get; init; } = $"{Environment.MachineName}/{Guid.NewGuid():N}";

    /// <summary>Sends every message that is due now; answers how many were sent.</summary>
    public async Task<int> DrainAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var rules = (await scope.ServiceProvider.GetRequiredService<ForceConfiguration>().CurrentAsync<MessagingRules>(MessagingRules.Key, cancellationToken)).Value;
            var carriers = scope.ServiceProvider.GetServices<IMessageCarrier>().ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
            var now = time.GetUtcNow();
            var due = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.State == MessageState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return sent;
            }
            var progressed = false;
            foreach (var id in due)
            {
                var claimed = await db.OutboxMessages
                    .Where(m => m.Id == id && m.State == MessageState.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, Node).SetProperty(m => m.LeaseUntil, now + Lease), cancellationToken);
                if (claimed == 0)
                {
                    continue; // another node has it
                }
                progressed = true;
                var message = await db.OutboxMessages.AsNoTracking().FirstAsync(m => m.Id == id, cancellationToken);
                if ((message.Channel == MessageChannel.Sms || message.Purpose == Outbox.SurveyPurpose) && rules.IsQuiet(now))
                {
                    var morning = rules.NextAllowed(now);
                    await Release(db, id).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, morning)
                        .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                    continue;
                }
                var via = message.Channel == MessageChannel.Sms ? rules.SmsChannel : rules.EmailChannel;
                try
                {
                    var carrier = carriers.TryGetValue(via, out var c) ? c : throw new PermanentDeliveryException($"No channel named {via}");
                    var providerId = await carrier.SendAsync(message, cancellationToken);
                    var at = time.GetUtcNow();
                    await Release(db, id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Sent).SetProperty(m => m.SentAt, at)
                        .SetProperty(m => m.SentVia, carrier.Name).SetProperty(m => m.ProviderId, providerId).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                        .SetProperty(m => m.LastError, (string?)null)
                        .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                    sent++;
                }
                catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    var attempts = message.Attempts + 1;
                    var dead = error is PermanentDeliveryException || attempts >= rules.MaxAttempts;
                    var next = time.GetUtcNow() + rules.BackOff(attempts);
                    var reason = Describe(error);
                    LogFailed(log, id, attempts, reason);
                    await Release(db, id).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, dead ? MessageState.DeadLetter : MessageState.Pending)
                        .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, reason)
                        .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
                }
            }
            if (!progressed)
            {
                return sent;
            }
        }
    }

    private IQueryable<OutboxMessage> Release(AppDb db, long id) => db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == Node);

    /// <summary>The failure without anything personal: SMTP replies and Notify errors can quote the address.</summary>
    private static string Describe(Exception error) => error switch
    {
        PermanentDeliveryException p => p.Message,
        MailKit.Net.Smtp.SmtpCommandException s => $"SMTP {(int)s.StatusCode}",
        Notify.Exceptions.NotifyClientException n => NotifyCarrier.StatusOf(n.Message) is { } status ? $"Notify {status}" : "Notify refused or failed",
        _ => error.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} failed on attempt {Attempts}: {Reason}")]
    private static partial void LogFailed(ILogger logger, long id, int attempts, string reason);
}

/// <summary>Runs the dispatcher on every node every few seconds once the database is ready.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, WorkerHealth health, StartupState state, TimeProvider time, IConfiguration configuration, ILogger<OutboxWorker> log)
    : RecurringWorker("outbox", TimeSpan.FromSeconds(5), health, state, time, log)
{
    // Tests drain the outbox themselves, step by step with the fake clock.
    protected override bool Enabled => configuration["Messaging:SendInBackground"] != "false";

    protected override Task RunPassAsync(CancellationToken stoppingToken) => dispatcher.DrainAsync(stoppingToken);
}
