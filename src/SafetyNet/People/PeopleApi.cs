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

/// <summary>
/// A person found by a search. On a sensitive incident the row has no personal details (<see cref="Name"/> and
/// <see cref="DateOfBirth"/> are null): opening the person asks for the purpose.
/// </summary>
public sealed record PersonSearchResult(long Id, string? Name, DateOnly? DateOfBirth, string Role, long IncidentId, string IncidentReference, DateTimeOffset ReportedAt,
    string TypeCode, string TypeName, bool Sensitive);

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
        // Only the identities' incidents are answered (reference, type, role, date), never their names: no purpose is asked.
        var found = await suggestions.ForAsync(probe, null, rules.ReviewProbability, 5, null, "earlier contact", ct);
        return found.SelectMany(s => s.Incidents.Select(i => new EarlierIncident(i.IncidentId, i.Reference, i.TypeCode, i.TypeName, i.ReportedAt, i.Role, i.PersonId, s.IdentityId)))
            .OrderByDescending(i => i.ReportedAt).Take(50).ToList();
    }

    /// <summary>Earlier incidents at a place being entered, however it was written then (see <see cref="PlaceKey"/>).</summary>
    public async Task<IReadOnlyList<IncidentSummary>> ForLocationAsync(string? location, long? excludeIncidentId, CancellationToken ct, string? district = null)
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
        district ??= PlaceKey.DistrictOf(location);
        var rows = await access.Visible(db.Incidents).AsNoTracking().AtPlace(key, district, null)
            .Where(i => i.Id != excludeIncidentId)
            .OrderByDescending(i => i.ReportedAt).Take(50).ToListAsync(ct);
        return rows.Select(i => i.ToListed()).ToList();
    }
}

public static class PeopleApi
{
    public static IHostApplicationBuilder AddPeople(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContactHistory>();
        builder.Services.AddScoped<PersonReader>();
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        var people = app.MapGroup("/api/v1/people").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.ForceOperational).WithTags("People");
        people.MapGet("/", SearchAsync)
            .WithName("searchPeople").WithSummary("Search people by name and date of birth");
        people.MapGet("/{id:long}", GetAsync)
            .WithName("getPerson").WithSummary("Read a person entry");
        people.MapGet("/history", HistoryAsync)
            .WithName("getPersonHistory").WithSummary("Find earlier incidents for a person and a place being entered");
        return app;
    }

    private static async Task<Results<Ok<PagedList<PersonSearchResult>>, ValidationProblem>> SearchAsync(
        PersonReader reader, string? name, DateOnly? dateOfBirth, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var text = v.Required("name", name, "a name to search for", 100);
        return v.IsValid ? TypedResults.Ok(await reader.SearchAsync(text!, dateOfBirth, paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Ok<PersonDetail>, NotFound, ValidationProblem>> GetAsync(long id, HttpContext context, PersonReader reader, CancellationToken ct)
    {
        var read = await reader.ReadAsync(id, Purpose.From(context), ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value!),
        };
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
