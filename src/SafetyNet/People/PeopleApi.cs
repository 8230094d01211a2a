using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.People;

public sealed record EarlierIncident(long IncidentId, string Reference, string TypeCode, string TypeName, DateTimeOffset ReportedAt, string Role, long PersonId, long? IdentityId = null);

public sealed record PersonDetail(PersonResponse Person, IncidentSummary Incident, IReadOnlyList<EarlierIncident> OtherIncidents);

public sealed record PersonSearchResult(long Id, string Name, DateOnly? DateOfBirth, string Role, long IncidentId, string IncidentReference, DateTimeOffset ReportedAt);

/// <summary>
/// Earlier contact with a person or a place. A person's earlier incidents are those of their identity — the entries
/// the matching engine, a call handler or a reviewer judged to be the same human — never an exact-name rule.
/// </summary>
public sealed class ContactHistory(AppDb db, IncidentAccess access, Identities identities, IdentitySuggestions suggestions, ForceConfiguration configuration)
{
    /// <summary>The other incidents of the entry's identity.</summary>
    public async Task<IReadOnlyList<EarlierIncident>> ForEntryAsync(IncidentPerson person, CancellationToken ct)
    {
        if (person.IdentityId is not { } identityId)
        {
            return [];
        }
        var incidents = await identities.IncidentsAsync(identityId, access.Visible(db.Incidents), person.Id, 50, ct);
        return incidents.Where(i => i.IncidentId != person.IncidentId)
            .Select(i => new EarlierIncident(i.IncidentId, i.Reference, i.TypeCode, i.TypeName, i.ReportedAt, i.Role, i.PersonId, identityId)).ToList();
    }

    /// <summary>The incidents of the identities the engine finds likely (the review band or above) for a person as typed.</summary>
    public async Task<IReadOnlyList<EarlierIncident>> ForPersonAsync(string? first, string? last, DateOnly? dateOfBirth, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(first) && string.IsNullOrWhiteSpace(last))
        {
            return [];
        }
        var rules = (await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, ct)).Value;
        var probe = new Matching.PersonEntry("0", first, null, last, dateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var found = await suggestions.ForAsync(probe, null, rules.ReviewProbability, 5, ct);
        return found.SelectMany(s => s.Incidents.Select(i => new EarlierIncident(i.IncidentId, i.Reference, i.TypeCode, i.TypeName, i.ReportedAt, i.Role, i.PersonId, s.IdentityId)))
            .OrderByDescending(i => i.ReportedAt).Take(50).ToList();
    }

    public async Task<IReadOnlyList<IncidentSummary>> ForLocationAsync(string? location, long? excludeIncidentId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(location))
        {
            return [];
        }
        var key = PlaceKey.Of(location);
        if (key.Length == 0)
        {
            return [];
        }
        var rows = await access.Visible(db.Incidents).AsNoTracking()
            .Where(i => i.LocationKey == key && i.Id != excludeIncidentId)
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
        var others = await history.ForEntryAsync(row.p, ct);
        return TypedResults.Ok(new PersonDetail(PersonResponse.From(row.p), row.i.ToSummary(), others));
    }

    private static async Task<Results<Ok<HistoryResponse>, ValidationProblem>> HistoryAsync(
        ContactHistory history, Identities identities, AuditTrail audit, IncidentAccess access, string? firstName, string? lastName, DateOnly? dateOfBirth, string? location,
        CancellationToken ct)
    {
        var people = await history.ForPersonAsync(firstName, lastName, dateOfBirth, ct);
        var places = await history.ForLocationAsync(location, null, ct);
        // How often the force has been called to a place is police information: only those who read incidents learn it.
        var place = access.CanRead ? await identities.LocationStatusAsync(location, cancellationToken: ct) : null;
        if (access.CanRead)
        {
            await audit.WriteAsync("person.history", "person", null, details: $"found {people.Count} person and {places.Count} place matches", cancellationToken: ct);
        }
        return TypedResults.Ok(new HistoryResponse(people, places, place));
    }

    /// <summary>Earlier incidents for the person and the place being entered, and whether the place is a repeat location.</summary>
    public sealed record HistoryResponse(IReadOnlyList<EarlierIncident> Person, IReadOnlyList<IncidentSummary> Location, LocationStatus? Place);
}
