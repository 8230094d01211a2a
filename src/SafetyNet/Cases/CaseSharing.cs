using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>Sharing a case with a partner agency on a recorded lawful basis, and withdrawing it. Police only.</summary>
public sealed class CaseSharing(
    AppDb db, CaseAccess access, CaseReading reading, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public async Task<Outcome<CaseResponse>> ShareAsync(long id, ShareRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var v = new Validation();
        var agency = request.AgencyId is { } agencyId ? await db.Agencies.FirstOrDefaultAsync(a => a.Id == agencyId && a.Kind != AgencyKind.Force, ct) : null;
        if (agency is null)
        {
            v.Add("agencyId", "Select the partner agency to share with");
        }
        else if (!await db.SharingAgreements.AnyAsync(a => a.AgencyId == agency.Id, ct))
        {
            v.Add("agencyId", $"{agency.Name} has no information sharing agreement with the force");
        }
        else if (await db.CaseShares.AnyAsync(s => s.CaseId == id && s.AgencyId == agency.Id && s.WithdrawnAt == null, ct))
        {
            v.Add("agencyId", $"The case is already shared with {agency.Name}");
        }
        var basis = v.Enum<LawfulBasis>("lawfulBasis", request.LawfulBasis, "the lawful basis for sharing");
        var sought = request.ConsentSought ?? false;
        if (basis == LawfulBasis.Consent && (!sought || request.ConsentGiven != true))
        {
            v.Add("consentGiven", "Sharing on the basis of consent needs the victim's consent, sought and given");
        }
        if (!sought && request.ConsentGiven is not null)
        {
            v.Add("consentGiven", "Record consent only where it was sought");
        }
        if (sought && request.ConsentGiven is null)
        {
            v.Add("consentGiven", "Say whether the victim consented");
        }
        var note = v.MaxLength("note", request.Note, "the note", 1000);
        if (!v.IsValid)
        {
            return Outcome<CaseResponse>.Invalid(v.Errors);
        }
        db.CaseShares.Add(new CaseShare
        {
            CaseId = id, AgencyId = agency!.Id, LawfulBasis = basis!.Value, ConsentSought = sought, ConsentGiven = request.ConsentGiven, Note = note,
            SharedAt = time.GetUtcNow(), SharedBy = user.Name,
        });
        chronology.AddEntry(id, "share", $"Shared with {agency.Name} ({basis}{(sought ? request.ConsentGiven == true ? ", victim consented" : ", victim did not consent" : "")})");
        // A disclosure log (DPA 2018 s.62) names the recipient and the justification.
        audit.Add("case.share", "case", Id(id), purpose: basis.ToString(), details: $"to {agency.Code}");
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }

    public async Task<Outcome<CaseResponse>> WithdrawShareAsync(long id, long shareId, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null || !view.IsForce)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        var share = await db.CaseShares.FirstOrDefaultAsync(s => s.Id == shareId && s.CaseId == id && s.WithdrawnAt == null, ct);
        if (share is null)
        {
            return Outcome<CaseResponse>.NotFound;
        }
        share.WithdrawnAt = time.GetUtcNow();
        share.WithdrawnBy = user.Name;
        chronology.AddEntry(id, "share", $"Sharing with {await db.Agencies.Where(a => a.Id == share.AgencyId).Select(a => a.Name).SingleAsync(ct)} withdrawn");
        audit.Add("case.share.withdraw", "case", Id(id), details: $"agency {share.AgencyId}");
        await db.SaveChangesAsync(ct);
        return Outcome<CaseResponse>.Done((await reading.ReadAsync(id, ct, auditRead: false))!);
    }
}
