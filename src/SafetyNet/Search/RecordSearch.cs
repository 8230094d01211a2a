using System.Globalization;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Locations;
using SafetyNet.Matching;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Search;

/// <summary>
/// Finds anything from one box: people and identities by name (familiar forms and misspellings through the matching
/// engine), date of birth, address or phone; incidents by reference, words of the narrative or the place, the people
/// on them, type, district and date; places by street; ASB cases by reference, title and party. The one place where
/// a search's rules live, so the page and the API cannot differ:
/// <list type="bullet">
/// <item>only what the reader may open is found and counted: force operational staff see the force's records, a
/// partner caseworker only the cases their agency leads or that are shared with it (decision 0088);</item>
/// <item>a sensitive record (domestic abuse, sexual offences, stalking, harassment), and a person on one, is listed by
/// reference and type without personal details; opening it asks for the purpose as everywhere else;</item>
/// <item>every search is one audit event with its terms, naming every record listed.</item>
/// </list>
/// The answer lists people first (best match first), then cases, places and incidents (newest first), paged over the whole.
/// </summary>
public sealed partial class RecordSearch(
    AppDb db, IncidentAccess incidents, CaseAccess cases, PersonMatcher matcher, IdentityReader identities, Gazetteer gazetteer, AuditTrail audit)
{
    /// <summary>At most this many people and places are listed: a search names someone, it does not browse a population.</summary>
    public const int PeopleLimit = 20;
    public const int PlacesLimit = 10;

    /// <summary>
    /// Incidents are counted up to this many: beyond it the answer says "1,000 or more" and asks for more words or
    /// filters, since counting every one of forty thousand matches costs more than a second and helps nobody.
    /// </summary>
    public const int IncidentCountLimit = 1000;

    /// <summary>The incidents of the people found are read up to this many (twenty identities rarely have a hundred).</summary>
    private const int NamedIncidentLimit = 5000;

    /// <summary>Below this probability the engine's candidate is not offered as the person searched for.</summary>
    private const double PersonFloor = 0.5;

    public async Task<PagedList<SearchItem>> FindAsync(SearchQuery query, Paging paging, CancellationToken ct)
    {
        var terms = Terms.Of(query.Text);
        var people = incidents.CanRead && query.Wants(SearchKinds.Person) && !query.IncidentFilters && query.District is null
            ? await PeopleAsync(terms, ct) : [];
        var places = incidents.CanRead && query.Wants(SearchKinds.Place) && !query.IncidentFilters ? Places(terms, query.District) : [];
        var caseQuery = cases.CanUseCases && query.Wants(SearchKinds.Case) && query.TypeCode is null ? await CasesAsync(terms, query, ct) : null;
        var incidentQuery = incidents.CanRead && query.Wants(SearchKinds.Incident)
            ? await IncidentsAsync(terms, query, people.Select(p => p.IdentityId).ToList(), ct) : null;

        var caseTotal = caseQuery is null ? 0 : await caseQuery.CountAsync(ct);
        var incidentTotal = incidentQuery is null ? 0 : await incidentQuery.Take(IncidentCountLimit).CountAsync(ct);
        var total = people.Count + caseTotal + places.Count + incidentTotal;

        // The page is a window over people, then cases, then places, then incidents.
        var items = new List<SearchItem>(paging.PageSize);
        var listed = new Listed();
        var skip = paging.Skip;
        var take = paging.PageSize;
        Window(people.Count, ref skip, ref take, out var peopleFrom, out var peopleTake);
        foreach (var person in people.Skip(peopleFrom).Take(peopleTake))
        {
            items.Add(person.Item);
            listed.Identities.Add(person.IdentityId);
        }
        Window(caseTotal, ref skip, ref take, out var casesFrom, out var casesTake);
        if (caseQuery is not null && casesTake > 0)
        {
            var rows = await caseQuery.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Skip(casesFrom).Take(casesTake)
                .Select(c => new { c.Id, c.Reference, c.Title, c.Status, c.District, c.OpenedAt }).ToListAsync(ct);
            foreach (var c in rows)
            {
                items.Add(new SearchItem(SearchKinds.Case, c.Reference, c.Title, $"/asb/cases/{Id(c.Id)}", false, c.OpenedAt, $"{c.Status}, {c.District}"));
                listed.Cases.Add(c.Id);
            }
        }
        Window(places.Count, ref skip, ref take, out var placesFrom, out var placesTake);
        items.AddRange(places.Skip(placesFrom).Take(placesTake));
        Window(incidentTotal, ref skip, ref take, out var incidentsFrom, out var incidentsTake);
        if (incidentQuery is not null && incidentsTake > 0)
        {
            var rows = await incidentQuery.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).Skip(incidentsFrom).Take(incidentsTake)
                .Select(i => new { i.Id, i.Reference, i.TypeCode, i.LocationText, i.District, i.ReportedAt, i.Sensitive }).ToListAsync(ct);
            foreach (var i in rows)
            {
                var type = IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode;
                // A sensitive incident's place may be the victim's home: it is listed by reference and type alone.
                items.Add(i.Sensitive
                    ? new SearchItem(SearchKinds.Incident, i.Reference, type, $"/incidents/{Id(i.Id)}", true, i.ReportedAt, null)
                    : new SearchItem(SearchKinds.Incident, i.Reference, $"{type} at {i.LocationText}", $"/incidents/{Id(i.Id)}", false, i.ReportedAt, i.District));
                listed.Incidents.Add(i.Id);
            }
        }

        await audit.WriteAsync("search", "search", null, details: $"{query.Terms} page={Id(paging.Page)} total={Id(total)} {listed}", cancellationToken: ct);
        return new PagedList<SearchItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>Takes what falls in the page from a segment of <paramref name="count"/> rows, moving the window past it.</summary>
    private static void Window(int count, ref int skip, ref int take, out int from, out int taken)
    {
        from = Math.Min(skip, count);
        taken = Math.Min(take, count - from);
        skip -= from;
        take -= taken;
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The records one search listed, for its audit event.</summary>
    private sealed class Listed
    {
        public List<long> Identities { get; } = [];
        public List<long> Cases { get; } = [];
        public List<long> Incidents { get; } = [];

        public override string ToString() =>
            $"identities={string.Join(',', Identities.Select(Id))} cases={string.Join(',', Cases.Select(Id))} incidents={string.Join(',', Incidents.Select(Id))}";
    }

    // ───────────────────────────── people ─────────────────────────────

    private sealed record PersonHit(long IdentityId, double Probability, SearchItem Item);

    /// <summary>
    /// The identities the words name: the matching engine is asked with the name as typed and under each familiar or
    /// formal form of the first name, with the date of birth and phone when given; entries are also found exactly by
    /// surname, date of birth, phone and address. Entries saved a moment ago are in the engine's index and the table
    /// already, so a person just entered is found without waiting for background resolution.
    /// </summary>
    private async Task<List<PersonHit>> PeopleAsync(Terms terms, CancellationToken ct)
    {
        var scores = new Dictionary<long, double>();
        void Found(long personId, double probability)
        {
            if (!scores.TryGetValue(personId, out var best) || probability > best)
            {
                scores[personId] = probability;
            }
        }

        var dob = SearchQuery.Format(terms.DateOfBirth);
        if (terms.Names.Count >= 2 || (terms.Names.Count == 1 && (dob is not null || terms.Phone is not null)) || terms.Phone is not null)
        {
            var first = terms.Names.Count >= 2 ? terms.Names[0] : null;
            var last = terms.Names.Count >= 1 ? terms.Names[^1] : null;
            var middle = terms.Names.Count > 2 ? string.Join(' ', terms.Names.Skip(1).Take(terms.Names.Count - 2)) : null;
            IEnumerable<string?> forenames = first is null ? [null] : [first, .. GivenNameAliases.Standard.AliasesOf(first).Take(12)];
            foreach (var forename in forenames)
            {
                var probe = new PersonEntry("search", forename, middle, last, dob, null, null, null, terms.Phone, null);
                foreach (var candidate in await matcher.FindAsync(probe, null, PeopleLimit, ct))
                {
                    if (candidate.Probability >= PersonFloor)
                    {
                        Found(candidate.PersonId, candidate.Probability);
                    }
                }
            }
        }

        // Exact finds the engine's blocking would not reach: a surname alone, a date of birth alone, a place lived at.
        var entries = db.IncidentPeople.AsNoTracking();
        var exact = new List<IQueryable<IncidentPerson>>();
        if (terms.Names.Count == 1 && terms.Words.Count == 1)
        {
            var name = terms.Names[0];
            exact.Add(db.IsPostgres
                ? entries.Where(p => EF.Functions.ILike(p.LastName!, Escape(name)))
                : entries.Where(p => EF.Functions.Like(p.LastName, Escape(name))));
        }
        if (terms.DateOfBirth is { } born && terms.Names.Count == 0)
        {
            exact.Add(entries.Where(p => p.DateOfBirth == born));
        }
        // Two words or more (a number and a street, a street and a town): one word is a name or too common a place.
        if (terms.AddressWords.Count >= 2 && terms.DateOfBirth is null)
        {
            var address = entries.Where(Predicates.All(terms.AddressWords.Select(word => Like<IncidentPerson>(p => p.Address, word))));
            exact.Add(address);
        }
        foreach (var source in exact)
        {
            foreach (var personId in await source.OrderByDescending(p => p.Id).Select(p => p.Id).Take(PeopleLimit).ToListAsync(ct))
            {
                Found(personId, 1.0);
            }
        }
        if (scores.Count == 0)
        {
            return [];
        }

        var ids = scores.Keys.ToList();
        var owners = await (from p in db.IncidentPeople.AsNoTracking()
                            join i in incidents.Visible(db.Incidents) on p.IncidentId equals i.Id
                            where ids.Contains(p.Id) && p.IdentityId != null
                            select new { p.Id, IdentityId = p.IdentityId!.Value }).ToListAsync(ct);
        var best = owners.GroupBy(o => o.IdentityId).Select(g => (IdentityId: g.Key, Probability: g.Max(o => scores[o.Id])))
            .OrderByDescending(x => x.Probability).ThenByDescending(x => x.IdentityId).Take(PeopleLimit).ToList();
        var identityIds = best.Select(b => b.IdentityId).ToList();
        var found = await db.PersonIdentities.AsNoTracking().Where(i => identityIds.Contains(i.Id))
            .Select(i => new { i.Id, i.DisplayName, i.DateOfBirth, i.CreatedAt }).ToDictionaryAsync(i => i.Id, ct);
        var sensitive = await identities.SensitiveAmongAsync(identityIds, ct);
        return best.Where(b => found.ContainsKey(b.IdentityId)).Select(b =>
        {
            var identity = found[b.IdentityId];
            var reference = $"Person {Id(b.IdentityId)}";
            var item = sensitive.Contains(b.IdentityId)
                ? new SearchItem(SearchKinds.Person, reference, "Person on a sensitive record", $"/identities/{Id(b.IdentityId)}", true, null, null)
                : new SearchItem(SearchKinds.Person, reference, identity.DisplayName, $"/identities/{Id(b.IdentityId)}", false, null,
                    identity.DateOfBirth is { } d ? $"Born {d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}" : null);
            return new PersonHit(b.IdentityId, b.Probability, item);
        }).ToList();
    }

    // ───────────────────────────── places ─────────────────────────────

    /// <summary>Streets of the county's gazetteer (public places, no personal data), each linking to the incidents there.</summary>
    private List<SearchItem> Places(Terms terms, string? district)
    {
        if (terms.AddressWords.Count == 0)
        {
            return [];
        }
        return gazetteer.Search(terms.Text, district, PlacesLimit)
            .Select(p => new SearchItem(SearchKinds.Place, p.LsoaCode, $"{p.Street}, {p.District}",
                $"/search?q={Uri.EscapeDataString(p.Street)}&kind={SearchKinds.Incident}&district={Uri.EscapeDataString(p.District)}", false, null, p.LsoaName))
            .ToList();
    }

    // ───────────────────────────── cases ─────────────────────────────

    /// <summary>Cases the reader may see by reference, title or (where the reader may see parties) a party's name.</summary>
    private async Task<IQueryable<AsbCase>> CasesAsync(Terms terms, SearchQuery query, CancellationToken ct)
    {
        var visible = cases.Visible(db.AsbCases).AsNoTracking();
        if (query.District is { } district)
        {
            visible = visible.Where(c => c.District == district);
        }
        if (query.From is { } from)
        {
            var start = ForceClock.StartOf(from);
            visible = visible.Where(c => c.OpenedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = ForceClock.StartOf(to.AddDays(1));
            visible = visible.Where(c => c.OpenedAt < end);
        }
        var reference = terms.Reference;
        var branches = new List<Expression<Func<AsbCase, bool>>> { c => c.Reference == reference };
        if (terms.Words.Count > 0)
        {
            branches.Add(Predicates.All(terms.Words.Select(word => Like<AsbCase>(c => c.Title, word))));
            var seesParties = cases.IsForceCaseworker || (await cases.PartnerCategoriesAsync(ct)).Contains(DataCategories.Parties);
            if (seesParties && terms.Names.Count > 0)
            {
                var parties = db.CaseParties.AsNoTracking().Where(Predicates.All(terms.Names.Select(name => Like<CaseParty>(p => p.Name, name)))).Select(p => p.CaseId);
                branches.Add(c => parties.Contains(c.Id));
            }
        }
        var found = visible.Where(Predicates.Any(branches));
        return found;
    }

    // ───────────────────────────── incidents ─────────────────────────────

    /// <summary>
    /// Incidents by reference, by every word in the narrative or the place, and those naming a person found; each
    /// branch uses its own index (decision 0089) and the filters apply to all of them.
    /// </summary>
    private async Task<IQueryable<Incident>> IncidentsAsync(Terms terms, SearchQuery query, List<long> identityIds, CancellationToken ct)
    {
        var visible = incidents.Visible(db.Incidents).AsNoTracking();
        if (query.TypeCode is { } type)
        {
            visible = visible.Where(i => i.TypeCode == type);
        }
        if (query.District is { } district)
        {
            visible = visible.Where(i => i.District == district);
        }
        if (query.From is { } from)
        {
            var start = ForceClock.StartOf(from);
            visible = visible.Where(i => i.ReportedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = ForceClock.StartOf(to.AddDays(1));
            visible = visible.Where(i => i.ReportedAt < end);
        }
        var reference = terms.Reference;
        var branches = new List<Expression<Func<Incident, bool>>> { i => i.Reference == reference };
        if (terms.Words.Any(w => w.Length >= 3))
        {
            branches.Add(Predicates.All(terms.Words.Select(word => Predicates.Any([Like<Incident>(i => i.Narrative, word), Like<Incident>(i => i.LocationText, word)]))));
        }
        if (identityIds.Count > 0)
        {
            // Read first, so the branch is a list of keys the planner can OR with the others, not a subquery run per row.
            var named = await db.IncidentPeople.AsNoTracking().Where(p => p.IdentityId != null && identityIds.Contains(p.IdentityId.Value))
                .Select(p => p.IncidentId).Distinct().Take(NamedIncidentLimit).ToListAsync(ct);
            branches.Add(i => named.Contains(i.Id));
        }
        var found = visible.Where(Predicates.Any(branches));
        return found;
    }

    /// <summary>
    /// The column holds the word anywhere, whatever its case: <c>ILIKE</c> on PostgreSQL, answered from a trigram index
    /// (decision 0089); SQLite's <c>LIKE</c> ignores the case of ASCII letters.
    /// </summary>
    private Expression<Func<T, bool>> Like<T>(Expression<Func<T, string?>> column, string word)
    {
        var pattern = Expression.Constant($"%{Escape(word)}%");
        var like = db.IsPostgres
            ? typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string)])!
            : typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string)])!;
        var call = Expression.Call(like, Expression.Property(null, typeof(EF), nameof(EF.Functions)), column.Body, pattern);
        return Expression.Lambda<Func<T, bool>>(call, column.Parameters);
    }

    /// <summary>LIKE's wildcards and escape taken literally; the words are letters and digits, so this is a guard.</summary>
    private static string Escape(string word) => word.Replace("\\", "", StringComparison.Ordinal).Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);

    /// <summary>What the typed text may be: a reference, a date of birth, a phone number, names, words.</summary>
    private sealed record Terms(string Text, string Reference, DateOnly? DateOfBirth, string? Phone, List<string> Names, List<string> Words, List<string> AddressWords)
    {
        public static Terms Of(string text)
        {
            var rest = text;
            DateOnly? dob = null;
            if (DateToken().Match(rest) is { Success: true } date
                && (DateOnly.TryParseExact(date.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    || DateOnly.TryParseExact(date.Value, ["d/M/yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out d)))
            {
                dob = d;
                rest = rest.Remove(date.Index, date.Length);
            }
            string? phone = null;
            if (PhoneToken().Match(rest) is { Success: true } number && number.Value.Count(char.IsDigit) >= 10)
            {
                phone = number.Value.Trim();
                rest = rest.Remove(number.Index, number.Length);
            }
            var words = WordToken().Matches(rest).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2).Distinct().ToList();
            var names = words.Where(w => w.All(char.IsLetter)).ToList();
            // An address has a street word of three letters or more; house numbers ride along.
            var addressWords = words.Any(w => w.Length >= 3 && w.All(char.IsLetter)) ? words : [];
            return new Terms(text, text.Trim().ToUpperInvariant(), dob, phone, names, words, addressWords);
        }
    }

    [GeneratedRegex(@"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\b")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"\+?\d[\d ]{8,}\d")]
    private static partial Regex PhoneToken();

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex WordToken();
}
