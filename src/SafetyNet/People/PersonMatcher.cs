using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Locations;
using SafetyNet.Matching;
using SafetyNet.Platform;

namespace SafetyNet.People;

/// <summary>An existing entry that may be the same person as the one looked up, with the engine's reasons.</summary>
/// <param name="EnoughToJudge">False when the two share nothing compared but names and sex (<see cref="MatchEvidence"/>): never linked automatically.</param>
public sealed record MatchCandidate(long PersonId, double Probability, IReadOnlyList<string> Reasons, bool EnoughToJudge = true);

/// <summary>
/// The matching engine's index of every person entry, held in memory so a lookup at intake takes milliseconds.
/// Built in the background once the database is ready, kept current as entries are saved on this node, and caught up
/// from the database for entries saved elsewhere. Until it is built, lookups wait for it. A build that fails or is
/// cancelled is forgotten, so the next lookup or resolution pass starts another: nobody waits on a build that
/// will never finish.
/// </summary>
public sealed partial class PersonMatcher(IServiceScopeFactory scopes, StartupState startup, Gazetteer gazetteer, TimeProvider time, ILogger<PersonMatcher> log)
{
    /// <summary>Below this many entries the weights are learned with a synthetic reference population alongside.</summary>
    private const int OwnLearningMinimum = 20_000;

    private readonly Lock _gate = new();
    private readonly HashSet<long> _indexed = [];
    private readonly List<PersonEntry> _early = [];
    private IdentityIndex? _index;
    private Task<IdentityIndex>? _building;
    private long _highWater;

    public bool IsReady { get { lock (_gate) { return _index is not null; } } }

    public int Count { get { lock (_gate) { return _indexed.Count; } } }

    /// <summary>How long the last build took, for the start-up log and the benchmark.</summary>
    public TimeSpan BuildTime { get; private set; }

    /// <summary>
    /// The index, built on first use. One build at a time: callers arriving meanwhile wait for it, and a caller who
    /// gives up (its request ends) stops waiting without stopping the build for the others.
    /// </summary>
    public Task<IdentityIndex> WarmAsync(CancellationToken cancellationToken)
    {
        Task<IdentityIndex> build;
        lock (_gate)
        {
            if (_index is { } index)
            {
                return Task.FromResult(index);
            }
            build = _building ??= Task.Run(BuildAsync, CancellationToken.None);
        }
        return build.WaitAsync(cancellationToken);
    }

