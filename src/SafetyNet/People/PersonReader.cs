using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.People;

/// <summary>A person as entered on an incident, with the incident they were entered on.</summary>
public sealed record PersonRecord(IncidentPerson Person, Incident Incident);

/// <summary>
/// Reads of one person as entered, for the API and the person page: not found unless the caller may see the
/// incident the person was entered on; a stated purpose if that incident is sensitive or the person's identity holds
/// an entry on a sensitive incident (the page and the API show the identity's name and its other incidents); and every
/// read audited with its purpose before anything is returned.
/// </summary>
public sealed class PersonReader(AppDb db, IncidentAccess access, RecordReads reads, ContactHistory history, IdentityReader identities)
{
    public async Task<Read<PersonRecord>> OpenAsync(long id, string? purpose, string? details, CancellationToken ct)
    {
        var row = await (from p in db.IncidentPeople.AsNoTracking()
                         join i in access.Visible(db.Incidents).AsNoTracking() on p.IncidentId equals i.Id
                         where p.Id == id
                         select new { p, i }).FirstOrDefaultAsync(ct);
        var sensitive = row is null ? (bool?)null
            : row.i.Sensitive || (row.p.IdentityId is { } identityId && await identities.SensitivityAsync(identityId, ct) == true);
        return await reads.OneAsync(sensitive, "person.read", "person", id, purpose, details,
            _ => Task.FromResult(new PersonRecord(row!.p, row.i)), ct);
    }

    /// <summary>
    /// People entered on the incidents the caller may see whose first or last name starts with each word searched for.
    /// A row on a sensitive incident gives its reference and type but no personal details (name, date of birth): those
    /// are behind the purpose asked when the person is opened. One audit event holds the search and names every
    /// person listed.
    /// </summary>
    public async Task<PagedList<PersonSearchResult>> SearchAsync(string name, DateOnly? dateOfBirth, Paging paging, CancellationToken ct)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var query = from p in db.IncidentPeople.AsNoTracking()
                    join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                    select new { p, i };
        foreach (var word in words)
        {
            var lower = word.ToLowerInvariant();
            query = query.Where(x => (x.p.FirstName != null && x.p.FirstName.ToLower().StartsWith(lower)) || (x.p.LastName != null && x.p.LastName.ToLower().StartsWith(lower)));
        }
        if (dateOfBirth is { } dob)
        {
            query = query.Where(x => x.p.DateOfBirth == dob);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.p.LastName).ThenBy(x => x.p.FirstName).ThenBy(x => x.p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        if (access.CanRead)
        {
            await reads.AuditSearchAsync(rows.Select(x => new ListedRecord(x.p.Id, x.i.Sensitive)).ToList(), "person.search", "person", null,
                $"name={name} dob={dateOfBirth:yyyy-MM-dd} results={total}", ct);
        }
        var items = rows.Select(x => new PersonSearchResult(x.p.Id, x.i.Sensitive ? null : x.p.DisplayName, x.i.Sensitive ? null : x.p.DateOfBirth,
            x.p.Role.ToString(), x.i.Id, x.i.Reference, x.i.ReportedAt, x.i.TypeCode, IncidentType.Find(x.i.TypeCode)?.Name ?? x.i.TypeCode, x.i.Sensitive)).ToList();
        return new PagedList<PersonSearchResult>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The person, their incident and the other incidents of their identity.</summary>
    public async Task<Read<PersonDetail>> ReadAsync(long id, string? purpose, CancellationToken ct)
    {
        var read = await OpenAsync(id, purpose, null, ct);
        if (read.Value is not { } record)
        {
            return read.Refused<PersonDetail>();
        }
        var others = await history.ForEntryAsync(record.Person, ct);
        return read.With(new PersonDetail(PersonResponse.From(record.Person), record.Incident.ToSummary(), others));
    }
}
