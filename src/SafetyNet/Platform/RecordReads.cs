using System.Globalization;

namespace SafetyNet.Platform;

/// <summary>How a read of personal data was decided.</summary>
public enum ReadOutcome
{
    /// <summary>The caller may not see the record: it does not exist for them.</summary>
    NotFound,

    /// <summary>The record is sensitive and the caller has not stated why they are opening it.</summary>
    PurposeRequired,

    /// <summary>Read, and the read is in the audit trail.</summary>
    Allowed,
}

/// <summary>The answer to a read of personal data: refused, or allowed with what was read.</summary>
public readonly record struct Read<T>(ReadOutcome Outcome, T? Value, string? Purpose)
{
    public bool Allowed => Outcome == ReadOutcome.Allowed;

    /// <summary>The same refusal for a different kind of answer.</summary>
    public Read<TOther> Refused<TOther>() => new(Outcome, default, null);

    public Read<TOther> With<TOther>(TOther value) => new(ReadOutcome.Allowed, value, Purpose);
}

/// <summary>One row of a list of personal data: which record, and whether it is sensitive.</summary>
public readonly record struct ListedRecord(long Id, bool Sensitive);

/// <summary>
/// The one rule for reading personal data, used by every service that returns it (one record or a list), so that
/// no endpoint, page, export or command can skip it:
/// <list type="number">
/// <item>whether the record exists for the caller is decided first, by the service's own entitlement query: a record
/// the caller may not see is not found (404), and asking for a purpose never reveals one;</item>
/// <item>a sensitive record (domestic abuse, sexual offences, stalking, harassment) is read only for a stated purpose;</item>
/// <item>every read is written to the audit trail with that purpose before anything is returned — one event for one
/// record, one event naming every record for a list.</item>
/// </list>
/// The purpose is passed in by the caller: the <c>X-Purpose</c> header of an API request, the purpose field of a
/// page's form, or a command-line option.
/// </summary>
public sealed class RecordReads(AuditTrail audit)
{
    public const int MinimumPurpose = 5;
    public const int MaximumPurpose = 500;

    /// <summary>Where a purpose is stated on the API, and the field an error about a missing purpose names.</summary>
    public const string PurposeField = "X-Purpose";

    public static IDictionary<string, string[]> PurposeMissing => new Dictionary<string, string[]>
    {
        [PurposeField] = [$"This record is sensitive: state your purpose for opening it ({MinimumPurpose} to {MaximumPurpose} characters) in the X-Purpose header"],
    };

    /// <summary>
    /// A purpose worth the name (5 to 500 characters, trimmed, with no control characters), or null. The one rule for
    /// every purpose, whether it came from a header, a page's form or a command's option.
    /// </summary>
    public static string? Valid(string? purpose) =>
        purpose?.Trim() is { Length: >= MinimumPurpose and <= MaximumPurpose } stated && Web.StorableText.IsStorable(stated) ? stated : null;

    /// <summary>
    /// Decides whether the caller may open a record to change it, as a read would be decided (not found, then a purpose
    /// if sensitive), without reading it: the change writes its own audit event and its answer is a read of its own.
    /// </summary>
    public static ReadOutcome MayOpen(bool? sensitive, string? purpose) => sensitive switch
    {
        null => ReadOutcome.NotFound,
        true when Valid(purpose) is null => ReadOutcome.PurposeRequired,
        _ => ReadOutcome.Allowed,
    };

    /// <summary>
    /// Decides the read of one record and audits it when allowed. <paramref name="sensitive"/> is null when the
    /// caller may not see the record.
    /// </summary>
    public async Task<Read<T>> OneAsync<T>(bool? sensitive, string action, string recordType, long recordId, string? purpose, string? details,
        Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var decided = await DecideAsync(sensitive, action, recordType, recordId, purpose, details, ct);
        return decided.Allowed ? decided.With(await read(ct)) : decided.Refused<T>();
    }

    /// <summary>
    /// Decides the read of one record and audits it when allowed, for callers that then read it themselves.
    /// </summary>
    public async Task<Read<bool>> DecideAsync(bool? sensitive, string action, string recordType, long recordId, string? purpose, string? details, CancellationToken ct)
    {
        if (sensitive is not { } isSensitive)
        {
            return new(ReadOutcome.NotFound, false, null);
        }
        var stated = Valid(purpose);
        if (isSensitive && stated is null)
        {
            return new(ReadOutcome.PurposeRequired, false, null);
        }
        await audit.WriteAsync(action, recordType, recordId.ToString(CultureInfo.InvariantCulture), stated, details, cancellationToken: ct);
        return new(ReadOutcome.Allowed, true, stated);
    }

    /// <summary>
    /// Decides the read of a list the caller is entitled to: if any row is sensitive the whole list needs a purpose;
    /// when allowed, one audit event names every record listed. An empty list reads nothing and is not audited.
    /// </summary>
    public async Task<Read<bool>> ListAsync(IReadOnlyCollection<ListedRecord> rows, string action, string recordType, string? purpose, string? details, CancellationToken ct)
    {
        var stated = Valid(purpose);
        if (stated is null && rows.Any(r => r.Sensitive))
        {
            return new(ReadOutcome.PurposeRequired, false, null);
        }
        await AuditListAsync(rows, action, recordType, stated, details, ct);
        return new(ReadOutcome.Allowed, true, stated);
    }

    /// <summary>
    /// Audits a list read whose sensitive rows carry no personal details (a work queue): one event naming every
    /// record listed. An empty list reads nothing and is not audited.
    /// </summary>
    public async Task AuditListAsync(IReadOnlyCollection<ListedRecord> rows, string action, string recordType, string? purpose, string? details, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        await AuditSearchAsync(rows, action, recordType, purpose, details, ct);
    }

    /// <summary>
    /// Audits a search: one event with what was asked for, naming every record found. A search that finds nothing is
    /// audited too, since what was looked for says something about someone.
    /// </summary>
    public async Task AuditSearchAsync(IReadOnlyCollection<ListedRecord> rows, string action, string recordType, string? purpose, string? details, CancellationToken ct)
    {
        var named = $"records={string.Join(',', rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).Distinct())}";
        await audit.WriteAsync(action, recordType, null, Valid(purpose), details is null ? named : $"{details} {named}", cancellationToken: ct);
    }
}
