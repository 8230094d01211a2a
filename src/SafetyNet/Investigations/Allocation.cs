using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>One investigation in a list or a queue: the crime, its risk and level, and who has it. No victim or suspect is named.</summary>
public sealed record InvestigationListItem(
    long Id, long CrimeRecordId, string? CrimeReference, string? OffenceSubgroup, string CrimeGroup, string CrimeGroupName, InvestigationRisk Risk,
    bool DomesticAbuse, bool VulnerableVictim, bool Sensitive, int RequiredPipLevel, InvestigationStatus Status, DateTimeOffset OpenedAt,
    int? TeamId, string? TeamName, string? InvestigatorId, string? InvestigatorName, DateTimeOffset? AllocatedAt, int Version);

/// <summary>Which investigations a list shows: a status, the caller's own, or those of some teams.</summary>
public sealed record InvestigationFilter(InvestigationStatus? Status = null, bool Mine = false, IReadOnlyCollection<int>? TeamIds = null);

/// <summary>An investigator's open (allocated) investigations by risk, with their PIP level, rank and teams.</summary>
public sealed record InvestigatorWorkload(
    string UserId, string Name, int PipLevel, Rank Rank, IReadOnlyList<int> TeamIds, int High, int Medium, int Standard)
{
    public int Open => High + Medium + Standard;
}

/// <summary>A team an investigation may be allocated to: the force's own.</summary>
public sealed record AllocationTeam(int Id, string Name);

public sealed record AllocationRequest(string? InvestigatorId, int? TeamId, string? Reason, int? Version);

