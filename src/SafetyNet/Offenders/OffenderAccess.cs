using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Offenders;

public sealed record ArrestView(long Id, DateTimeOffset ArrestedAt, string OffenceCode, ArrestOutcome Outcome, string? Place, double? Latitude, double? Longitude, string? District);

public sealed record ChargeView(long Id, DateOnly ChargedOn, string OffenceCode);

public sealed record SanctionView(long Id, SanctionKind Kind, DateOnly SanctionedOn, string OffenceCode, string Disposal);

public sealed record CustodyView(long Id, DateOnly StartedOn, DateOnly? ReleasedOn, string? Establishment);

public sealed record BreachView(long Id, DateTimeOffset BreachedAt, string Details, string RecordedBy);

public sealed record ConditionView(long Id, ConditionKind Kind, string Conditions, DateOnly StartsOn, DateOnly ExpiresOn, DateTimeOffset ReminderDueAt, bool InForce, IReadOnlyList<BreachView> Breaches);

public sealed record MarkerView(long Id, string Kind, string Name, string? Note, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record IntelligenceView(long Id, string Text, int SourceEvaluation, string Assessment, string HandlingCode, string? HandlingConditions, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The sanctions the reoffending predictors count: how many, the first, and the age at the first.</summary>
public sealed record SanctionCounts(int Total, DateOnly? FirstSanctionOn, int? AgeAtFirstSanction);

/// <summary>One offender's record with every section of it.</summary>
public sealed record OffenderView(
    long Id, long IdentityId, string Name, DateOnly? DateOfBirth, string? PncId, string? HomeAddress, double? HomeLatitude, double? HomeLongitude, string? HomeDistrict,
    IReadOnlyList<ArrestView> Arrests, IReadOnlyList<ChargeView> Charges, IReadOnlyList<SanctionView> Sanctions, SanctionCounts SanctionCounts,
    IReadOnlyList<CustodyView> Custody, IReadOnlyList<ConditionView> Conditions, IReadOnlyList<MarkerView> Markers, IReadOnlyList<IntelligenceView> Intelligence,
    DateTimeOffset UpdatedAt, int Version);

/// <summary>One offender in a search or list: who, where they live, their last arrest and release, and why they are listed.</summary>
public sealed record OffenderListItem(
    long Id, long IdentityId, string Name, DateOnly? DateOfBirth, string? HomeDistrict, DateTimeOffset? LastArrestAt, string? LastArrestOffence,
    DateOnly? LastReleasedOn, IReadOnlyList<string> Markers, string? Why);

/// <summary>What a register search asks for: an area (a district, or a point and a radius), and or an offence type.</summary>
public sealed record OffenderSearch(string? District, double? Latitude, double? Longitude, int? RadiusMetres, int? ActiveDays, string? OffenceType, string? Name, bool ReleasedThisWeek = false);

/// <summary>A licence or bail condition whose reminder before expiry is due.</summary>
public sealed record ConditionReminder(long OffenderId, string Name, long ConditionId, ConditionKind Kind, string Conditions, DateOnly ExpiresOn, DateTimeOffset ReminderDueAt);

/// <summary>
/// Who may see the offender register, and the one audited read of it: every page, endpoint, export and command that
/// returns an offender reads through here. The register is the force's alone (decision 0121): officers, supervisors,
/// the community focus desk and analysts read it; a partner — and intelligence and warning markers with it — is
/// answered 404, as if it did not exist. Every read of a record, every search and every list is audited.
/// </summary>
public sealed class OffenderAccess(AppDb db, CurrentUser user, RecordReads reads, ForceConfiguration configuration, TimeProvider time)
{
    public static readonly IReadOnlyList<string> ReadingRoles = [Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.Analyst];

    /// <summary>Those who add to the register: officers and supervisors (and the command line's operator, for imports).</summary>
    public static readonly IReadOnlyList<string> RecordingRoles = [Roles.Officer, Roles.Supervisor];

    public bool CanRead => user.IsForce && user.IsInAnyRole(ReadingRoles);

    public bool CanRecord => (user.IsForce && user.IsInAnyRole(RecordingRoles)) || user.IsOperator;

    /// <summary>Intelligence is police only, whatever else a reader may one day be given.</summary>
    public bool CanReadIntelligence => CanRead;

    public IQueryable<OffenderRecord> Visible => CanRead || user.IsOperator ? db.Set<OffenderRecord>() : db.Set<OffenderRecord>().Where(_ => false);

    public async Task<OffenderRules> RulesAsync(CancellationToken ct) => (await configuration.CurrentAsync<OffenderRules>(OffenderRules.Key, ct)).Value;

    public DateOnly Today => ForceClock.DayOf(time.GetUtcNow());

    /// <summary>Reads one offender for the caller: not found unless entitled; audited.</summary>
    public async Task<Read<OffenderView>> ReadAsync(long id, CancellationToken ct)
    {
        var exists = await Visible.AnyAsync(o => o.Id == id, ct);
        return await reads.OneAsync(exists ? false : (bool?)null, "offender.read", "offender", id, null, null, c => ViewAsync(id, c), ct);
    }

    /// <summary>The offender record of an identity, if the caller may see it (no read: the caller then opens it).</summary>
    public Task<long?> OfIdentityAsync(long identityId, CancellationToken ct) =>
        Visible.Where(o => o.IdentityId == identityId).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct);

    private async Task<OffenderView> ViewAsync(long id, CancellationToken ct)
    {
        var rules = await RulesAsync(ct);
        var today = Today;
        var row = await (from o in db.Set<OffenderRecord>().AsNoTracking()
                         join p in db.PersonIdentities.AsNoTracking() on o.IdentityId equals p.Id
                         where o.Id == id
                         select new { o, p.DisplayName, p.DateOfBirth }).FirstAsync(ct);
        var arrests = await db.Set<OffenderArrest>().AsNoTracking().Where(a => a.OffenderId == id).OrderByDescending(a => a.ArrestedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArrestView(a.Id, a.ArrestedAt, a.OffenceCode, a.Outcome, a.Place, a.Latitude, a.Longitude, a.District)).ToListAsync(ct);
        var charges = await db.Set<OffenderCharge>().AsNoTracking().Where(c => c.OffenderId == id).OrderByDescending(c => c.ChargedOn).ThenByDescending(c => c.Id)
            .Select(c => new ChargeView(c.Id, c.ChargedOn, c.OffenceCode)).ToListAsync(ct);
        var sanctions = await db.Set<OffenderSanction>().AsNoTracking().Where(s => s.OffenderId == id).OrderByDescending(s => s.SanctionedOn).ThenByDescending(s => s.Id)
            .Select(s => new SanctionView(s.Id, s.Kind, s.SanctionedOn, s.OffenceCode, s.Disposal)).ToListAsync(ct);
        var custody = await db.Set<CustodySpell>().AsNoTracking().Where(s => s.OffenderId == id).OrderByDescending(s => s.StartedOn).ThenByDescending(s => s.Id)
            .Select(s => new CustodyView(s.Id, s.StartedOn, s.ReleasedOn, s.Establishment)).ToListAsync(ct);
        var breaches = (await db.Set<ConditionBreach>().AsNoTracking().Where(b => b.OffenderId == id).OrderBy(b => b.BreachedAt).ThenBy(b => b.Id).ToListAsync(ct))
            .ToLookup(b => b.ConditionId, b => new BreachView(b.Id, b.BreachedAt, b.Details, b.RecordedBy));
        var conditions = (await db.Set<OffenderCondition>().AsNoTracking().Where(c => c.OffenderId == id).OrderByDescending(c => c.ExpiresOn).ThenByDescending(c => c.Id).ToListAsync(ct))
            .Select(c => new ConditionView(c.Id, c.Kind, c.Conditions, c.StartsOn, c.ExpiresOn, c.ReminderDueAt, c.StartsOn <= today && c.ExpiresOn >= today, [.. breaches[c.Id]])).ToList();
        var markers = (await db.Set<WarningMarker>().AsNoTracking().Where(m => m.OffenderId == id).OrderBy(m => m.RecordedAt).ThenBy(m => m.Id).ToListAsync(ct))
            .Select(m => new MarkerView(m.Id, m.Kind, rules.NameOf(m.Kind), m.Note, m.RecordedAt, m.RecordedBy)).ToList();
        var intelligence = CanReadIntelligence
            ? await db.Set<IntelligenceEntry>().AsNoTracking().Where(e => e.OffenderId == id).OrderByDescending(e => e.RecordedAt).ThenByDescending(e => e.Id)
                .Select(e => new IntelligenceView(e.Id, e.Text, e.SourceEvaluation, e.Assessment, e.HandlingCode, e.HandlingConditions, e.RecordedAt, e.RecordedBy)).ToListAsync(ct)
            : [];
        var first = sanctions.Count == 0 ? (DateOnly?)null : sanctions.Min(s => s.SanctionedOn);
        var counts = new SanctionCounts(sanctions.Count, first, first is { } f && row.DateOfBirth is { } born ? AgeOn(born, f) : null);
        var record = row.o;
        return new OffenderView(record.Id, record.IdentityId, row.DisplayName, row.DateOfBirth, record.PncId, record.HomeAddress, record.HomeLatitude, record.HomeLongitude,
            record.HomeDistrict, arrests, charges, sanctions, counts, custody, conditions, markers, intelligence, record.UpdatedAt, record.Version);
    }

    public static int AgeOn(DateOnly born, DateOnly day) => day.Year - born.Year - (day < born.AddYears(day.Year - born.Year) ? 1 : 0);

    /// <summary>
    /// Offenders living in an area — a district, or within a radius of a point — or, when <see cref="OffenderSearch.ActiveDays"/>
    /// is given, arrested there in that many days; and or with an arrest, charge or sanction of an offence type. One
    /// audit event holds what was searched for and names every offender listed.
    /// </summary>
    public async Task<PagedList<OffenderListItem>> SearchAsync(OffenderSearch search, Paging paging, CancellationToken ct)
    {
        if (!CanRead)
        {
            return new PagedList<OffenderListItem>([], paging.Page, paging.PageSize, 0);
        }
        Dictionary<long, string>? why = null;
        var now = time.GetUtcNow();
        if (search.District is { } district)
        {
            why = [];
            foreach (var home in await Visible.Where(o => o.HomeDistrict == district).Select(o => o.Id).ToListAsync(ct))
            {
                why[home] = $"Lives in {district}";
            }
            if (search.ActiveDays is { } days)
            {
                var since = now.AddDays(-days);
                var active = await db.Set<OffenderArrest>().AsNoTracking().Where(a => a.ArrestedAt >= since && a.District == district)
                    .OrderByDescending(a => a.ArrestedAt).Select(a => new { a.OffenderId, a.ArrestedAt }).ToListAsync(ct);
                foreach (var a in active)
                {
                    why.TryAdd(a.OffenderId, $"Arrested in {district} on {ForceClock.Format(a.ArrestedAt)}");
                }
            }
        }
        else if (search is { Latitude: { } lat, Longitude: { } lon, RadiusMetres: { } radius })
        {
            why = [];
            var (dLat, dLon) = (radius / 111_320.0, radius / (111_320.0 * Math.Cos(lat * Math.PI / 180)));
            var (south, north, west, east) = (lat - dLat, lat + dLat, lon - dLon, lon + dLon);
            var homes = await Visible.Where(o => o.HomeLatitude >= south && o.HomeLatitude <= north && o.HomeLongitude >= west && o.HomeLongitude <= east)
                .Select(o => new { o.Id, Latitude = o.HomeLatitude!.Value, Longitude = o.HomeLongitude!.Value }).ToListAsync(ct);
            foreach (var home in homes)
            {
                var metres = ProblemSolving.ProblemReader.DistanceMetres(lat, lon, home.Latitude, home.Longitude);
                if (metres <= radius)
                {
                    why[home.Id] = $"Lives {Math.Round(metres / 10) * 10:N0} m away";
                }
            }
            if (search.ActiveDays is { } days)
            {
                var since = now.AddDays(-days);
                var active = await db.Set<OffenderArrest>().AsNoTracking()
                    .Where(a => a.ArrestedAt >= since && a.Latitude >= south && a.Latitude <= north && a.Longitude >= west && a.Longitude <= east)
                    .OrderByDescending(a => a.ArrestedAt).Select(a => new { a.OffenderId, a.ArrestedAt, Latitude = a.Latitude!.Value, Longitude = a.Longitude!.Value }).ToListAsync(ct);
                foreach (var a in active)
                {
                    var metres = ProblemSolving.ProblemReader.DistanceMetres(lat, lon, a.Latitude, a.Longitude);
                    if (metres <= radius)
                    {
                        why.TryAdd(a.OffenderId, $"Arrested {Math.Round(metres / 10) * 10:N0} m away on {ForceClock.Format(a.ArrestedAt)}");
                    }
                }
            }
        }
        if (OffenceCodes.FindType(search.OffenceType) is { } type)
        {
            var classes = type.Classes.ToList();
            var ofType = (await db.Set<OffenderArrest>().Where(a => classes.Contains(a.OffenceCode.Substring(0, 3))).Select(a => a.OffenderId)
                .Union(db.Set<OffenderCharge>().Where(c => classes.Contains(c.OffenceCode.Substring(0, 3))).Select(c => c.OffenderId))
                .Union(db.Set<OffenderSanction>().Where(s => classes.Contains(s.OffenceCode.Substring(0, 3))).Select(s => s.OffenderId))
                .ToListAsync(ct)).ToHashSet();
            why = why is null
                ? ofType.ToDictionary(i => i, _ => $"{type.Name} on record")
                : why.Where(w => ofType.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value);
        }
        if (search.ReleasedThisWeek)
        {
            var rules = await RulesAsync(ct);
            var (firstDay, today) = (Today.AddDays(1 - rules.ReleasedDays), Today);
            var released = (await db.Set<CustodySpell>().AsNoTracking().Where(s => s.ReleasedOn >= firstDay && s.ReleasedOn <= today)
                .Select(s => new { s.OffenderId, s.ReleasedOn }).ToListAsync(ct)).GroupBy(s => s.OffenderId).ToDictionary(g => g.Key, g => g.Max(s => s.ReleasedOn)!.Value);
            why = why is null
                ? released.ToDictionary(r => r.Key, r => $"Released {ForceClock.FormatDay(r.Value)}")
                : why.Where(w => released.ContainsKey(w.Key)).ToDictionary(w => w.Key, w => $"{w.Value}; released {ForceClock.FormatDay(released[w.Key])}");
        }
        var query = from o in Visible.AsNoTracking()
                    join p in db.PersonIdentities.AsNoTracking() on o.IdentityId equals p.Id
                    select new { o.Id, o.IdentityId, p.DisplayName, p.DateOfBirth, o.HomeDistrict };
        if (why is not null)
        {
            var ids = why.Keys.ToList();
            query = query.Where(x => ids.Contains(x.Id));
        }
        if (search.Name?.Trim() is { Length: > 0 } name)
        {
            var lower = name.ToLowerInvariant();
            query = query.Where(x => x.DisplayName.ToLower().Contains(lower));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(x => x.DisplayName).ThenBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = await ListItemsAsync(rows.Select(r => (r.Id, r.IdentityId, r.DisplayName, r.DateOfBirth, (string?)r.HomeDistrict, why?.GetValueOrDefault(r.Id))).ToList(), ct);
        await reads.AuditSearchAsync(items.Select(i => new ListedRecord(i.Id, false)).ToList(), "offender.search", "offender", null,
            $"district={search.District} near={search.Latitude?.ToString(CultureInfo.InvariantCulture)},{search.Longitude?.ToString(CultureInfo.InvariantCulture)} radius={search.RadiusMetres} activeDays={search.ActiveDays} offence={search.OffenceType} name={search.Name} released={search.ReleasedThisWeek} results={total}", ct);
        return new PagedList<OffenderListItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>Offenders released from custody in the last <see cref="OffenderRules.ReleasedDays"/> days, living in a district if one is given; audited.</summary>
    public async Task<PagedList<OffenderListItem>> ReleasedAsync(string? district, Paging paging, CancellationToken ct)
    {
        if (!CanRead)
        {
            return new PagedList<OffenderListItem>([], paging.Page, paging.PageSize, 0);
        }
        var rules = await RulesAsync(ct);
        var today = Today;
        var firstDay = today.AddDays(1 - rules.ReleasedDays);
        var query = from s in db.Set<CustodySpell>().AsNoTracking()
                    join o in Visible.AsNoTracking() on s.OffenderId equals o.Id
                    join p in db.PersonIdentities.AsNoTracking() on o.IdentityId equals p.Id
                    where s.ReleasedOn >= firstDay && s.ReleasedOn <= today && (district == null || o.HomeDistrict == district)
                    select new { o.Id, o.IdentityId, p.DisplayName, p.DateOfBirth, o.HomeDistrict, s.ReleasedOn, s.Establishment };
        var total = await query.Select(x => x.Id).Distinct().CountAsync(ct);
        var rows = (await query.OrderByDescending(x => x.ReleasedOn).ThenBy(x => x.DisplayName).ThenBy(x => x.Id).ToListAsync(ct))
            .DistinctBy(x => x.Id).Skip(paging.Skip).Take(paging.PageSize).ToList();
        var items = await ListItemsAsync(rows.Select(r => (r.Id, r.IdentityId, r.DisplayName, r.DateOfBirth, (string?)r.HomeDistrict,
            (string?)$"Released {ForceClock.FormatDay(r.ReleasedOn!.Value)}{(r.Establishment is { } e ? $" from {e}" : "")}")).ToList(), ct);
        await reads.AuditSearchAsync(items.Select(i => new ListedRecord(i.Id, false)).ToList(), "offender.released", "offender", null,
            $"district={district} from={firstDay:yyyy-MM-dd} results={total}", ct);
        return new PagedList<OffenderListItem>(items, paging.Page, paging.PageSize, total);
    }

    /// <summary>The district of the caller's safer neighbourhood team, if they are in one.</summary>
    public Task<string?> MyDistrictAsync(CancellationToken ct) =>
        (from m in db.TeamMemberships.AsNoTracking()
         join t in db.Teams.AsNoTracking() on m.TeamId equals t.Id
         where m.UserId == user.Id && t.District != null
         orderby t.Id
         select t.District).FirstOrDefaultAsync(ct);

    /// <summary>Licence and bail conditions whose reminder is due and that have not yet expired, the soonest first; audited.</summary>
    public async Task<IReadOnlyList<ConditionReminder>> RemindersDueAsync(CancellationToken ct)
    {
        if (!CanRead)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var today = Today;
        var rows = await (from c in db.Set<OffenderCondition>().AsNoTracking()
                          join o in Visible.AsNoTracking() on c.OffenderId equals o.Id
                          join p in db.PersonIdentities.AsNoTracking() on o.IdentityId equals p.Id
                          where c.ReminderDueAt <= now && c.ExpiresOn >= today
                          orderby c.ReminderDueAt, c.Id
                          select new ConditionReminder(o.Id, p.DisplayName, c.Id, c.Kind, c.Conditions, c.ExpiresOn, c.ReminderDueAt)).Take(200).ToListAsync(ct);
        await reads.AuditListAsync(rows.Select(r => new ListedRecord(r.OffenderId, false)).ToList(), "offender.reminders", "offender", null, $"results={rows.Count}", ct);
        return rows;
    }

    private async Task<List<OffenderListItem>> ListItemsAsync(List<(long Id, long IdentityId, string Name, DateOnly? Born, string? District, string? Why)> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var rules = await RulesAsync(ct);
        var arrests = (await db.Set<OffenderArrest>().AsNoTracking().Where(a => ids.Contains(a.OffenderId)).Select(a => new { a.OffenderId, a.ArrestedAt, a.OffenceCode, a.Id }).ToListAsync(ct))
            .GroupBy(a => a.OffenderId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ArrestedAt).ThenByDescending(a => a.Id).First());
        var released = (await db.Set<CustodySpell>().AsNoTracking().Where(s => ids.Contains(s.OffenderId) && s.ReleasedOn != null).Select(s => new { s.OffenderId, s.ReleasedOn }).ToListAsync(ct))
            .GroupBy(s => s.OffenderId).ToDictionary(g => g.Key, g => g.Max(s => s.ReleasedOn));
        var markers = (await db.Set<WarningMarker>().AsNoTracking().Where(m => ids.Contains(m.OffenderId)).OrderBy(m => m.Id).Select(m => new { m.OffenderId, m.Kind }).ToListAsync(ct))
            .ToLookup(m => m.OffenderId, m => rules.NameOf(m.Kind));
        return rows.Select(r => new OffenderListItem(r.Id, r.IdentityId, r.Name, r.Born, r.District,
            arrests.GetValueOrDefault(r.Id)?.ArrestedAt, arrests.GetValueOrDefault(r.Id)?.OffenceCode, released.GetValueOrDefault(r.Id),
            [.. markers[r.Id].Distinct()], r.Why)).ToList();
    }
}
