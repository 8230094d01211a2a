using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Desk;

/// <summary>Whether an incident's victim is a repeat victim or vulnerable, the second route to the desk.</summary>
public sealed record VictimStanding(bool Repeat, bool Vulnerable);

/// <summary>
/// Answers "is this incident's victim repeat or vulnerable" for the community focus desk. One small seam, so
/// that the repeat-victim rules computed over resolved identities can replace the plain rule here.
/// </summary>
public interface IDeskRouting
{
    Task<VictimStanding> VictimStandingAsync(Incident incident, AsbRules rules, CancellationToken ct);
}

/// <summary>
/// The repeat-victim rule is the force's identity rule (<see cref="IdentityRules"/>, DOMAIN §3), counted over each
/// victim's resolved identity as the incident stood when reported; the victim is vulnerable when the incident, its
/// THRIVE, victim's vulnerability assessment or ASB risk assessment, or the identity's recent record says so.
/// </summary>
public sealed class VictimHistoryDeskRouting(AppDb db, Identities identities, ForceConfiguration configuration) : IDeskRouting
{
    public async Task<VictimStanding> VictimStandingAsync(Incident incident, AsbRules rules, CancellationToken ct)
    {
        var repeat = false;
        var vulnerableBefore = false;
        foreach (var identityId in await identities.VictimIdentitiesAsync(incident.Id, ct))
        {
            var status = await identities.StatusAsync(identityId, incident.ReportedAt, ct);
            repeat |= status.RepeatVictim;
            vulnerableBefore |= status.Vulnerable;
        }
        var vulnerable = incident.VulnerablePerson || vulnerableBefore
            || await db.ThriveAssessments.AnyAsync(t => t.IncidentId == incident.Id && t.VulnerablePerson, ct)
            || await db.VulnerabilityAssessments.AnyAsync(a => a.IncidentId == incident.Id && a.Vulnerable, ct)
            || (await db.RiskAssessments.Where(a => a.IncidentId == incident.Id && a.InstrumentCode == "ASB").Select(a => a.AnswersJson).ToListAsync(ct))
                .Any(SaysVulnerable);
        // The force may switch either route off in the identity rules; an ASB incident still goes to the desk.
        var (identityRules, _) = await configuration.CurrentAsync<IdentityRules>(IdentityRules.Key, ct);
        return new VictimStanding(repeat && identityRules.RouteRepeatVictims, vulnerable && identityRules.RouteVulnerableVictims);
    }

    private static bool SaysVulnerable(string answersJson)
    {
        try
        {
            var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(answersJson);
            return answers is not null && answers.TryGetValue("vulnerable", out var answer) && string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
