using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Crimes;

public sealed record CrimeDecisionRequest(
    long? CrimeRecordId, string? Decision, string? OffenceSubgroup, string? CrimeReference, string? Reason,
    string? Details, string? TransferredTo, int? Version);

/// <summary>
/// NCRS in the software: every report that is or may be a crime gets a decision per victim, due 24 hours
/// after the report, whatever route it came by; reclassification keeps history; only the Force Crime
/// Registrar cancels, and only on new verifiable information.
/// </summary>
public sealed class CrimeRecording(AppDb db, IncidentAccess access, AuditTrail audit, CurrentUser user, TimeProvider time, Reactions reactions)
{
    public static readonly IReadOnlyList<string> Decisions = ["crime", "not-a-crime", "transferred", "reclassify", "cancel"];

    /// <summary>Makes a decision fall due for each victim without one; called at intake and whenever a report may be a crime.</summary>
    public static void OpenDecisions(AppDb db, Incident incident, int hours, IReadOnlyCollection<CrimeRecord>? existing = null)
    {
        var type = IncidentType.Find(incident.TypeCode);
        if (type?.PossibleCrime != true && !incident.MayBeCrime)
        {
            return;
        }
        var due = incident.ReportedAt.AddHours(hours);
        var victims = incident.People.Where(p => p.Role == PersonRole.Victim).ToList();
        existing ??= [];
        if (victims.Count == 0)
        {
            if (existing.Count == 0)
            {
                db.CrimeRecords.Add(new CrimeRecord { IncidentId = incident.Id, DueAt = due, Status = CrimeRecordingStatus.Pending });
            }
            return;
        }
        foreach (var victim in victims)
        {
            if (!existing.Any(c => c.VictimId == victim.Id))
            {
                var unassigned = existing.FirstOrDefault(c => c.VictimId is null && c.Status == CrimeRecordingStatus.Pending);
                if (unassigned is not null)
                {
                    unassigned.VictimId = victim.Id;
                    continue;
                }
                db.CrimeRecords.Add(new CrimeRecord { IncidentId = incident.Id, VictimId = victim.Id, DueAt = due, Status = CrimeRecordingStatus.Pending });
            }
        }
    }

