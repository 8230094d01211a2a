using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>One investigation as its readers see it: the crime, who has it, what it needs, and its history.</summary>
public sealed record InvestigationView(
    long Id, long CrimeRecordId, long IncidentId, string IncidentReference, string? CrimeReference, string? OffenceSubgroup, string? PoliceUkCategory,
    string? VictimName, string CrimeGroup, string CrimeGroupName, InvestigationRisk Risk, bool DomesticAbuse, bool VulnerableVictim, bool Sensitive, int RequiredPipLevel,
    InvestigationStatus Status, DateTimeOffset OpenedAt, int? TeamId, string? TeamName, string? InvestigatorId, string? InvestigatorName,
    int? InvestigatorPipLevel, DateTimeOffset? AllocatedAt, string? AllocatedBy, string? BelowLevelReason, string? OutcomeCode,
    DateTimeOffset? FinalisedAt, string? FinalisedBy, int RuleVersion, IReadOnlyList<InvestigationEventView> History, int Version);

public sealed record InvestigationEventView(string Kind, string Text, DateTimeOffset At, string By);

/// <summary>
/// Who may see investigations, and the one audited read of them. Investigations are the force's alone: a partner, and
/// force staff outside the roles that investigate, supervise, manage victims or audit crime, are answered 404. Every
/// read of one investigation is audited (with its purpose when the crime is sensitive); every service that returns
/// investigations reads them through here.
/// </summary>
public sealed class InvestigationAccess(AppDb db, CurrentUser user, RecordReads reads, ForceConfiguration configuration)
{
    /// <summary>The roles that work investigations: officers and supervisors, the crime service team and the registrar.</summary>
    public static readonly IReadOnlyList<string> ReadingRoles = [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CrimeRegistrar];

    public bool CanRead => user.IsForce && user.IsInAnyRole(ReadingRoles);

    /// <summary>Supervisors allocate, review and finalise what needs a supervisor.</summary>
    public bool IsSupervisor => user.IsForce && user.IsInRole(Roles.Supervisor);

    public string? UserId => user.Id;

    public IQueryable<Investigation> Visible => CanRead ? db.Set<Investigation>() : db.Set<Investigation>().Where(_ => false);

    /// <summary>Those who read figures over investigations (counts and rates, never a person): supervisors, the registrar and analysts.</summary>
    public static readonly IReadOnlyList<string> FigureRoles = [Roles.Supervisor, Roles.CrimeRegistrar, Roles.Analyst];

    /// <summary>Figures name no person, so the command line's operator counts them too (decision 0117); they still read no investigation.</summary>
    public bool CanCount => (user.IsForce && user.IsInAnyRole(FigureRoles)) || user.IsOperator;

    /// <summary>The investigations figures are counted over: every one for <see cref="FigureRoles"/> and the operator, none for anyone else.</summary>
    public IQueryable<Investigation> Counted => CanCount ? db.Set<Investigation>() : db.Set<Investigation>().Where(_ => false);

    /// <summary>Whether the caller may see the investigation (null when not: 404), and whether it is sensitive.</summary>
    public async Task<bool?> SensitivityAsync(long id, CancellationToken ct) =>
        await Visible.Where(i => i.Id == id).Select(i => (bool?)i.Sensitive).FirstOrDefaultAsync(ct);

    /// <summary>Reads one investigation for the caller: not found unless entitled, a purpose when sensitive, audited.</summary>
    public async Task<Read<InvestigationView>> ReadAsync(long id, string? purpose, CancellationToken ct) =>
        await reads.OneAsync(await SensitivityAsync(id, ct), "investigation.read", "investigation", id, purpose, null, c => ViewAsync(id, c), ct);

    /// <summary>Decides whether the caller may open an investigation to change it, as a read is decided, without reading it.</summary>
    public async Task<ReadOutcome> MayOpenAsync(long id, string? purpose, CancellationToken ct) =>
        RecordReads.MayOpen(await SensitivityAsync(id, ct), purpose);

    private async Task<InvestigationView> ViewAsync(long id, CancellationToken ct)
    {
        var row = await (from x in db.Set<Investigation>().AsNoTracking()
                         join c in db.CrimeRecords.AsNoTracking() on x.CrimeRecordId equals c.Id
                         join n in db.Incidents.AsNoTracking() on x.IncidentId equals n.Id
                         where x.Id == id
                         select new
                         {
                             i = x, c.CrimeReference, c.OffenceSubgroup, c.PoliceUkCategory, n.Reference,
                             c.VictimId,
                         }).FirstAsync(ct);
        var victim = row.VictimId is { } victimId ? await db.IncidentPeople.AsNoTracking().FirstOrDefaultAsync(p => p.Id == victimId, ct) : null;
        var i = row.i;
        var team = i.TeamId is { } teamId ? await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        var investigator = i.InvestigatorId is { } who
            ? await (from u in db.Users.AsNoTracking()
                     where u.Id == who
                     select new { u.DisplayName, Pip = db.Set<Investigator>().Where(p => p.UserId == u.Id).Select(p => (int?)p.PipLevel).FirstOrDefault() }).FirstOrDefaultAsync(ct)
            : null;
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        var history = await db.Set<InvestigationEvent>().AsNoTracking().Where(e => e.InvestigationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new InvestigationEventView(e.Kind, e.Text, e.At, e.By)).ToListAsync(ct);
        return new InvestigationView(
            i.Id, i.CrimeRecordId, i.IncidentId, row.Reference, row.CrimeReference, row.OffenceSubgroup, row.PoliceUkCategory, victim?.DisplayName, i.CrimeGroup,
            rules.Find(i.CrimeGroup)?.Name ?? i.CrimeGroup, i.Risk, i.DomesticAbuse, i.VulnerableVictim, i.Sensitive, i.RequiredPipLevel, i.Status,
            i.OpenedAt, i.TeamId, team, i.InvestigatorId, investigator?.DisplayName, investigator?.Pip, i.AllocatedAt, i.AllocatedBy,
            i.BelowLevelReason, i.OutcomeCode, i.FinalisedAt, i.FinalisedBy, i.RuleVersion, history, i.Version);
    }
}
