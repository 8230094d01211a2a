using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;

namespace SafetyNet.Cases;

/// <summary>The tools and powers used on a case, each with its breaches and whether it is still in force.</summary>
public sealed class PowerRegister(AppDb db, TimeProvider time)
{
    public async Task<List<PowerResponse>> OfCaseAsync(long caseId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var powers = await db.CasePowers.AsNoTracking().Where(p => p.CaseId == caseId).OrderBy(p => p.IssuedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var ids = powers.Select(p => p.Id).ToList();
        var breaches = (await db.PowerBreaches.AsNoTracking().Where(b => ids.Contains(b.PowerId)).OrderBy(b => b.At).ToListAsync(ct)).ToLookup(b => b.PowerId);
        return powers.Select(p => new PowerResponse(p.Id, p.CaseId, p.Kind.ToString(), p.SubjectIdentityId, p.IssuedAt, p.ExpiresAt, p.ExpiresAt is null || p.ExpiresAt > now,
            p.AuthorisedBy, p.Details, breaches[p.Id].Select(b => new BreachResponse(b.At, b.Note, b.CreatedBy)).ToList(), p.Version)).ToList();
    }

    public static string Describe(PowerKind kind) => kind switch
    {
        PowerKind.WarningLetter => "Warning letter",
        PowerKind.AcceptableBehaviourContract => "Acceptable behaviour contract",
        PowerKind.CommunityProtectionWarning => "Community protection warning",
        PowerKind.CommunityProtectionNotice => "Community protection notice",
        PowerKind.DispersalDirection => "Dispersal direction",
        PowerKind.CivilInjunction => "Civil injunction",
        PowerKind.CriminalBehaviourOrder => "Criminal behaviour order",
        PowerKind.ClosureNotice => "Closure notice",
        PowerKind.ClosureOrder => "Closure order",
        PowerKind.PspoBreach => "Public spaces protection order breach",
        PowerKind.StalkingProtectionOrder => "Stalking protection order",
        _ => kind.ToString(),
    };
}
