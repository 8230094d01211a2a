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
        if (c is null || view is null || !view.Can(DataCategories.Parties))
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var role = v.Enum<CasePartyRole>("role", request.Role, "the person's role on the case");
        long? identity = null;
        string? name = null;
        if (request.IdentityId is { } requested)
        {
            // A partner adds someone new: choosing among the force's people would tell them who is known to the police.
            if (!view.IsForce || !await db.PersonIdentities.AnyAsync(i => i.Id == requested, ct))
            {
                v.Add("identityId", "Select a person known to SafetyNet");
            }
            else
            {
                identity = await identities.CurrentIdAsync(requested, ct) ?? requested;
                name = await db.PersonIdentities.Where(i => i.Id == identity).Select(i => i.DisplayName).SingleAsync(ct);
            }
        }
        else
        {
            var first = v.Required("firstName", request.FirstName, "the person's first name", 150);
            var last = v.Required("lastName", request.LastName, "the person's last name", 150);
            if (request.DateOfBirth is { } born && born > ForceClock.DayOf(time.GetUtcNow()))
            {
                v.Add("dateOfBirth", "Date of birth must be in the past");
            }
            name = first is null || last is null ? null : $"{first} {last}";
        }
        if (identity is { } known && role is { } r && await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == known && p.Role == r, ct))
        {
            v.Add("identityId", "That person is already on the case in that role");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        if (identity is null)
        {
            // Someone new starts an identity of their own; the matching engine may later find they are someone already known.
            var person = new PersonIdentity { DisplayName = name!, DateOfBirth = request.DateOfBirth, CreatedAt = time.GetUtcNow() };
            db.PersonIdentities.Add(person);
            await db.SaveChangesAsync(ct);
            identity = person.Id;
        }
        db.CaseParties.Add(new CaseParty { CaseId = id, IdentityId = identity!.Value, Name = name!, Role = role!.Value, AddedAt = time.GetUtcNow(), AddedBy = user.Name });
        chronology.AddEntry(id, "party", $"{name} added as {role.Value.ToString().ToLowerInvariant()}");
        audit.Add("case.party.add", "case", Id(id), details: $"identity {identity} {role}");
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseResponse>> ChangePartyRoleAsync(long id, long partyId, ChangePartyRoleRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        var party = c is null || view is null || !view.Can(DataCategories.Parties) ? null : await db.CaseParties.FirstOrDefaultAsync(p => p.Id == partyId && p.CaseId == id, ct);
        if (party is null)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var role = v.Enum<CasePartyRole>("role", request.Role, "the person's new role");
        if (role == party.Role)
        {
            v.Add("role", $"{party.Name} is already a {Labels.Of(party.Role).ToLowerInvariant()} on the case: select a different role");
        }
        else if (role is { } r && await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == party.IdentityId && p.Role == r, ct))
        {
            v.Add("role", $"{party.Name} is already on the case as a {Labels.Of(r).ToLowerInvariant()}");
        }
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        chronology.AddEntry(id, "party", $"{party.Name}'s role changed from {Labels.Of(party.Role).ToLowerInvariant()} to {Labels.Of(role!.Value).ToLowerInvariant()}");
        audit.Add("case.party.role", "case", Id(id), details: $"party {partyId} {party.Role}->{role}");
        party.Role = role.Value;
        await db.SaveChangesAsync(ct);
        await trigger.CheckAsync(c!, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    /// <summary>Takes a person off a case; the chronology keeps who they were, in what role, who removed them and why.</summary>
    public async Task<Outcome<CaseResponse>> RemovePartyAsync(long id, long partyId, RemovePartyRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        var party = c is null || view is null || !view.Can(DataCategories.Parties) ? null : await db.CaseParties.FirstOrDefaultAsync(p => p.Id == partyId && p.CaseId == id, ct);
        if (party is null)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var reason = v.Required("reason", request.Reason, "why the person is taken off the case", 1000);
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        db.CaseParties.Remove(party);
        chronology.AddEntry(id, "party-removed", $"{party.Name} removed as {Labels.Of(party.Role).ToLowerInvariant()} (added {ForceClock.Format(party.AddedAt)} by {party.AddedBy}): {reason}");
        audit.Add("case.party.remove", "case", Id(id), details: $"party {partyId} identity {party.IdentityId} {party.Role}");
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
