using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Incidents;

/// <summary>What an incident search asks for; every part optional.</summary>
public sealed record IncidentFilter(string? TypeCode, string? District, string? Grade, DateTimeOffset? From, DateTimeOffset? To, string? Text);

/// <summary>Assembles the whole picture of one incident, and lists of incidents, for the API and the pages.</summary>
public sealed class IncidentReader(AppDb db, IncidentAccess access, RecordReads reads, ForceConfiguration configuration, TimeProvider time)
{
    /// <summary>
    /// The incidents the caller may see that a search finds, newest first. Worked without a purpose: a sensitive row
    /// gives its reference, type, times and grade but no location (<see cref="IncidentMapping.ToListed"/>). One audit
    /// event holds the search and names every incident listed, written even when nothing is found.
    /// </summary>
    public async Task<PagedList<IncidentSummary>> ListAsync(IncidentFilter filter, Paging paging, CancellationToken cancellationToken = default)
    {
        var query = access.Visible(db.Incidents).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.TypeCode))
        {
            var type = filter.TypeCode.ToUpperInvariant();
            query = query.Where(i => i.TypeCode == type);
        }
        if (!string.IsNullOrWhiteSpace(filter.District))
        {
            query = query.Where(i => i.District == filter.District);
        }
        if (!string.IsNullOrWhiteSpace(filter.Grade))
        {
            var grade = filter.Grade.ToUpperInvariant();
            query = query.Where(i => i.GradeCode == grade);
        }
        if (filter.From is { } from)
        {
            query = query.Where(i => i.ReportedAt >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(i => i.ReportedAt < to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(i => i.Reference == text || i.LocationText.Contains(text));
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(cancellationToken);
        if (access.CanRead)
        {
            await reads.AuditSearchAsync(rows.Select(i => new ListedRecord(i.Id, i.Sensitive)).ToList(), "incident.search", "incident", null,
                $"type={filter.TypeCode} district={filter.District} grade={filter.Grade} q={filter.Text} page={paging.Page} results={total}", cancellationToken);
        }
        return new PagedList<IncidentSummary>(rows.Select(i => i.ToListed()).ToList(), paging.Page, paging.PageSize, total);
    }

    /// <summary>
    /// Reads one incident for a person: not found unless they may see it, a stated purpose if it is sensitive, and
    /// the read audited with that purpose before anything is returned.
    /// </summary>
    public async Task<Read<IncidentResponse>> ReadAsync(long id, string? purpose, string? details, CancellationToken cancellationToken = default)
    {
        var incident = await FindAsync(id, cancellationToken);
        return await reads.OneAsync(incident?.Sensitive, "incident.read", "incident", id, purpose, details,
            ct => ToResponseAsync(incident!, ct), cancellationToken);
    }

    /// <summary>
    /// The answer to recording an incident. A new one answers with what its author sent and what intake worked out from
    /// it, as the author's own record. A repeated import of one already recorded answers with the incident as it stands,
    /// which is a read like any other: not found unless the caller may see it, a purpose if it is sensitive, audited.
    /// </summary>
    public async Task<Read<IncidentResponse>> AnswerRecordedAsync(IntakeResult recorded, string? purpose, CancellationToken cancellationToken = default)
    {
        if (!recorded.Created)
        {
            return await ReadAsync(recorded.Incident!.Id, purpose, "repeated import", cancellationToken);
        }
        var incident = await FindAsync(recorded.Incident!.Id, cancellationToken);
        return incident is null ? new(ReadOutcome.NotFound, null, null) : new(ReadOutcome.Allowed, await ToResponseAsync(incident, cancellationToken), null);
    }

    /// <summary>The incident as stored, for the services that change it; a read for a person goes through <see cref="ReadAsync"/>.</summary>
    public async Task<Incident?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        await access.Visible(db.Incidents).Include(i => i.People).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<IncidentResponse> ToResponseAsync(Incident incident, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var thrive = await db.ThriveAssessments.AsNoTracking().Where(t => t.IncidentId == incident.Id)
            .OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        var assessments = await db.RiskAssessments.AsNoTracking().Where(a => a.IncidentId == incident.Id)
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var records = await db.CrimeRecords.AsNoTracking().Where(c => c.IncidentId == incident.Id).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var recordIds = records.Select(r => r.Id).ToList();
        var decisions = await db.CrimeDecisions.AsNoTracking().Where(d => recordIds.Contains(d.CrimeRecordId)).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        var type = IncidentType.Find(incident.TypeCode);
        var log = await db.IncidentLog.AsNoTracking()
            .Where(e => e.IncidentId == incident.Id || (e.Kind == IncidentLogKind.Linked && e.LinkedIncidentId == incident.Id))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var linkedIds = log.Where(e => e.Kind == IncidentLogKind.Linked).Select(e => e.IncidentId == incident.Id ? e.LinkedIncidentId!.Value : e.IncidentId).ToList();
        var references = await db.Incidents.AsNoTracking().Where(i => linkedIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, cancellationToken);
        var officerName = incident.OfficerInCaseId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == incident.OfficerInCaseId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var teamName = incident.OwningTeamId is null ? null
            : await db.Teams.AsNoTracking().Where(t => t.Id == incident.OwningTeamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        var rules = (await configuration.CurrentAsync<IntakeRules>(IntakeRules.Key, cancellationToken)).Value;
        var prompts = rules.PromptsFor(incident.Narrative, assessments.Select(a => Answers(a.AnswersJson)));
        var vulnerability = await VulnerabilityAsync(incident.Id, cancellationToken);
        return new IncidentResponse(
            incident.Id, incident.Reference, incident.Channel.ToString(), incident.ReportedAt, incident.OccurredFrom, incident.OccurredTo,
            incident.TypeCode, type?.Name ?? incident.TypeCode, incident.Narrative,
            new LocationResponse(incident.LocationText, incident.Uprn, incident.Latitude, incident.Longitude, incident.LsoaCode, incident.District, incident.Rural),
            incident.GradeCode, incident.GradeConfigVersion, incident.GradedAt, incident.RegradeReason,
            type is not null && IncidentIntake.MandatoryAttendance(type, incident.VulnerablePerson, incident.OffenderNearby),
            incident.AttendanceDueAt, incident.ArrivedAt,
            incident.AttendanceDueAt is { } due && (incident.ArrivedAt ?? now) > due,
            incident.NoAttendanceOverrideBy, incident.NoAttendanceOverrideReason, incident.ThriveDueAt,
            incident.OffenderNearby, incident.VulnerablePerson, incident.MayBeCrime, incident.MayBeCrimeReason, incident.Sensitive,
            incident.SourceSystem, incident.SourceReference, incident.OfficerInCaseId, incident.OwningTeamId,
            incident.People.OrderBy(p => p.Id).Select(PersonResponse.From).ToList(),
            thrive is null ? null : ThriveResponse.From(thrive),
            assessments.Select(AssessmentResponse.From).ToList(),
            records.Select(r => ToResponse(r, decisions, now)).ToList(),
            incident.CreatedAt, incident.CreatedBy, incident.Version,
            officerName, teamName, incident.ResultCode, incident.ResultCode is null ? null : IncidentResults.Label(incident.ResultCode),
            incident.ClosedAt, incident.ClosedBy,
            log.Select(LogEntry).ToList(), prompts, vulnerability);

        // A link is one entry shown on both incidents: each names the other.
        IncidentLogEntryResponse LogEntry(IncidentLogEntry e)
        {
            if (e.Kind != IncidentLogKind.Linked)
            {
                return IncidentLogEntryResponse.From(e, null);
            }
            var other = e.IncidentId == incident.Id ? e.LinkedIncidentId!.Value : e.IncidentId;
            return IncidentLogEntryResponse.From(e, references.GetValueOrDefault(other)) with { LinkedIncidentId = other };
        }
    }

    private static IReadOnlyDictionary<string, string?> Answers(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];

    /// <summary>Each victim's vulnerability assessments, oldest first, with the questions in the words of the version that judged them.</summary>
    public async Task<IReadOnlyList<VulnerabilityResponse>> VulnerabilityAsync(long incidentId, CancellationToken cancellationToken = default)
    {
        var rows = await db.VulnerabilityAssessments.AsNoTracking().Where(a => a.IncidentId == incidentId).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }
        var history = await configuration.HistoryAsync(VulnerabilityFactors.Key, cancellationToken);
        var result = new List<VulnerabilityResponse>();
        foreach (var a in rows)
        {
            var json = history.FirstOrDefault(h => h.Version == a.ConfigVersion)?.Json;
            var factors = json is null ? VulnerabilityFactors.Default : JsonSerializer.Deserialize<VulnerabilityFactors>(json, ForceConfiguration.Json) ?? VulnerabilityFactors.Default;
            var answers = (JsonSerializer.Deserialize<List<VulnerabilityAnswer>>(a.AnswersJson) ?? [])
                .Select(x => x.Key == "age-band"
                    ? new VulnerabilityAnswerResponse(x.Key, "Age band", factors.FindBand(x.Answer)?.Name ?? x.Answer, x.Source)
                    : new VulnerabilityAnswerResponse(x.Key, factors.Factors.FirstOrDefault(f => f.Key == x.Key)?.Question ?? x.Key, x.Answer, x.Source))
                .ToList();
            result.Add(new VulnerabilityResponse(a.Id, a.PersonId, a.ConfigVersion, a.AgeBand, a.Vulnerable, a.Enhanced, a.Elderly,
                a.DeskReasons, a.EnhancedReasons, answers, a.CreatedAt, a.CreatedBy));
        }
        return result;
    }

    public static CrimeRecordResponse ToResponse(CrimeRecord r, IEnumerable<CrimeDecision> decisions, DateTimeOffset now) =>
        new(r.Id, r.IncidentId, r.VictimId, r.Status.ToString(), r.DueAt, r.Status == CrimeRecordingStatus.Pending && now > r.DueAt,
            r.CrimeReference, r.OffenceSubgroup, r.PoliceUkCategory, r.DecidedAt, r.DecidedBy, r.Version,
            decisions.Where(d => d.CrimeRecordId == r.Id).Select(CrimeDecisionResponse.From).ToList(), r.OfficerInCaseId);

}
