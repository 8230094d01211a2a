using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Insight;

/// <summary>A supervisor's record of strength on duty for a district and shift: one row per date, shift and district, corrected in place.</summary>
public sealed class StrengthRecorder(AppDb db, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public async Task<Outcome<StrengthRow>> RecordAsync(StrengthRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var today = ForceClock.DayOf(time.GetUtcNow());
        if (request.Date is null)
        {
            v.Add("date", "Enter the date of the shift");
        }
        else if (request.Date > today.AddDays(1) || request.Date < today.AddDays(-31))
        {
            v.Add("date", "The date must be within the last month or tomorrow");
        }
        var shift = v.Enum<Shift>("shift", request.Shift, "a shift");
        var district = v.District("district", request.District, required: true, label: "a district");
        if (request.Planned is not (>= 0 and <= 500))
        {
            v.Add("planned", "Enter the planned strength, from 0 to 500");
        }
        if (request.OnDuty is not (>= 0 and <= 500))
        {
            v.Add("onDuty", "Enter the officers on duty, from 0 to 500");
        }
        if (request.NeighbourhoodAbstracted is not (>= 0 and <= 500))
        {
            v.Add("neighbourhoodAbstracted", "Enter the neighbourhood officers abstracted, from 0 to 500");
        }
        else if (request.OnDuty is { } onDuty && request.NeighbourhoodAbstracted > onDuty)
        {
            v.Add("neighbourhoodAbstracted", "Officers abstracted cannot be more than the officers on duty");
        }
        var reason = v.MaxLength("abstractionReason", request.AbstractionReason, "the reason", 500);
        if (request.NeighbourhoodAbstracted > 0 && reason is null)
        {
            v.Add("abstractionReason", "Enter why neighbourhood officers were abstracted");
        }
        if (!v.IsValid)
        {
            return Outcome<StrengthRow>.Invalid(v.Errors);
        }
        var date = request.Date!.Value;
        var row = await db.Set<StrengthOnDuty>().FirstOrDefaultAsync(s => s.Date == date && s.Shift == shift && s.District == district, ct);
        if (row is null)
        {
            row = new StrengthOnDuty { Date = date, Shift = shift!.Value, District = district!, RecordedBy = user.Name };
            db.Add(row);
        }
        else if (request.Version is not { } version || !db.Matches(row, version))
        {
            return Outcome<StrengthRow>.Stale(row.Version);
        }
        (row.Planned, row.OnDuty, row.NeighbourhoodAbstracted, row.AbstractionReason) = (request.Planned!.Value, request.OnDuty!.Value, request.NeighbourhoodAbstracted!.Value, reason);
        (row.RecordedAt, row.RecordedBy) = (time.GetUtcNow(), user.Name);
        audit.Add("strength.record", "strength-on-duty", null, details: $"{date:yyyy-MM-dd} {shift} {request.District}: planned={row.Planned} on duty={row.OnDuty} abstracted={row.NeighbourhoodAbstracted}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(new StrengthRow(row.District, row.Shift, row.Planned, row.OnDuty, row.NeighbourhoodAbstracted, row.AbstractionReason, 0, row.Id, row.Version));
    }
}

/// <summary>Turns an audit into its response: the sampled incidents with what the system recorded, and the accuracy so far. Reading it is audited.</summary>
public sealed class AuditReader(AppDb db, AuditTrail audit)
{
    public async Task<AuditResponse> ReadAsync(CrimeRecordingAudit entity, CancellationToken ct)
    {
        var items = await ItemsAsync(entity.Items, ct);
        var days = entity.PeriodTo.DayNumber - entity.PeriodFrom.DayNumber + 1;
        var result = RecordingAccuracy.Compute(entity.Design, entity.FrameSize, days, entity.Items);
        await audit.WriteAsync("crime-recording-audit.read", "crime-recording-audit", entity.Id.ToString(CultureInfo.InvariantCulture),
            details: $"items={items.Count}", cancellationToken: ct);
        return new AuditResponse(InsightApi.ToSummary(entity), result, items);
    }

    public async Task<List<AuditItemResponse>> ItemsAsync(IReadOnlyList<CrimeRecordingAuditItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.IncidentId).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Reference }).ToDictionaryAsync(i => i.Id, ct);
        var crimes = (await db.CrimeRecords.AsNoTracking().Where(c => ids.Contains(c.IncidentId)).ToListAsync(ct)).ToLookup(c => c.IncidentId);
        return items.Select(i =>
        {
            var crime = crimes[i.IncidentId].OrderBy(c => c.Id).FirstOrDefault();
            return new AuditItemResponse(i.Position, i.IncidentId, incidents.TryGetValue(i.IncidentId, out var inc) ? inc.Reference : "", i.Stratum,
                IncidentType.Find(i.Stratum)?.Name ?? i.Stratum, crime?.Status.ToString(), crime?.OffenceSubgroup,
                i.ShouldHaveBeenRecorded, i.CorrectlyRecorded, i.Note, i.MarkedBy, i.Version);
        }).ToList();
    }
}