    public async Task<Outcome<CrimeRecord>> DecideAsync(
        long incidentId, CrimeDecisionRequest request, CancellationToken cancellationToken = default)
    {
        var incident = await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null)
        {
            return Outcome<CrimeRecord>.NotFound;
        }
        var v = new Validation();
        var records = await db.CrimeRecords.Where(c => c.IncidentId == incidentId).ToListAsync(cancellationToken);
        CrimeRecord? record = request.CrimeRecordId is { } id
            ? records.FirstOrDefault(c => c.Id == id)
            : records.Count == 1 ? records[0] : null;
        if (record is null)
        {
            v.Add("crimeRecordId", records.Count == 0
                ? "No crime recording decision is open on this incident: mark it as possibly a crime first"
                : "Select which victim's crime recording decision this is");
            return Outcome<CrimeRecord>.Invalid(v.Errors);
        }
        if (request.Version is not { } version)
        {
            v.Add("version", "Send the version of the crime recording decision you read");
            return Outcome<CrimeRecord>.Invalid(v.Errors);
        }
        if (!db.Matches(record, version))
        {
            return Outcome<CrimeRecord>.Stale(record.Version);
        }
        var decision = request.Decision?.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var reason = v.MaxLength("reason", request.Reason, "the reason", 200);
        var details = v.MaxLength("details", request.Details, "the details", 2000);
        var entry = new CrimeDecision { CrimeRecordId = record.Id, DecidedAt = now, DecidedBy = user.Name, Reason = reason, Details = details };
        switch (decision)
        {
            case "crime":
                if (record.Status is CrimeRecordingStatus.Recorded or CrimeRecordingStatus.Cancelled)
                {
                    v.Add("decision", record.Status == CrimeRecordingStatus.Recorded ? "This crime is already recorded: reclassify it instead" : "A cancelled crime cannot be recorded again here");
                    break;
                }
                var subgroup = Subgroup(v, request.OffenceSubgroup);
                var reference = v.MaxLength("crimeReference", request.CrimeReference, "the crime reference", 40);
                if (!v.IsValid)
                {
                    break;
                }
                record.Status = CrimeRecordingStatus.Recorded;
                record.OffenceSubgroup = subgroup;
                record.PoliceUkCategory = OffenceSubgroups.CategoryOf(subgroup);
                record.CrimeReference = reference ?? $"HC/{ForceClock.ToLocal(now):yy}/{record.Id:D6}";
                (entry.Kind, entry.OffenceSubgroup, entry.CrimeReference) = (CrimeDecisionKind.Recorded, subgroup, record.CrimeReference);
                break;
            case "not-a-crime":
                if (record.Status != CrimeRecordingStatus.Pending)
                {
                    v.Add("decision", "Only an open decision can be closed as not a crime: a recorded crime is cancelled by the crime registrar");
                    break;
                }
                if (reason is null || !NotCrimeReasons.All.Contains(reason))
                {
                    v.Add("reason", $"Select why it is not a crime: {string.Join("; ", NotCrimeReasons.All)}");
                }
                if (details is null)
                {
                    v.Add("details", "Explain the decision: the reason must be kept");
                }
                if (!v.IsValid)
                {
                    break;
                }
                record.Status = CrimeRecordingStatus.NotACrime;
                entry.Kind = CrimeDecisionKind.NotACrime;
                break;
            case "transferred":
                if (record.Status != CrimeRecordingStatus.Pending)
                {
                    v.Add("decision", "Only an open decision can be transferred");
                    break;
                }
                var to = v.Required("transferredTo", request.TransferredTo, "who it was transferred to", 200);
                if (!v.IsValid)
                {
                    break;
                }
                record.Status = CrimeRecordingStatus.Transferred;
                (entry.Kind, entry.TransferredTo) = (CrimeDecisionKind.Transferred, to);
                break;
            case "reclassify":
                if (record.Status != CrimeRecordingStatus.Recorded)
                {
                    v.Add("decision", "Only a recorded crime can be reclassified");
                    break;
                }
                var newSubgroup = Subgroup(v, request.OffenceSubgroup);
                if (newSubgroup is not null && string.Equals(newSubgroup, record.OffenceSubgroup, StringComparison.OrdinalIgnoreCase))
                {
                    v.Add("offenceSubgroup", "Choose a different offence subgroup to reclassify");
                }
                if (reason is null)
                {
                    v.Add("reason", "Give the reason for the reclassification");
                }
                if (!v.IsValid)
                {
                    break;
                }
                record.OffenceSubgroup = newSubgroup;
                record.PoliceUkCategory = OffenceSubgroups.CategoryOf(newSubgroup);
                (entry.Kind, entry.OffenceSubgroup, entry.CrimeReference) = (CrimeDecisionKind.Reclassified, newSubgroup, record.CrimeReference);
                break;
            case "cancel":
                if (!access.IsCrimeRegistrar)
                {
                    v.Add("decision", "Only the Force Crime Registrar or a delegate may cancel a recorded crime");
                    break;
                }
                if (record.Status != CrimeRecordingStatus.Recorded)
                {
                    v.Add("decision", "Only a recorded crime can be cancelled");
                    break;
                }
                if (details is null)
                {
                    v.Add("details", "Describe the additional verifiable information that shows no crime took place");
                }
                if (!v.IsValid)
                {
                    break;
                }
                record.Status = CrimeRecordingStatus.Cancelled;
                (entry.Kind, entry.CrimeReference) = (CrimeDecisionKind.Cancelled, record.CrimeReference);
                break;
            default:
                v.Add("decision", $"Select the decision: {string.Join(", ", Decisions)}");
                break;
        }
        if (!v.IsValid)
        {
            return Outcome<CrimeRecord>.Invalid(v.Errors);
        }
        record.DecidedAt = now;
        record.DecidedBy = user.Name;
        db.CrimeDecisions.Add(entry);
        audit.Add($"crime.{decision}", "crime", record.Id.ToString(CultureInfo.InvariantCulture), details: $"{incident.Reference} {record.Status} {record.OffenceSubgroup}");
        // The decision and what follows from a recorded crime (the victim's contract) are saved together.
        await using (var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            var recorded = record.Status == CrimeRecordingStatus.Recorded ? new CrimeRecorded(record) : null;
            if (recorded is not null)
            {
                await reactions.PublishAsync(recorded, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            recorded?.Committed();
        }
        return Outcome.Done(record);
    }

    private static string? Subgroup(Validation v, string? subgroup)
    {
        var match = OffenceSubgroups.All.FirstOrDefault(s => string.Equals(s.Subgroup, subgroup?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match.Subgroup is null)
        {
            v.Add("offenceSubgroup", string.IsNullOrWhiteSpace(subgroup) ? "Select the Home Office offence subgroup" : $"'{subgroup}' is not a Home Office offence subgroup");
            return null;
        }
        return match.Subgroup;
    }
}
