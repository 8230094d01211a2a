using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.People;

public sealed record MatchesResponse(long PersonId, long IdentityId, int IdentityVersion, IReadOnlyList<IdentitySuggestion> Items);

public sealed record MergeRequest(long? IntoPersonId, int? Version, int? IntoVersion, string? Reason);

public sealed record SplitRequest(List<long>? PersonIds, int? Version, string? Reason);

public sealed record ReviewDecisionRequest(string? Decision, int? Version);

/// <summary>
/// One entry of an identity. <see cref="Sensitive"/> when entered on a sensitive incident: in a list read without a
/// purpose (the review queue) such an entry has no name or date of birth.
/// </summary>
public sealed record IdentityEntry(long PersonId, string? Name, DateOnly? DateOfBirth, string Role, long IncidentId, string IncidentReference, DateTimeOffset ReportedAt, string LinkedBy, double? LinkScore, string? LinkReasons,
    bool Sensitive = false);

public sealed record IdentityChangeResponse(long Id, string Kind, long FromIdentityId, long ToIdentityId, IReadOnlyList<long> PersonIds, string By, double? Score, string? Reason, DateTimeOffset At, string Actor);

public sealed record IdentityResponse(
    long Id, long RequestedId, string Name, DateOnly? DateOfBirth, int Version, RepeatStatus Status,
    IReadOnlyList<IdentityEntry> Entries, IReadOnlyList<IdentityChangeResponse> History);

/// <summary>One field of a review pair: agrees, partly agrees, disagrees or missing, and how (the comparison level in words).</summary>
public sealed record ReviewEvidence(string Field, string Verdict, string Outcome);

/// <summary>
/// A grey-band pair. <see cref="Score"/> is the engine's posterior probability when the pair was scored;
/// <see cref="Probability"/> is that same figure when there is enough evidence to judge, and null when the entries share
/// only names and sex (<see cref="EnoughToJudge"/> false). <see cref="Evidence"/> lists every field; <see cref="RiskLevel"/>
/// is the highest current risk level on either entry's incident.
/// </summary>
public sealed record ReviewItem(long Id, int Version, double Score, string Reasons, DateTimeOffset CreatedAt, IdentityEntry Person, long PersonIdentityId, IdentityEntry Candidate, long CandidateIdentityId,
    double? Probability, bool EnoughToJudge, IReadOnlyList<ReviewEvidence> Evidence, string? RiskLevel);

public sealed record DeskRoutingItem(long Id, long IncidentId, string IncidentReference, string TypeName, DateTimeOffset ReportedAt, long PersonId, long IdentityId, string Reason, string Detail, int RuleVersion, DateTimeOffset RoutedAt, string RoutedBy);

/// <summary>Reads of identities, the review queue and the desk routings, shared by the API and the pages.</summary>
public sealed class IdentityReader(AppDb db, IncidentAccess access, Identities identities, RecordReads reads)
{
    /// <summary>
    /// Reads an identity for a person: not found unless they may read incidents and it has an entry they can see;
    /// a stated purpose if any of its entries was made on a sensitive incident; the read audited before anything is returned.
    /// </summary>
    public async Task<Read<IdentityResponse>> ReadAsync(long requestedId, string? purpose, string? details, CancellationToken cancellationToken)
    {
        var current = await identities.CurrentAsync(requestedId, cancellationToken);
        var sensitive = current is null ? null : await SensitivityAsync(current.Id, cancellationToken);
        return await reads.OneAsync(sensitive, "identity.read", "identity", current?.Id ?? requestedId, purpose, details,
            async ct => (await FindAsync(requestedId, ct))!, cancellationToken);
    }

    /// <summary>
    /// Whether an identity is sensitive to the caller: null when they may not see it (they do not read incidents, or
    /// see none of its entries), true when any entry they see was made on a sensitive incident. Merges, splits and
    /// review decisions ask this before the change, since their answer is the identity.
    /// </summary>
    public async Task<bool?> SensitivityAsync(long identityId, CancellationToken cancellationToken)
    {
        if (!access.CanRead)
        {
            return null;
        }
        var flags = await (from p in db.IncidentPeople.AsNoTracking()
                           where p.IdentityId == identityId
                           join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                           select i.Sensitive).Distinct().ToListAsync(cancellationToken);
        return flags.Count == 0 ? null : flags.Contains(true);
    }

