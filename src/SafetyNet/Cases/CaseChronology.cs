using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>
/// A case's chronology as it is written: a line for each review, action, share, contact or closure, added by whatever
/// works the case (the caller saves), and the contacts and police-only intelligence a caseworker records.
/// </summary>
public sealed class CaseChronology(AppDb db, CaseAccess access, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    public void AddEntry(long caseId, string kind, string text, bool policeOnly = false) =>
        db.CaseEntries.Add(new CaseEntry { CaseId = caseId, At = time.GetUtcNow(), Kind = kind, Text = text.Length > 4000 ? text[..4000] : text, PoliceOnly = policeOnly, By = user.Name });

    public async Task<Outcome<ChronologyItem>> AddContactAsync(long id, ContactRequest request, CancellationToken ct)
    {
        var (c, view) = await access.ForChangeAsync(id, ct);
        if (c is null || view is null)
        {
            return Outcome<ChronologyItem>.NotFound;
        }
        var v = new Validation();
        if (!view.Can(DataCategories.Chronology))
        {
            v.Add("text", "Your agency's sharing agreement does not include the case chronology");
        }
        var text = v.Required("text", request.Text, "what was said or done", 4000);
        if (request.PoliceOnly == true && !view.IsForce)
        {
            v.Add("policeOnly", "Only the police record police-only intelligence");
        }
        if (!v.IsValid)
        {
            return Outcome<ChronologyItem>.Invalid(v.Errors);
        }
        AddEntry(id, request.PoliceOnly == true ? "intelligence" : "contact", text!, request.PoliceOnly == true);
        audit.Add("case.contact", "case", Id(id));
        await db.SaveChangesAsync(ct);
        return Outcome<ChronologyItem>.Done(new ChronologyItem(time.GetUtcNow(), request.PoliceOnly == true ? "intelligence" : "contact", text!, user.Name));
    }
}
