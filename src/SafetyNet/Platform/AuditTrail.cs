using SafetyNet.Data;

namespace SafetyNet.Platform;

/// <summary>Appends audit events for the current user. Never blocks on the chain: sealing happens later.</summary>
public sealed class AuditTrail(AppDb db, CurrentUser user, TimeProvider time)
{
    /// <summary>Adds an event to be saved with the caller's own change, so the change and its record commit together.</summary>
    public AuditEvent Add(string action, string? recordType, string? recordId, string? purpose = null, string? details = null, string? actor = null)
    {
        var entry = new AuditEvent
        {
            OccurredAt = time.GetUtcNow(),
            UserId = user.Id,
            Actor = Truncate(actor ?? user.Name, 256)!,
            Action = action,
            RecordType = recordType,
            RecordId = recordId,
            Purpose = Truncate(purpose, 500),
            Source = Truncate(user.Source, 100)!,
            Details = Truncate(details, 2000),
        };
        db.AuditEvents.Add(entry);
        return entry;
    }

    /// <summary>Records an event on its own, for reads and searches that change nothing else.</summary>
    public async Task WriteAsync(string action, string? recordType, string? recordId, string? purpose = null, string? details = null, string? actor = null, CancellationToken cancellationToken = default)
    {
        Add(action, recordType, recordId, purpose, details, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}
