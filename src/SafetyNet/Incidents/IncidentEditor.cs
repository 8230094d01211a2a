using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Incidents;

/// <summary>Changes to a recorded incident: facts, grade, assignment, arrival, notes, links, closure, THRIVE and risk reassessments.</summary>
public sealed class IncidentEditor(
    AppDb db, IncidentAccess access, IncidentIntake intake, IncidentReader reader, ForceConfiguration configuration,
    AuditTrail audit, CurrentUser user, TimeProvider time, Reactions reactions)
{
    /// <summary>
    /// Changes an incident and answers with it as saved. The answer is a read: opening a sensitive incident (or one the
    /// change makes sensitive) needs a purpose, asked after the 404 and before anything is changed, and the answer is
    /// read for that purpose through <see cref="IncidentReader.ReadAsync"/>.
    /// </summary>
    public async Task<Outcome<IncidentResponse>> UpdateAsync(
        long id, PatchIncidentRequest request, bool replace, string? purpose, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).Include(i => i.People).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome<IncidentResponse>.NotFound;
        }
        if (RecordReads.MayOpen(incident.Sensitive || IncidentType.Find(request.TypeCode)?.Sensitive == true, purpose) == ReadOutcome.PurposeRequired)
        {
            return Outcome<IncidentResponse>.Invalid(Purpose.Missing);
        }
        if (db.Unchanged<IncidentResponse, Incident>(incident, request.Version) is { } refused)
        {
            return refused;
        }
        var v = new Validation();
        if (incident.ClosedAt is not null)
        {
            return Outcome<IncidentResponse>.Invalid("version", "This incident is closed: it can no longer be changed, but notes may still be added to its log");
        }
        var now = time.GetUtcNow();
        var changed = new List<string>();
        var log = new List<(IncidentLogKind Kind, string Text)>();

        if (replace || request.TypeCode is not null)
        {
            var type = IncidentType.Find(request.TypeCode);
            if (type is null)
            {
                v.Add("typeCode", string.IsNullOrWhiteSpace(request.TypeCode) ? "Select the type of incident" : $"'{request.TypeCode}' is not an incident type");
            }
            else if (type.Code != incident.TypeCode)
            {
                incident.TypeCode = type.Code;
                incident.Sensitive |= type.Sensitive;
                changed.Add("type");
            }
        }
        if (replace || request.Narrative is not null)
        {
            var narrative = v.Required("narrative", request.Narrative, "what was reported", IncidentLimits.Narrative);
            if (narrative is not null && narrative != incident.Narrative)
            {
                incident.Narrative = narrative;
                changed.Add("narrative");
            }
        }
        if (replace || request.Location is not null)
        {
            var location = IncidentIntake.ReadLocation(v, request.Location);
            (incident.LocationText, incident.Uprn, incident.Latitude, incident.Longitude, incident.LsoaCode, incident.District) =
                (location.Text ?? incident.LocationText, location.Uprn, location.Latitude, location.Longitude, location.LsoaCode,
                 location.District ?? PlaceKey.DistrictOf(location.Text));
            incident.Rural = location.Rural ?? incident.Rural;
            changed.Add("location");
        }
        if (replace || request.OccurredFrom is not null || request.OccurredTo is not null)
        {
            var from = replace ? request.OccurredFrom : request.OccurredFrom ?? incident.OccurredFrom;
            var to = replace ? request.OccurredTo : request.OccurredTo ?? incident.OccurredTo;
            IncidentIntake.CheckOccurred(v, from, to, incident.ReportedAt);
            (incident.OccurredFrom, incident.OccurredTo) = (from, to);
            changed.Add("occurred");
        }
        Flag(request.OffenderNearby, incident.OffenderNearby, value => incident.OffenderNearby = value, "offenderNearby");
        Flag(request.VulnerablePerson, incident.VulnerablePerson, value => incident.VulnerablePerson = value, "vulnerablePerson");
        if (request.MayBeCrime is { } mayBe && mayBe != incident.MayBeCrime)
        {
            if (!mayBe && await db.CrimeRecords.AnyAsync(c => c.IncidentId == id, ct))
            {
                v.Add("mayBeCrime", "A crime recording decision is already open: close it with a decision, with its reason, instead");
            }
            incident.MayBeCrime = mayBe;
            incident.MayBeCrimeReason = mayBe ? CrimeInTheAccount.MarkedByHand : null;
            changed.Add("mayBeCrime");
        }
        if (replace || request.OfficerInCaseId is not null || request.OwningTeamId is not null)
        {
            var officer = replace || request.OfficerInCaseId is not null ? await intake.OfficerAsync(v, request.OfficerInCaseId, ct) : incident.OfficerInCaseId;
            var team = replace || request.OwningTeamId is not null ? request.OwningTeamId : incident.OwningTeamId;
            await intake.TeamAsync(v, team, ct);
            if (officer != incident.OfficerInCaseId || team != incident.OwningTeamId)
            {
                if (!access.IsSupervisor)
                {
                    v.Add(officer != incident.OfficerInCaseId ? "officerInCaseId" : "owningTeamId", "Only a supervisor may assign the officer in the case or the owning team");
                }
                else if (v.IsValid)
                {
                    log.Add((IncidentLogKind.Assigned, await AssignmentTextAsync(officer, team, ct)));
                    await AssignCrimesAsync(incident.Id, incident.OfficerInCaseId, officer, ct);
                    (incident.OfficerInCaseId, incident.OwningTeamId) = (officer, team);
                    changed.Add("assignment");
                }
            }
        }

        if (request.Grade is not null)
        {
            var grades = await configuration.CurrentAsync<GradeTable>(GradeTable.Key, ct);
            var grade = grades.Value.Find(request.Grade);
            var reason = v.MaxLength("regradeReason", request.RegradeReason, "the reason for the new grade", 1000);
            var overrideReason = v.MaxLength("noAttendanceOverrideReason", request.NoAttendanceOverrideReason, "the override reason", 1000);
            if (grade is null)
            {
                v.Add("grade", $"'{request.Grade}' is not a grade");
            }
            else if (grade.Code != incident.GradeCode)
            {
                if (incident.GradeCode is not null && reason is null)
                {
                    v.Add("regradeReason", "Give the reason for changing the grade");
                }
                var type = IncidentType.Find(incident.TypeCode);
                if (!grade.Attends && type is not null && IncidentIntake.MandatoryAttendance(type, incident.VulnerablePerson, incident.OffenderNearby))
                {
                    if (!access.IsSupervisor)
                    {
                        v.Add("grade", $"{type.Name} must be attended: only a supervisor may grade it for no attendance, with a reason");
                    }
                    else if (overrideReason is null)
                    {
                        v.Add("noAttendanceOverrideReason", "Give the reason for overriding mandatory attendance");
                    }
                }
                if (v.IsValid)
                {
                    var previous = grades.Value.Find(incident.GradeCode)?.Name ?? incident.GradeCode;
                    IncidentIntake.ApplyGrade(incident, grade, grades.Version, now, overrideReason, user.Name);
                    if (previous is not null)
                    {
                        // A regrade restarts the attendance target: it runs from the moment of the new grade, not the report.
                        incident.AttendanceDueAt = grade.AttendanceDue(incident.Rural, now);
                        log.Add((IncidentLogKind.Regraded, $"{previous} to {grade.Name}: {reason}"));
                    }
                    else
                    {
                        log.Add((IncidentLogKind.Graded, grade.Name + (reason is null ? "" : $": {reason}")));
                    }
                    incident.RegradeReason = reason;
                    changed.Add("grade");
                }
            }
        }
        if (request.ArrivedAt is { } arrived)
        {
            if (arrived < incident.ReportedAt || arrived > now.AddMinutes(5))
            {
                v.Add("arrivedAt", "The arrival must be after the report and not in the future");
            }
            incident.ArrivedAt = arrived;
            log.Add((IncidentLogKind.Arrived, $"Arrived at {ForceClock.Format(arrived)}"));
            changed.Add("arrival");
        }

        if (!v.IsValid)
        {
            return Outcome<IncidentResponse>.Invalid(v.Errors);
        }
        var rules = (await configuration.CurrentAsync<IntakeRules>(IntakeRules.Key, ct)).Value;
        var existing = await db.CrimeRecords.Where(c => c.IncidentId == id).ToListAsync(ct);
        CrimeRecording.OpenDecisions(db, incident, rules.CrimeRecordingHours, existing);
        foreach (var (kind, text) in log)
        {
            db.IncidentLog.Add(new IncidentLogEntry { IncidentId = id, Kind = kind, Text = text, At = now, By = user.Name });
        }
        audit.Add("incident.update", "incident", id.ToString(CultureInfo.InvariantCulture), details: string.Join(',', changed.Distinct()));
        await db.SaveChangesAsync(ct);
        return (await reader.ReadAsync(id, purpose, "after change", ct)).Value is { } changedIncident ? Outcome.Done(changedIncident) : Outcome<IncidentResponse>.NotFound;

        void Flag(bool? requested, bool current, Action<bool> set, string name)
        {
            if ((replace || requested is not null) && (requested ?? false) != current)
            {
                set(requested ?? false);
                changed.Add(name);
            }
        }
    }

    /// <summary>Writes a note in the incident's log; a note is appended, so it needs no version and may follow the closure.</summary>
    public async Task<Outcome<IncidentLogEntryResponse>> AddNoteAsync(long id, IncidentNoteRequest request, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !access.CanWrite)
        {
            return Outcome<IncidentLogEntryResponse>.NotFound;
        }
        var v = new Validation();
        var text = v.Required("text", request.Text, "the log entry", IncidentLogLimits.Text);
        if (!v.IsValid)
        {
            return Outcome<IncidentLogEntryResponse>.Invalid(v.Errors);
        }
        var entry = new IncidentLogEntry { IncidentId = id, Kind = IncidentLogKind.Note, Text = text!, At = time.GetUtcNow(), By = user.Name };
        db.IncidentLog.Add(entry);
        audit.Add("incident.log", "incident", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(IncidentLogEntryResponse.From(entry, null));
    }

    /// <summary>Links two incidents (the same offender, the same victim, a duplicate…) with the reason; the link shows on both.</summary>
    public async Task<Outcome<IncidentLogEntryResponse>> LinkAsync(long id, IncidentLinkRequest request, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !access.CanWrite)
        {
            return Outcome<IncidentLogEntryResponse>.NotFound;
        }
        var v = new Validation();
        var reference = v.Required("linkedReference", request.LinkedReference, "the reference of the incident to link", 30);
        var reason = v.Required("reason", request.Reason, "why the incidents are linked", 1000);
        Incident? other = null;
        if (reference is not null)
        {
            other = await access.Visible(db.Incidents).AsNoTracking().FirstOrDefaultAsync(i => i.Reference == reference.ToUpperInvariant(), ct);
            if (other is null)
            {
                v.Add("linkedReference", $"There is no incident {reference}: enter a reference such as HC-261207-00001");
            }
            else if (other.Id == id)
            {
                v.Add("linkedReference", "An incident cannot be linked to itself");
            }
            else if (await db.IncidentLog.AnyAsync(e => e.Kind == IncidentLogKind.Linked
                && ((e.IncidentId == id && e.LinkedIncidentId == other.Id) || (e.IncidentId == other.Id && e.LinkedIncidentId == id)), ct))
            {
                v.Add("linkedReference", $"This incident is already linked to {other.Reference}");
            }
        }
        if (!v.IsValid)
        {
            return Outcome<IncidentLogEntryResponse>.Invalid(v.Errors);
        }
        var entry = new IncidentLogEntry { IncidentId = id, Kind = IncidentLogKind.Linked, Text = reason!, LinkedIncidentId = other!.Id, At = time.GetUtcNow(), By = user.Name };
        db.IncidentLog.Add(entry);
        audit.Add("incident.link", "incident", id.ToString(CultureInfo.InvariantCulture), details: other.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(IncidentLogEntryResponse.From(entry, other.Reference));
    }

    /// <summary>
    /// Closes the incident with its result code. The officer in the case or a supervisor closes it; the answer is the
    /// incident as saved, read for the purpose when it is sensitive.
    /// </summary>
    public async Task<Outcome<IncidentResponse>> CloseAsync(long id, CloseIncidentRequest request, string? purpose, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !access.CanWrite)
        {
            return Outcome<IncidentResponse>.NotFound;
        }
        if (RecordReads.MayOpen(incident.Sensitive, purpose) == ReadOutcome.PurposeRequired)
        {
            return Outcome<IncidentResponse>.Invalid(Purpose.Missing);
        }
        if (db.Unchanged<IncidentResponse, Incident>(incident, request.Version) is { } refused)
        {
            return refused;
        }
        var v = new Validation();
        if (incident.ClosedAt is not null)
        {
            return Outcome<IncidentResponse>.Invalid("resultCode", "This incident is already closed");
        }
        if (!access.IsSupervisor && (user.Id is null || incident.OfficerInCaseId != user.Id))
        {
            return Outcome<IncidentResponse>.Invalid("resultCode", "Only the officer in the case or a supervisor may close this incident");
        }
        var result = IncidentResults.Find(request.ResultCode);
        if (result is null)
        {
            v.Add("resultCode", string.IsNullOrWhiteSpace(request.ResultCode) ? "Select the result" : $"'{request.ResultCode}' is not a result code");
        }
        var summary = v.Required("summary", request.Summary, "a summary of how the incident ended", 1000);
        if (!v.IsValid)
        {
            return Outcome<IncidentResponse>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        (incident.ResultCode, incident.ClosedAt, incident.ClosedBy) = (result!.Code, now, user.Name);
        db.IncidentLog.Add(new IncidentLogEntry { IncidentId = id, Kind = IncidentLogKind.Closed, Text = $"{result.Label}: {summary}", At = now, By = user.Name });
        audit.Add("incident.close", "incident", id.ToString(CultureInfo.InvariantCulture), details: result.Code);
        await db.SaveChangesAsync(ct);
        return (await reader.ReadAsync(id, purpose, "after closing", ct)).Value is { } closed ? Outcome.Done(closed) : Outcome<IncidentResponse>.NotFound;
    }

    /// <summary>Sets the officer in the case of one crime: a supervisor assigns it, and "my crimes" are those whose officer is me.</summary>
    public async Task<Outcome<CrimeRecord>> AssignCrimeAsync(long id, long crimeRecordId, AssignCrimeRequest request, CancellationToken ct)
    {
        var record = await (from c in db.CrimeRecords
                            join i in access.Visible(db.Incidents) on c.IncidentId equals i.Id
                            where c.Id == crimeRecordId && i.Id == id
                            select c).FirstOrDefaultAsync(ct);
        if (record is null || !access.CanWrite)
        {
            return Outcome<CrimeRecord>.NotFound;
        }
        if (db.Unchanged<CrimeRecord, CrimeRecord>(record, request.Version) is { } refused)
        {
            return refused;
        }
        var v = new Validation();
        if (!access.IsSupervisor)
        {
            return Outcome<CrimeRecord>.Invalid("officerInCaseId", "Only a supervisor may assign the officer in the case");
        }
        var officer = await intake.OfficerAsync(v, request.OfficerInCaseId, ct);
        if (officer is null && v.IsValid)
        {
            v.Add("officerInCaseId", "Select the officer in the case");
        }
        if (!v.IsValid)
        {
            return Outcome<CrimeRecord>.Invalid(v.Errors);
        }
        if (officer != record.OfficerInCaseId)
        {
            record.OfficerInCaseId = officer;
            var name = await db.Users.Where(u => u.Id == officer).Select(u => u.DisplayName).FirstAsync(ct);
            db.IncidentLog.Add(new IncidentLogEntry
            {
                IncidentId = id, Kind = IncidentLogKind.Assigned, At = time.GetUtcNow(), By = user.Name,
                Text = $"Officer in the case of crime {record.CrimeReference ?? "awaiting its recording decision"}: {name}",
            });
            audit.Add("crime-record.assign", "crime-record", record.Id.ToString(CultureInfo.InvariantCulture), details: officer);
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Done(record);
    }

    /// <summary>The officers a supervisor may assign: the force's officers and supervisors, by name.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> OfficersAsync(CancellationToken ct)
    {
        var rows = await (from u in db.Users
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where r.Name == Roles.Officer || r.Name == Roles.Supervisor
                          select new { u.Id, u.DisplayName }).Distinct().ToListAsync(ct);
        return rows.OrderBy(r => r.DisplayName, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal).Select(r => (r.Id, r.DisplayName)).ToList();
    }

    public async Task<IReadOnlyList<(int Id, string Name)>> TeamsAsync(CancellationToken ct) =>
        (await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct)).Select(t => (t.Id, t.Name)).ToList();

    private async Task<string> AssignmentTextAsync(string? officer, int? team, CancellationToken ct)
    {
        var officerName = officer is null ? "no officer" : await db.Users.Where(u => u.Id == officer).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? officer;
        var teamName = team is null ? "no team" : await db.Teams.Where(t => t.Id == team).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "";
        return $"Officer in the case: {officerName}; owning team: {teamName}";
    }

    /// <summary>The incident's crimes that had no officer, or the incident's previous officer, follow the incident's new officer.</summary>
    private async Task AssignCrimesAsync(long id, string? previous, string? officer, CancellationToken ct)
    {
        if (officer is null)
        {
            return;
        }
        foreach (var crime in await db.CrimeRecords.Where(c => c.IncidentId == id && (c.OfficerInCaseId == null || c.OfficerInCaseId == previous)).ToListAsync(ct))
        {
            crime.OfficerInCaseId = officer;
        }
    }

    public async Task<Outcome<ThriveAssessment>> ReassessThriveAsync(long id, ThriveRequest request, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome<ThriveAssessment>.NotFound;
        }
        var v = new Validation();
        var hadThrive = await db.ThriveAssessments.AnyAsync(t => t.IncidentId == id, ct);
        if (hadThrive && string.IsNullOrWhiteSpace(request.Reason))
        {
            v.Add("reason", "Say what has changed: a fresh THRIVE follows a change of circumstances");
        }
        var thrive = intake.ReadThrive(v, request, "", time.GetUtcNow());
        if (!v.IsValid || thrive is null)
        {
            return Outcome<ThriveAssessment>.Invalid(v.Errors);
        }
        thrive.IncidentId = id;
        db.ThriveAssessments.Add(thrive);
        incident.VulnerablePerson |= thrive.VulnerablePerson;
        await CompleteFirstContactIfDoneAsync(incident, ct, thriveJustAdded: true);
        audit.Add(hadThrive ? "thrive.reassess" : "thrive.create", "incident", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(thrive);
    }

    public async Task<Outcome<RiskAssessment>> AssessAsync(long id, AssessmentRequest request, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome<RiskAssessment>.NotFound;
        }
        var v = new Validation();
        if (request.PersonId is { } personId && !await db.IncidentPeople.AnyAsync(p => p.Id == personId && p.IncidentId == id, ct))
        {
            v.Add("personId", "Select a person named on this incident");
        }
        var code = request.Instrument?.ToUpperInvariant();
        var previous = code is null ? null : await db.RiskAssessments.Where(a => a.IncidentId == id && a.InstrumentCode == code && a.PersonId == request.PersonId)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        var assessment = await intake.ScoreAsync(v, request with { PersonIndex = null }, "", time.GetUtcNow(), ct, previous);
        if (!v.IsValid || assessment is null)
        {
            return Outcome<RiskAssessment>.Invalid(v.Errors);
        }
        assessment.IncidentId = id;
        db.RiskAssessments.Add(assessment);
        await CompleteFirstContactIfDoneAsync(incident, ct, instrumentJustAdded: assessment.Incomplete ? null : assessment.InstrumentCode);
        await reactions.PublishAsync(new Assessments.RiskAssessed(incident, assessment), ct);
        audit.Add(assessment.IsReassessment ? "assessment.reassess" : "assessment.create", "incident", id.ToString(CultureInfo.InvariantCulture),
            details: $"{assessment.InstrumentCode} v{assessment.InstrumentVersion} {assessment.Level}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(assessment);
    }

    /// <summary>After an emergency was dispatched first, THRIVE and the type's instrument close the THRIVE queue entry.</summary>
    private async Task CompleteFirstContactIfDoneAsync(Incident incident, CancellationToken ct, bool thriveJustAdded = false, string? instrumentJustAdded = null)
    {
        if (incident.ThriveCompletedAt is not null)
        {
            return;
        }
        var thrive = thriveJustAdded || await db.ThriveAssessments.AnyAsync(t => t.IncidentId == incident.Id, ct);
        var needed = await NeededInstrumentAsync(incident, ct);
        var instrument = needed is null || needed == instrumentJustAdded
            || await db.RiskAssessments.AnyAsync(a => a.IncidentId == incident.Id && a.InstrumentCode == needed && !a.Incomplete, ct);
        if (thrive && instrument)
        {
            incident.ThriveCompletedAt = time.GetUtcNow();
        }
    }

    /// <summary>The instrument the incident's type asks, unless it has no victim to ask it of (an environmental ASB report).</summary>
    public async Task<string?> NeededInstrumentAsync(Incident incident, CancellationToken ct) =>
        IncidentType.Find(incident.TypeCode) is { } type
            ? IncidentIntake.RequiredInstrument(type, await db.IncidentPeople.AsNoTracking().Where(p => p.IncidentId == incident.Id).ToListAsync(ct))
            : null;

    /// <summary>
    /// The attending officer completes what an emergency dispatched first left due: THRIVE (unless it was done) and the
    /// type's risk instrument, validated together and saved together, or nothing at all.
    /// </summary>
    public async Task<Outcome<RiskAssessment?>> CompleteDispatchedAsync(long id, ThriveRequest? thriveRequest, AssessmentRequest? assessmentRequest, CancellationToken ct)
    {
        var incident = await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return Outcome<RiskAssessment?>.NotFound;
        }
        var v = new Validation();
        var now = time.GetUtcNow();
        var thrive = thriveRequest is null ? null : intake.ReadThrive(v, thriveRequest, "thrive.", now);
        RiskAssessment? assessment = null;
        if (assessmentRequest is not null)
        {
            var victim = await db.IncidentPeople.Where(p => p.IncidentId == id && p.Role == People.PersonRole.Victim).OrderBy(p => p.Id).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
            assessment = await intake.ScoreAsync(v, assessmentRequest with { PersonIndex = null, PersonId = victim }, "assessment.", now, ct);
        }
        if (!v.IsValid)
        {
            return Outcome<RiskAssessment?>.Invalid(v.Errors);
        }
        if (thrive is not null)
        {
            thrive.IncidentId = id;
            db.ThriveAssessments.Add(thrive);
            incident.VulnerablePerson |= thrive.VulnerablePerson;
            audit.Add("thrive.create", "incident", id.ToString(CultureInfo.InvariantCulture));
        }
        if (assessment is not null)
        {
            assessment.IncidentId = id;
            db.RiskAssessments.Add(assessment);
            audit.Add("assessment.create", "incident", id.ToString(CultureInfo.InvariantCulture),
                details: $"{assessment.InstrumentCode} v{assessment.InstrumentVersion} {assessment.Level}{(assessment.Incomplete ? " incomplete" : "")}");
            await reactions.PublishAsync(new Assessments.RiskAssessed(incident, assessment), ct);
        }
        await CompleteFirstContactIfDoneAsync(incident, ct, thriveJustAdded: thrive is not null, instrumentJustAdded: assessment is { Incomplete: false } ? assessment.InstrumentCode : null);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(assessment);
    }
}
