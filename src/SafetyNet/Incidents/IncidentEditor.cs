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

/// <summary>Changes to a recorded incident: facts, grade, arrival, THRIVE and risk reassessments.</summary>
public sealed class IncidentEditor(
    AppDb db, IncidentAccess access, IncidentIntake intake, IncidentReader reader, ForceConfiguration configuration,
    AuditTrail audit, CurrentUser user, TimeProvider time)
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
        var v = new Validation();
        if (request.Version is not { } version)
        {
            v.Add("version", "Send back the version you read, so a change made since is not overwritten");
            return Outcome<IncidentResponse>.Invalid(v.Errors);
        }
        if (!db.Matches(incident, version))
        {
            return Outcome<IncidentResponse>.Stale(incident.Version);
        }
        var now = time.GetUtcNow();
        var changed = new List<string>();

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
                (location.Text ?? incident.LocationText, location.Uprn, location.Latitude, location.Longitude, location.LsoaCode, location.District);
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
            changed.Add("mayBeCrime");
        }
        if (replace || request.OfficerInCaseId is not null)
        {
            incident.OfficerInCaseId = await intake.OfficerAsync(v, request.OfficerInCaseId, ct);
        }
        if (replace || request.OwningTeamId is not null)
        {
            await intake.TeamAsync(v, request.OwningTeamId, ct);
            incident.OwningTeamId = request.OwningTeamId;
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
                    IncidentIntake.ApplyGrade(incident, grade, grades.Version, now, overrideReason, user.Name);
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
            changed.Add("arrival");
        }

        if (!v.IsValid)
        {
            return Outcome<IncidentResponse>.Invalid(v.Errors);
        }
        var rules = (await configuration.CurrentAsync<IntakeRules>(IntakeRules.Key, ct)).Value;
        var existing = await db.CrimeRecords.Where(c => c.IncidentId == id).ToListAsync(ct);
        CrimeRecording.OpenDecisions(db, incident, rules.CrimeRecordingHours, existing);
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
        }
        await CompleteFirstContactIfDoneAsync(incident, ct, thriveJustAdded: thrive is not null, instrumentJustAdded: assessment is { Incomplete: false } ? assessment.InstrumentCode : null);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(assessment);
    }
}
