using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>
/// The people (as identities) and incidents on a case. Only the police add them: a partner cannot learn whether a
/// person or an incident exists. A new victim or incident may meet the Community Trigger threshold.
/// </summary>
public sealed class CaseLinks(
    AppDb db, CaseAccess access, CaseReading reading, CaseChronology chronology, TriggerThreshold trigger, CurrentUser user, AuditTrail audit,
    TimeProvider time, Identities identities)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<Outcome<CaseResponse>> AddPartyAsync(long id, CasePartyRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var role = v.Enum<CasePartyRole>("role", request.Role, "the party's role");
        long? identity = null;
        if (!view.IsForce || request.IdentityId is not { } requested || !await db.PersonIdentities.AnyAsync(i => i.Id == requested, ct))
        {
            v.Add("identityId", "Select a person known to SafetyNet");
        }
        else
        {
            identity = await identities.CurrentIdAsync(requested, ct) ?? requested;
            if (await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == identity && p.Role == role, ct))
            {
                v.Add("identityId", "That person is already on the case in that role");
            }
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        var name = await db.PersonIdentities.Where(i => i.Id == identity).Select(i => i.DisplayName).SingleAsync(ct);
        db.CaseParties.Add(new CaseParty { CaseId = id, IdentityId = identity!.Value, Name = name, Role = role!.Value, AddedAt = time.GetUtcNow(), AddedBy = user.Name });
        chronology.AddEntry(id, "party", $"{name} added as {role.Value.ToString().ToLowerInvariant()}");
        audit.Add("case.party.add", "case", Id(id), details: $"identity {identity} {role}");
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task LinkIncidentAsync(AsbCase c, long incidentId, CancellationToken ct)
    {
        if (await db.CaseIncidents.AnyAsync(l => l.CaseId == c.Id && l.IncidentId == incidentId, ct))
        {
            return;
        }
        db.CaseIncidents.Add(new CaseIncident { CaseId = c.Id, IncidentId = incidentId, LinkedAt = time.GetUtcNow(), LinkedBy = user.Name });
        var linked = await db.Incidents.Where(i => i.Id == incidentId).Select(i => new { i.Reference, i.Sensitive }).SingleAsync(ct);
        // A sensitive incident's reference is kept from partners: the entry is police-only, like the incident itself.
        chronology.AddEntry(c.Id, "link", $"Incident {linked.Reference} linked", policeOnly: linked.Sensitive);
        audit.Add("case.incident.link", "case", Id(c.Id), details: $"incident {incidentId}");
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task<Outcome<CaseResponse>> LinkIncidentAsync(long id, LinkIncidentRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        // Only the police link incidents: a partner cannot learn whether an incident exists.
        if (!view.IsForce || request.IncidentId is not { } incidentId || !await db.Incidents.AnyAsync(i => i.Id == incidentId, ct))
        {
            v.Add("incidentId", "Select an incident recorded in SafetyNet");
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        await LinkIncidentAsync(c, incidentId, ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }
}