    /// <summary>
    /// Those of <paramref name="identityIds"/> that are sensitive to the caller, by the rule of <see cref="SensitivityAsync"/>:
    /// an entry they see was made on a sensitive incident. For a list of identities, worked row by row.
    /// </summary>
    public async Task<HashSet<long>> SensitiveAmongAsync(IReadOnlyCollection<long> identityIds, CancellationToken cancellationToken)
    {
        if (!access.CanRead || identityIds.Count == 0)
        {
            return [];
        }
        var sensitive = await (from p in db.IncidentPeople.AsNoTracking()
                               where p.IdentityId != null && identityIds.Contains(p.IdentityId.Value)
                               join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                               where i.Sensitive
                               select p.IdentityId!.Value).Distinct().ToListAsync(cancellationToken);
        return [.. sensitive];
    }

    private async Task<IdentityResponse?> FindAsync(long requestedId, CancellationToken cancellationToken)
    {
        if (!access.CanRead || await identities.CurrentAsync(requestedId, cancellationToken) is not { } identity)
        {
            return null;
        }
        var entries = await EntriesAsync(p => p.IdentityId == identity.Id, cancellationToken);
        if (entries.Count == 0)
        {
            return null;
        }
        var history = await db.IdentityChanges.AsNoTracking().Where(c => c.FromIdentityId == identity.Id || c.ToIdentityId == identity.Id)
            .OrderByDescending(c => c.Id).Take(100).ToListAsync(cancellationToken);
        return new IdentityResponse(identity.Id, requestedId, identity.DisplayName, identity.DateOfBirth, identity.Version,
            await identities.StatusAsync(identity.Id, cancellationToken: cancellationToken), entries,
            history.Select(c => new IdentityChangeResponse(c.Id, c.Kind.ToString(), c.FromIdentityId, c.ToIdentityId, c.Entries, c.By.ToString(), c.Score, c.Reason, c.At, c.Actor)).ToList());
    }

