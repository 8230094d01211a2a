using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.People;

public sealed record EarlierIncident(long IncidentId, string Reference, string TypeCode, string TypeName, DateTimeOffset ReportedAt, string Role, long PersonId);

public sealed record PersonDetail(PersonResponse Person, IncidentSummary Incident, IReadOnlyList<EarlierIncident> OtherIncidents);

public sealed record PersonSearchResult(long Id, string Name, DateOnly? DateOfBirth, string Role, long IncidentId, string IncidentReference, DateTimeOffset ReportedAt);

/// <summary>
/// Earlier contact with a person or a place. Until the matching engine links entries into identities, the
/// rule is plain and exact: the same first name, last name and date of birth (letters only, any case),
/// or the same location text.
/// </summary>
public sealed class ContactHistory(AppDb db, IncidentAccess access)
{
    public async Task<IReadOnlyList<EarlierIncident>> ForPersonAsync(string? first, string? last, DateOnly? dateOfBirth, long? excludePersonId, CancellationToken ct)
    {
        var key = IncidentPerson.KeyOf(first, last, dateOfBirth);
        if (key.StartsWith("||", StringComparison.Ordinal) || key.Split('|')[1].Length == 0)
        {
            return [];
        }
        var rows = await (from p in db.IncidentPeople.AsNoTracking()
                          join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                          where p.MatchKey == key && p.Id != excludePersonId
                          orderby i.ReportedAt descending
                          select new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, p.Role, PersonId = p.Id }).Take(50).ToListAsync(ct);
        return rows.Select(r => new EarlierIncident(r.Id, r.Reference, r.TypeCode, IncidentType.Find(r.TypeCode)?.Name ?? r.TypeCode, r.ReportedAt, r.Role.ToString(), r.PersonId)).ToList();
    }

    public async Task<IReadOnlyList<IncidentSummary>> ForLocationAsync(string? location, long? excludeIncidentId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return [];
        }
        var text = location.Trim();
        var rows = await access.Visible(db.Incidents).AsNoTracking()
            .Where(i => i.LocationText == text && i.Id != excludeIncidentId)
            .OrderByDescending(i => i.ReportedAt).Take(50).ToListAsync(ct);
        return rows.Select(i => i.ToSummary()).ToList();
    }
}

public static class PeopleApi
{
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContactHistory>();
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        var people = app.MapGroup("/api/v1/people").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("People");
        people.MapGet("/", SearchAsync);
        people.MapGet("/{id:long}", GetAsync);
        people.MapGet("/history", HistoryAsync);
        return app;
    }

    private static async Task<Results<Ok<PagedList<PersonSearchResult>>, ValidationProblem>> SearchAsync(
        AppDb db, IncidentAccess access, AuditTrail audit, string? name, DateOnly? dateOfBirth, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var text = v.Required("name", name, "a name to search for", 100);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var words = text!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
            await audit.WriteAsync("person.search", "person", null, details: $"name={text} dob={dateOfBirth:yyyy-MM-dd} results={total}", cancellationToken: ct);
        }
        var items = rows.Select(x => new PersonSearchResult(x.p.Id, x.p.DisplayName, x.p.DateOfBirth, x.p.Role.ToString(), x.i.Id, x.i.Reference, x.i.ReportedAt)).ToList();
        return TypedResults.Ok(new PagedList<PersonSearchResult>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem>> GetAsync(
        long id, HttpContext context, AppDb db, IncidentAccess access, ContactHistory history, AuditTrail audit, CancellationToken ct)
    {
        var row = await (from p in db.IncidentPeople.AsNoTracking()
                         join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                         where p.Id == id
                         select new { p, i }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var purpose = Purpose.From(context);
        if (row.i.Sensitive && purpose is null)
        {
            return TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required");
        }
        await audit.WriteAsync("person.read", "person", id.ToString(CultureInfo.InvariantCulture), purpose, cancellationToken: ct);
        var others = await history.ForPersonAsync(row.p.FirstName, row.p.LastName, row.p.DateOfBirth, row.p.Id, ct);
        return TypedResults.Ok(new PersonDetail(PersonResponse.From(row.p), row.i.ToSummary(), others));
    }

    private static async Task<Results<Ok<HistoryResponse>, ValidationProblem>> HistoryAsync(
        ContactHistory history, AuditTrail audit, IncidentAccess access, string? firstName, string? lastName, DateOnly? dateOfBirth, string? location, CancellationToken ct)
    {
        var people = await history.ForPersonAsync(firstName, lastName, dateOfBirth, null, ct);
        var places = await history.ForLocationAsync(location, null, ct);
        if (access.CanRead)
        {
            await audit.WriteAsync("person.history", "person", null, details: $"found {people.Count} person and {places.Count} place matches", cancellationToken: ct);
        }
        return TypedResults.Ok(new HistoryResponse(people, places));
    }

    public sealed record HistoryResponse(IReadOnlyList<EarlierIncident> Person, IReadOnlyList<IncidentSummary> Location);
}