/// <summary>
/// Allocation (decision 0110): the queue of investigations waiting for an investigator, ordered by risk then age; each
/// investigator's workload; and a supervisor's allocation or re-allocation to an investigator and team, with the reason
/// when the investigator is below the level the crime needs. Everything is read through <see cref="InvestigationAccess"/>.
/// </summary>
public sealed class InvestigationAllocation(AppDb db, InvestigationAccess access, RecordReads reads, AuditTrail audit, CurrentUser user, TimeProvider time,
    ForceConfiguration configuration)
{
    public const int MaxReason = 1000;

    /// <summary>The investigations the caller may see, newest first, filtered; one audit event names those listed.</summary>
    public async Task<PagedList<InvestigationListItem>> ListAsync(InvestigationFilter filter, Paging paging, CancellationToken ct)
    {
        var query = access.Visible.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }
        if (filter.Mine)
        {
            var me = user.Id ?? "";
            query = query.Where(i => i.InvestigatorId == me);
        }
        if (filter.TeamIds is { } teams)
        {
            query = query.Where(i => i.TeamId != null && teams.Contains(i.TeamId.Value));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.OpenedAt).ThenByDescending(i => i.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var details = $"status={filter.Status} mine={filter.Mine} teams={(filter.TeamIds is null ? "" : string.Join(',', filter.TeamIds))} page={paging.Page}";
        return new PagedList<InvestigationListItem>(await ItemsAsync(rows, "investigation.list", details, ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// The allocation queue, for supervisors (null for anyone else): investigations awaiting allocation, high risk first,
    /// then the oldest; one audit event names those listed.
    /// </summary>
    public async Task<PagedList<InvestigationListItem>?> QueueAsync(Paging paging, CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return null;
        }
        // Read risk by risk along the (status, risk, opened) index: the counts place the page, and each part of it is
        // a range of that index, rather than sorting every waiting investigation by a risk expression.
        var query = access.Visible.AsNoTracking().Where(i => i.Status == InvestigationStatus.AwaitingAllocation);
        var counts = await query.GroupBy(i => i.Risk).Select(g => new { Risk = g.Key, Count = g.Count() }).ToListAsync(ct);
        var total = counts.Sum(c => c.Count);
        var rows = new List<Investigation>(paging.PageSize);
        var skip = paging.Skip;
        foreach (var risk in new[] { InvestigationRisk.High, InvestigationRisk.Medium, InvestigationRisk.Standard })
        {
            var count = counts.Where(c => c.Risk == risk).Sum(c => c.Count);
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            rows.AddRange(await query.Where(i => i.Risk == risk).OrderBy(i => i.OpenedAt).ThenBy(i => i.Id)
                .Skip(skip).Take(paging.PageSize - rows.Count).ToListAsync(ct));
            skip = 0;
            if (rows.Count == paging.PageSize)
            {
                break;
            }
        }
        return new PagedList<InvestigationListItem>(await ItemsAsync(rows, "investigation.allocation-queue", $"page={paging.Page}", ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// Every investigator of the force with their open investigations by risk, most accredited first (null for anyone
    /// but a supervisor). Counts only, so nothing about a crime is read.
    /// </summary>
    public async Task<IReadOnlyList<InvestigatorWorkload>?> WorkloadAsync(CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return null;
        }
        var investigators = await (from p in db.Set<Investigator>().AsNoTracking()
                                   join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                                   join a in db.Agencies.AsNoTracking() on u.AgencyId equals a.Id
                                   where a.Kind == AgencyKind.Force
                                   select new { p.UserId, u.DisplayName, p.PipLevel, p.Rank }).ToListAsync(ct);
        var ids = investigators.Select(i => i.UserId).ToList();
        var counts = await access.Visible.AsNoTracking()
            .Where(i => i.Status == InvestigationStatus.Allocated && i.InvestigatorId != null && ids.Contains(i.InvestigatorId))
            .GroupBy(i => new { i.InvestigatorId, i.Risk }).Select(g => new { g.Key.InvestigatorId, g.Key.Risk, Count = g.Count() }).ToListAsync(ct);
        var teams = (await (from m in db.TeamMemberships.AsNoTracking()
                            join t in db.Teams.AsNoTracking() on m.TeamId equals t.Id
                            join a in db.Agencies.AsNoTracking() on t.AgencyId equals a.Id
                            where a.Kind == AgencyKind.Force && ids.Contains(m.UserId)
                            select new { m.UserId, m.TeamId }).ToListAsync(ct)).ToLookup(m => m.UserId, m => m.TeamId);
        int Count(string id, InvestigationRisk risk) => counts.Where(c => c.InvestigatorId == id && c.Risk == risk).Sum(c => c.Count);
        return investigators
            .Select(i => new InvestigatorWorkload(i.UserId, i.DisplayName, i.PipLevel, i.Rank, [.. teams[i.UserId].Order()],
                Count(i.UserId, InvestigationRisk.High), Count(i.UserId, InvestigationRisk.Medium), Count(i.UserId, InvestigationRisk.Standard)))
            .OrderByDescending(w => w.PipLevel).ThenBy(w => w.Name, StringComparer.Ordinal).ThenBy(w => w.UserId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The force's teams, by name.</summary>
    public async Task<IReadOnlyList<AllocationTeam>> TeamsAsync(CancellationToken ct) =>
        await (from t in db.Teams.AsNoTracking()
               join a in db.Agencies.AsNoTracking() on t.AgencyId equals a.Id
               where a.Kind == AgencyKind.Force
               orderby t.Name, t.Id
               select new AllocationTeam(t.Id, t.Name)).ToListAsync(ct);

    /// <summary>The teams the caller belongs to: "my team" in the list.</summary>
    public async Task<IReadOnlyList<int>> MyTeamsAsync(CancellationToken ct)
    {
        var me = user.Id ?? "";
        return await db.TeamMemberships.AsNoTracking().Where(m => m.UserId == me).Select(m => m.TeamId).OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>
    /// Allocates (or re-allocates) an investigation to an investigator and team. Only a supervisor allocates; anyone else,
    /// and anyone who may not see the investigation, is answered not found. An investigator below the PIP level the crime
    /// needs may be given it only with a reason, and a re-allocation always needs one. The crime's officer in the case becomes the investigator, so the crime
    /// follows them; the history keeps who allocated it to whom and why.
    /// </summary>
    public async Task<Outcome<InvestigationView>> AllocateAsync(long id, AllocationRequest request, string? purpose, CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return Outcome<InvestigationView>.NotFound;
        }
        switch (await access.MayOpenAsync(id, purpose, ct))
        {
            case ReadOutcome.NotFound:
                return Outcome<InvestigationView>.NotFound;
            case ReadOutcome.PurposeRequired:
                return Outcome<InvestigationView>.PurposeRequired;
        }
        var investigation = await db.Set<Investigation>().FirstAsync(i => i.Id == id, ct);
        if (db.Unchanged<InvestigationView, Investigation>(investigation, request.Version) is { } refused)
        {
            return refused;
        }
        if (investigation.Status == InvestigationStatus.Finalised)
        {
            return Outcome<InvestigationView>.Invalid("investigatorId", "This investigation is finalised: re-open it before allocating it");
        }
        var v = new Validation();
        var investigator = string.IsNullOrWhiteSpace(request.InvestigatorId) ? null
            : await (from p in db.Set<Investigator>().AsNoTracking()
                     join u in db.Users.AsNoTracking() on p.UserId equals u.Id
                     join a in db.Agencies.AsNoTracking() on u.AgencyId equals a.Id
                     where p.UserId == request.InvestigatorId && a.Kind == AgencyKind.Force
                     select new { p.UserId, u.DisplayName, p.PipLevel }).FirstOrDefaultAsync(ct);
        if (investigator is null)
        {
            v.Add("investigatorId", string.IsNullOrWhiteSpace(request.InvestigatorId) ? "Select the investigator" : "Select an investigator of the force");
        }
        var team = request.TeamId is { } teamId ? (await TeamsAsync(ct)).FirstOrDefault(t => t.Id == teamId) : null;
        if (team is null)
        {
            v.Add("teamId", request.TeamId is null ? "Select the team" : "Select a team of the force");
        }
        var reason = v.MaxLength("reason", request.Reason?.Trim(), "the reason", MaxReason);
        var reallocated = investigation.Status == InvestigationStatus.Allocated;
        var below = investigator is not null && investigator.PipLevel < investigation.RequiredPipLevel;
        if (below && string.IsNullOrWhiteSpace(reason) && v.IsValidField("reason"))
        {
            v.Add("reason", $"{investigator!.DisplayName} is {PipName(investigator.PipLevel)} and this crime needs PIP{investigation.RequiredPipLevel}: " +
                "give the reason for allocating it below the level needed");
        }
        else if (reallocated && string.IsNullOrWhiteSpace(reason) && v.IsValidField("reason"))
        {
            v.Add("reason", "Give the reason for re-allocating the investigation");
        }
        if (investigator is not null && team is not null && investigation.Status == InvestigationStatus.Allocated
            && investigation.InvestigatorId == investigator.UserId && investigation.TeamId == team.Id)
        {
            v.Add("investigatorId", $"This investigation is already allocated to {investigator.DisplayName} in {team.Name}");
        }
        if (!v.IsValid)
        {
            return Outcome<InvestigationView>.Invalid(v.Errors);
        }

        var from = reallocated && investigation.InvestigatorId is { } was
            ? await db.Users.AsNoTracking().Where(u => u.Id == was).Select(u => u.DisplayName).FirstOrDefaultAsync(ct)
            : null;
        var now = time.GetUtcNow();
        investigation.Status = InvestigationStatus.Allocated;
        (investigation.InvestigatorId, investigation.TeamId) = (investigator!.UserId, team!.Id);
        (investigation.AllocatedAt, investigation.AllocatedBy) = (now, user.Name);
        investigation.BelowLevelReason = below ? reason : null;
        var crime = await db.CrimeRecords.FirstAsync(c => c.Id == investigation.CrimeRecordId, ct);
        var text = $"{(reallocated ? "Re-allocated" : "Allocated")} to {investigator.DisplayName} ({PipName(investigator.PipLevel)}), {team.Name}" +
            (from is null ? "" : $", from {from}") +
            (below ? $"; below the PIP{investigation.RequiredPipLevel} needed because: {reason}" : reallocated ? $", because: {reason}" : "");
        db.Add(new InvestigationEvent { InvestigationId = id, Kind = reallocated ? "Re-allocated" : "Allocated", Text = text, At = now, By = user.Name });
        if (crime.OfficerInCaseId != investigator.UserId)
        {
            crime.OfficerInCaseId = investigator.UserId;
            db.IncidentLog.Add(new IncidentLogEntry
            {
                IncidentId = crime.IncidentId, Kind = IncidentLogKind.Assigned, At = now, By = user.Name,
                Text = $"Officer in the case of crime {crime.CrimeReference}: {investigator.DisplayName}, allocated the investigation",
            });
        }
        audit.Add("investigation.allocate", "investigation", id.ToString(CultureInfo.InvariantCulture), RecordReads.Valid(purpose),
            $"investigator={investigator.UserId} team={team.Id} belowLevel={below}");
        await db.SaveChangesAsync(ct);
        var read = await access.ReadAsync(id, purpose, ct);
        return Outcome.Done(read.Value!);
    }

    public static string PipName(int level) => level > 0 ? $"PIP{level}" : "not accredited";

    private async Task<IReadOnlyList<InvestigationListItem>> ItemsAsync(List<Investigation> rows, string action, string details, CancellationToken ct)
    {
        // Worked without a purpose for each row, as the other work queues are: a row names the crime, never a person.
        await reads.AuditListAsync(rows.Select(i => new ListedRecord(i.Id, i.Sensitive)).ToList(), action, "investigation", null, details, ct);
        var crimeIds = rows.Select(i => i.CrimeRecordId).ToList();
        var crimes = await db.CrimeRecords.AsNoTracking().Where(c => crimeIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { c.CrimeReference, c.OffenceSubgroup }, ct);
        var teamIds = rows.Where(i => i.TeamId != null).Select(i => i.TeamId!.Value).Distinct().ToList();
        var teams = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var userIds = rows.Where(i => i.InvestigatorId != null).Select(i => i.InvestigatorId!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        return rows.Select(i => new InvestigationListItem(
            i.Id, i.CrimeRecordId, crimes.GetValueOrDefault(i.CrimeRecordId)?.CrimeReference, crimes.GetValueOrDefault(i.CrimeRecordId)?.OffenceSubgroup,
            i.CrimeGroup, rules.Find(i.CrimeGroup)?.Name ?? i.CrimeGroup, i.Risk, i.DomesticAbuse, i.VulnerableVictim, i.Sensitive, i.RequiredPipLevel,
            i.Status, i.OpenedAt, i.TeamId, i.TeamId is { } t ? teams.GetValueOrDefault(t) : null, i.InvestigatorId,
            i.InvestigatorId is { } who ? names.GetValueOrDefault(who) : null, i.AllocatedAt, i.Version)).ToList();
    }
}