    public async Task<List<IdentityEntry>> EntriesAsync(System.Linq.Expressions.Expression<Func<IncidentPerson, bool>> which, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.IncidentPeople.AsNoTracking().Where(which)
                          join i in access.Visible(db.Incidents) on p.IncidentId equals i.Id
                          orderby i.ReportedAt, p.Id
                          select new { p, i.Reference, i.ReportedAt, i.Sensitive }).Take(500).ToListAsync(cancellationToken);
        return rows.Select(r => new IdentityEntry(r.p.Id, r.p.DisplayName, r.p.DateOfBirth, r.p.Role.ToString(), r.p.IncidentId, r.Reference, r.ReportedAt,
            r.p.LinkedBy.ToString(), r.p.LinkScore, r.p.LinkReasons, r.Sensitive)).ToList();
    }

    /// <summary>
    /// The open grey-band pairs, worked without a purpose: an entry on a sensitive incident shows its incident reference
    /// and role but no name or date of birth (opening the person asks for the purpose). One audit event names every
    /// entry listed.
    /// </summary>
    /// <summary>The orders the review queue can be read in: strongest match first (the default), highest risk first, oldest first.</summary>
    public static readonly IReadOnlyList<string> ReviewSorts = ["match", "risk", "oldest"];

    public async Task<PagedList<ReviewItem>> ReviewsAsync(Paging paging, string? details, CancellationToken cancellationToken, string? sort = null)
    {
        if (!access.IsReviewer)
        {
            return new PagedList<ReviewItem>([], paging.Page, paging.PageSize, 0);
        }
        var visible = access.Visible(db.Incidents);
        var query = from r in db.IdentityReviews.AsNoTracking()
                    where r.Status == ReviewStatus.Open
                    join p in db.IncidentPeople on r.PersonId equals p.Id
                    join c in db.IncidentPeople on r.CandidatePersonId equals c.Id
                    where visible.Any(i => i.Id == p.IncidentId) && visible.Any(i => i.Id == c.IncidentId)
                    // The current risk on each entry's incident: its latest assessment, of that person or of the whole incident.
                    let personLevel = db.RiskAssessments.Where(a => a.IncidentId == p.IncidentId && (a.PersonId == null || a.PersonId == p.Id)).OrderByDescending(a => a.Id).Select(a => a.Level).FirstOrDefault()
                    let candidateLevel = db.RiskAssessments.Where(a => a.IncidentId == c.IncidentId && (a.PersonId == null || a.PersonId == c.Id)).OrderByDescending(a => a.Id).Select(a => a.Level).FirstOrDefault()
                    select new
                    {
                        Review = r,
                        Risk = Math.Max(personLevel == "High" ? 3 : personLevel == "Medium" ? 2 : personLevel == null ? 0 : 1,
                            candidateLevel == "High" ? 3 : candidateLevel == "Medium" ? 2 : candidateLevel == null ? 0 : 1),
                    };
        var total = await query.CountAsync(cancellationToken);
        var ordered = sort switch
        {
            "risk" => query.OrderByDescending(x => x.Risk).ThenByDescending(x => x.Review.Score).ThenBy(x => x.Review.Id),
            "oldest" => query.OrderBy(x => x.Review.CreatedAt).ThenBy(x => x.Review.Id),
            _ => query.OrderByDescending(x => x.Review.Score).ThenBy(x => x.Review.Id),
        };
        var page = await ordered.Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var ids = page.SelectMany(x => new[] { x.Review.PersonId, x.Review.CandidatePersonId }).Distinct().ToList();
        var entries = (await EntriesAsync(p => ids.Contains(p.Id), cancellationToken))
            .Select(e => e.Sensitive ? e with { Name = null, DateOfBirth = null } : e).ToDictionary(e => e.PersonId);
        var people = await db.IncidentPeople.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var items = page.Where(x => entries.ContainsKey(x.Review.PersonId) && entries.ContainsKey(x.Review.CandidatePersonId)).Select(x =>
        {
            var r = x.Review;
            // The evidence is read from the two entries as they stand (names, not values, go into the answer); the probability is the engine's when it scored them.
            var evidence = Matching.MatchEvidence.Between(PersonMatcher.ToEntry(people[r.PersonId]), PersonMatcher.ToEntry(people[r.CandidatePersonId]));
            return new ReviewItem(r.Id, r.Version, r.Score, r.Reasons, r.CreatedAt, entries[r.PersonId], people[r.PersonId].IdentityId ?? 0, entries[r.CandidatePersonId],
                people[r.CandidatePersonId].IdentityId ?? 0, evidence.EnoughToJudge ? r.Score : null, evidence.EnoughToJudge,
                evidence.Fields.Select(f => new ReviewEvidence(PersonMatcher.FieldName(f.Field), f.Verdict.ToString(), f.Outcome)).ToList(),
                x.Risk switch { 3 => "High", 2 => "Medium", 1 => "Low", _ => null });
        }).ToList();
        await reads.AuditListAsync(items.SelectMany(i => new[] { i.Person, i.Candidate }).Select(e => new ListedRecord(e.PersonId, e.Sensitive)).ToList(),
            "identity.review-queue", "person", null, details is null ? $"{total} open" : $"{total} open ({details})", cancellationToken);
        return new PagedList<ReviewItem>(items, paging.Page, paging.PageSize, total);
    }

    public async Task<PagedList<DeskRoutingItem>> RoutingsAsync(Paging paging, CancellationToken cancellationToken)
    {
        var query = from r in db.DeskRoutings.AsNoTracking()
                    join i in access.Visible(db.Incidents) on r.IncidentId equals i.Id
                    select new { r, i.Reference, i.TypeCode, i.ReportedAt };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.r.RoutedAt).ThenByDescending(x => x.r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(x => new DeskRoutingItem(x.r.Id, x.r.IncidentId, x.Reference, IncidentType.Find(x.TypeCode)?.Name ?? x.TypeCode, x.ReportedAt,
            x.r.PersonId, x.r.IdentityId, x.r.Reason.ToString(), x.r.Detail, x.r.RuleVersion, x.r.RoutedAt, x.r.RoutedBy.ToString())).ToList();
        return new PagedList<DeskRoutingItem>(items, paging.Page, paging.PageSize, total);
    }
}