    private async Task<IdentityIndex> BuildAsync()
    {
        try
        {
            await startup.WhenReady;
            var watch = Stopwatch.StartNew();
            List<IncidentPerson> people;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                people = await db.IncidentPeople.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
            }
            var entries = people.Select(ToEntry).ToList();
            var learning = entries.Count >= OwnLearningMinimum ? entries : [.. entries, .. ReferencePopulation()];
            var index = IdentityIndex.Build(entries, learning, new ResolverOptions { LinkProbability = IdentityRules.Floor });
            lock (_gate)
            {
                foreach (var person in people)
                {
                    _indexed.Add(person.Id);
                    _highWater = Math.Max(_highWater, person.Id);
                }
                foreach (var early in _early)
                {
                    if (_indexed.Add(IdOf(early)))
                    {
                        index.Add(early);
                    }
                }
                _early.Clear();
                _index = index;
                _building = null;
            }
            BuildTime = watch.Elapsed;
            LogBuilt(log, people.Count, (long)watch.Elapsed.TotalMilliseconds);
            return index;
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                // Forgotten, so the next caller builds again; entries saved meanwhile stay in _early for that build.
                _building = null;
            }
            LogBuildFailed(log, Platform.WorkerReport.Describe(error));
            throw;
        }
    }

    /// <summary>Adds entries just saved on this node, so the next lookup finds them.</summary>
    public void Add(IEnumerable<IncidentPerson> people)
    {
        lock (_gate)
        {
            foreach (var person in people)
            {
                var entry = ToEntry(person);
                if (_index is null)
                {
                    _early.Add(entry);
                }
                else if (_indexed.Add(person.Id))
                {
                    _index.Add(entry);
                }
                _highWater = Math.Max(_highWater, person.Id);
            }
        }
    }

    /// <summary>Indexes entries saved by other nodes or bulk loads since the last look.</summary>
    public async Task CatchUpAsync(AppDb db, CancellationToken cancellationToken)
    {
        // Builds the index if nothing has yet (a pass run on demand, with background resolution off).
        await WarmAsync(cancellationToken);
        long from;
        lock (_gate)
        {
            // Transactions commit out of order: look back a little and skip what is already indexed.
            from = Math.Max(0, _highWater - 1000);
        }
        var recent = await db.IncidentPeople.AsNoTracking().Where(p => p.Id > from).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        Add(recent);
    }

    /// <summary>The entries most likely to be this person, best first, leaving out <paramref name="self"/>.</summary>
    public async Task<IReadOnlyList<MatchCandidate>> FindAsync(PersonEntry probe, long? self, int limit, CancellationToken cancellationToken)
    {
        var index = await WarmAsync(cancellationToken);
        var found = index.Find(probe, limit + 1);
        var candidates = new List<MatchCandidate>(found.Count);
        foreach (var match in found)
        {
            var id = long.Parse(match.Id, CultureInfo.InvariantCulture);
            if (id == self || candidates.Count == limit)
            {
                continue;
            }
            var explained = index.Explain(probe, match.Row);
            var enough = explained.Any(r => MatchEvidence.Corroborating.Contains(r.Field));
            candidates.Add(new MatchCandidate(id, Math.Round(match.Probability, 4), explained.Select(Describe).ToList(), enough));
        }
        return candidates;
    }

    public static PersonEntry ToEntry(IncidentPerson p) => new(
        p.Id.ToString(CultureInfo.InvariantCulture), p.FirstName, p.MiddleName, p.LastName,
        p.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        p.Sex switch { Sex.Female => "female", Sex.Male => "male", _ => null },
        p.Address, p.Postcode, p.Phone, p.Email);

    public static string Describe(MatchReason reason) =>
        string.Create(CultureInfo.InvariantCulture, $"{FieldName(reason.Field)}: {reason.Outcome} ({reason.Weight:+0.0;-0.0;0})");

    /// <summary>A compared field in words.</summary>
    public static string FieldName(MatchField field) => field switch
        {
            MatchField.Forename => "first name",
            MatchField.Surname => "last name",
            MatchField.MiddleName => "middle name",
            MatchField.DateOfBirth => "date of birth",
            MatchField.Sex => "sex",
            MatchField.Postcode => "postcode",
            MatchField.Address => "address",
            MatchField.Phone => "phone",
            MatchField.Email => "email",
            _ => field.ToString(),
        };

    private static long IdOf(PersonEntry entry) => long.Parse(entry.Id, CultureInfo.InvariantCulture);

    /// <summary>
    /// Synthetic Hertfordshire's people (never indexed, never shown): a population with the typos, nicknames and
    /// gaps of real call logs, so that a force with few entries yet still learns sensible agreement rates.
    /// </summary>
    private List<PersonEntry> ReferencePopulation()
    {
        var generator = new SyntheticHertfordshire(gazetteer, 20260101);
        var batch = generator.Generate(6000, time.GetUtcNow(), new IdentifierStart(1, 1, 1, 1, 1, 1, 1, 1), "reference", new RiskInstrumentSet(new Dictionary<string, Versioned<Assessments.RiskInstrument>>()));
        // Negative ids can never collide with a real entry.
        return batch.People.Select(p => ToEntry(p) with { Id = (-p.Id).ToString(CultureInfo.InvariantCulture) }).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Person index built: {Entries} entries in {Milliseconds} ms")]
    private static partial void LogBuilt(ILogger logger, int entries, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the person index failed ({Failure}); the next lookup builds it again")]
    private static partial void LogBuildFailed(ILogger logger, string failure);
}