public static class IdentitiesApi
{
    public static IHostApplicationBuilder AddIdentities(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PersonMatcher>();
        builder.Services.AddSingleton<IdentityResolution>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdentityResolution>());
        builder.Services.AddScoped<Identities>();
        builder.Services.AddScoped<IdentitySuggestions>();
        builder.Services.AddScoped<IdentityReviewing>();
        builder.Services.AddScoped<IdentityReader>();
        builder.Services.AddScoped<IStartupSeeder, IdentityRulesSeeder>();
        return builder;
    }

    public static WebApplication MapIdentities(this WebApplication app)
    {
        var people = app.MapGroup("/api/v1/people").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.ForceOperational).WithTags("Identities");
        people.MapGet("/{id:long}/matches", MatchesAsync)
            .WithName("listPersonMatches").WithSummary("List the identities a person entry may belong to");
        people.MapPost("/{id:long}/merge", MergeAsync).RequireAuthorization(Entitlements.IdentityReview)
            .WithName("mergePerson").WithSummary("Merge a person entry's identity into another").ProducesProblem(StatusCodes.Status409Conflict);
        people.MapPost("/suggestions", SuggestAsync).RequireAuthorization(Entitlements.Recording)
            .WithName("suggestIdentities").WithSummary("Suggest known identities for a person being entered");
        var identities = app.MapGroup("/api/v1/identities").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.ForceOperational).WithTags("Identities");
        identities.MapGet("/{id:long}", GetAsync)
            .WithName("getIdentity").WithSummary("Read an identity and its entries");
        identities.MapPost("/{id:long}/split", SplitAsync).RequireAuthorization(Entitlements.IdentityReview)
            .WithName("splitIdentity").WithSummary("Split entries out of an identity").ProducesProblem(StatusCodes.Status409Conflict);
        identities.MapGet("/reviews", ReviewsAsync).RequireAuthorization(Entitlements.IdentityReview)
            .WithName("listIdentityReviews").WithSummary("List the possible matches awaiting review, by match strength, risk or age (sort=match|risk|oldest)");
        identities.MapPost("/reviews/{id:long}", DecideAsync).RequireAuthorization(Entitlements.IdentityReview)
            .WithName("decideIdentityReview").WithSummary("Decide a possible match awaiting review").ProducesProblem(StatusCodes.Status409Conflict);
        identities.MapGet("/desk-routings", RoutingsAsync).RequireAuthorization(Entitlements.IdentityReview)
            .WithName("listDeskRoutings").WithSummary("List incidents routed to the community focus desk by a person's history");
        return app;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static async Task<Results<Ok<MatchesResponse>, NotFound, ValidationProblem>> MatchesAsync(
        long id, HttpContext context, AppDb db, PersonReader people, IdentitySuggestions suggestions, CancellationToken ct)
    {
        var read = await people.OpenAsync(id, Purpose.From(context), "matches", ct);
        if (read.Outcome == ReadOutcome.PurposeRequired)
        {
            return TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required");
        }
        if (read.Value?.Person is not { IdentityId: { } identityId } person)
        {
            return TypedResults.NotFound();
        }
        var version = await db.PersonIdentities.Where(i => i.Id == identityId).Select(i => i.Version).FirstAsync(ct);
        var items = await suggestions.ForAsync(PersonMatcher.ToEntry(person), person.Id, IdentityRules.Floor, 10, Purpose.From(context), $"person {Id(person.Id)}", ct, includeJudged: true);
        return TypedResults.Ok(new MatchesResponse(person.Id, identityId, version, items));
    }

    private static async Task<Results<Ok<IReadOnlyList<IdentitySuggestion>>, ValidationProblem>> SuggestAsync(
        PersonRequest request, HttpContext context, IdentitySuggestions suggestions, ForceConfiguration configuration, CancellationToken ct)
    {
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(request.FirstName) && string.IsNullOrWhiteSpace(request.LastName))
        {
            v.Add("lastName", "Enter a first name or a last name");
        }
        v.MaxLength("firstName", request.FirstName, "the first name", 100);
        v.MaxLength("lastName", request.LastName, "the last name", 100);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var rules = (await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, ct)).Value;
        var probe = PersonMatcher.ToEntry(new IncidentPerson
        {
            FirstName = request.FirstName, MiddleName = request.MiddleName, LastName = request.LastName, DateOfBirth = request.DateOfBirth,
            Sex = Enum.TryParse<Sex>(request.Sex, true, out var sex) ? sex : Sex.Unknown, Phone = request.Phone, Email = request.Email,
            Address = request.Address, Postcode = request.Postcode,
        }) with { Id = "0" };
        return TypedResults.Ok(await suggestions.ForAsync(probe, null, rules.ReviewProbability, 5, Purpose.From(context), "intake", ct));
    }

    private static async Task<Results<Ok<IdentityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MergeAsync(
        long id, MergeRequest request, HttpContext context, IdentityReviewing reviewing, CancellationToken ct) =>
        Respond(await reviewing.MergeAsync(id, request.IntoPersonId, request.Version, request.IntoVersion, request.Reason, Purpose.From(context), ct));

    private static async Task<Results<Ok<IdentityResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SplitAsync(
        long id, SplitRequest request, HttpContext context, IdentityReviewing reviewing, CancellationToken ct) =>
        Respond(await reviewing.SplitAsync(id, request.PersonIds, request.Version, request.Reason, Purpose.From(context), ct));

    private static async Task<Results<Ok<IdentityResponse>, NoContent, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        long id, ReviewDecisionRequest request, HttpContext context, IdentityReviewing reviewing, CancellationToken ct)
    {
        var decided = await reviewing.DecideAsync(id, request.Decision, request.Version, Purpose.From(context), ct);
        // "Different people" changes no identity and answers with nothing.
        return decided.ToOkOrNoContent(done => done.Answer, "The pair was not decided");
    }

    /// <summary>
    /// The answer to a merge, split or review decision: the identity as it stands after the change, read by
    /// <see cref="IdentityReviewing"/> for the purpose stated and audited; or why nothing was changed.
    /// </summary>
    private static Results<Ok<IdentityResponse>, NotFound, ValidationProblem, ProblemHttpResult> Respond(Outcome<ReviewDone> result) =>
        result is { IsDone: true, Value.Answer: null } ? TypedResults.NotFound() : result.ToOk(done => done.Answer!, "The identities were not changed");

    private static async Task<Results<Ok<IdentityResponse>, NotFound, ValidationProblem>> GetAsync(long id, HttpContext context, IdentityReader reader, CancellationToken ct)
    {
        var read = await reader.ReadAsync(id, Purpose.From(context), null, ct);
        return read.Outcome switch
        {
            ReadOutcome.NotFound => TypedResults.NotFound(),
            ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
            _ => TypedResults.Ok(read.Value!),
        };
    }

    private static async Task<Results<Ok<PagedList<ReviewItem>>, ValidationProblem>> ReviewsAsync(IdentityReader reader, int? page, int? pageSize, string? sort, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (sort is not null && !IdentityReader.ReviewSorts.Contains(sort))
        {
            v.Add("sort", $"sort is one of: {string.Join(", ", IdentityReader.ReviewSorts)}");
        }
        return v.IsValid ? TypedResults.Ok(await reader.ReviewsAsync(paging, null, ct, sort)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Ok<PagedList<DeskRoutingItem>>, ValidationProblem>> RoutingsAsync(IdentityReader reader, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        return v.IsValid ? TypedResults.Ok(await reader.RoutingsAsync(paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }
}
