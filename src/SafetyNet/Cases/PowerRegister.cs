using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>A tool or power in force that ends within the reminder window, as a due item for its case's owner.</summary>
public sealed record PowerExpiring(long PowerId, long CaseId, string CaseReference, string Kind, string Description, DateTimeOffset ExpiresAt);

/// <summary>
/// The tools and powers used on a case, each with its breaches and whether it is still in force; recording them and
/// their breaches under the Act's rules; and those about to expire, as due items for the case's owner.
/// </summary>
public sealed class PowerRegister(
    AppDb db, CaseAccess access, CaseChronology chronology, CurrentUser user, AuditTrail audit, TimeProvider time, IOptions<CaseWorkOptions> options)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A dispersal direction (and a closure notice) lasts at most this long (Anti-social Behaviour, Crime and Policing Act 2014, ss. 35 and 77).</summary>
    public static readonly TimeSpan MaxDispersal = TimeSpan.FromHours(48);

    public int ReminderDays => options.Value.PowerExpiryReminderDays;

    public async Task<Outcome<PowerResponse>> RecordAsync(long id, PowerRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (await access.RefusesChangeAsync<PowerResponse>(
            id, [DataCategories.Actions], "kind", "Your agency's sharing agreement does not include the action plan", ct, v) is { } refused)
        {
            return refused;
        }
        var kind = v.Enum<PowerKind>("kind", request.Kind, "the tool or power");
        if (request.IssuedAt is null)
        {
            v.Add("issuedAt", "Enter when it was issued or made");
        }
        else if (request.IssuedAt > time.GetUtcNow().AddMinutes(5))
        {
            v.Add("issuedAt", "Record a tool or power once it has been used");
        }
        if (request.ExpiresAt is { } expires && request.IssuedAt is { } issued && expires <= issued)
        {
            v.Add("expiresAt", "It must end after it was issued");
        }
        var authorisedBy = v.MaxLength("authorisedBy", request.AuthorisedBy, "who authorised it", 200);
        if (kind is PowerKind.DispersalDirection or PowerKind.ClosureNotice)
        {
            var what = Describe(kind.Value).ToLowerInvariant();
            if (request.ExpiresAt is null)
            {
                v.Add("expiresAt", $"Enter when the {what} ends (at most 48 hours after it was given)");
            }
            else if (request.IssuedAt is { } start && request.ExpiresAt > start + MaxDispersal)
            {
                v.Add("expiresAt", $"The end of the {what} must be no more than 48 hours after it was given: the Act allows no longer");
            }
        }
        if (kind == PowerKind.DispersalDirection && authorisedBy is null)
        {
            v.Add("authorisedBy", "Name the inspector (or above) who authorised the dispersal direction");
        }
        if (request.SubjectIdentityId is { } subject && !await db.CaseParties.AnyAsync(p => p.CaseId == id && p.IdentityId == subject, ct))
        {
            v.Add("subjectIdentityId", "Select a person on the case");
        }
        var details = v.MaxLength("details", request.Details, "the details", 2000);
        if (!v.IsValid)
        {
            return Outcome<PowerResponse>.Invalid(v.Errors);
        }
        var power = new CasePower
        {
            CaseId = id, Kind = kind!.Value, SubjectIdentityId = request.SubjectIdentityId, IssuedAt = request.IssuedAt!.Value, ExpiresAt = request.ExpiresAt,
            AuthorisedBy = authorisedBy, Details = details, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.CasePowers.Add(power);
        chronology.AddEntry(id, "power", $"{Describe(power.Kind)} issued {ForceClock.Format(power.IssuedAt)}{(power.ExpiresAt is { } e ? $", until {ForceClock.Format(e)}" : "")}");
        audit.Add("case.power.add", "case", Id(id), details: power.Kind.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome<PowerResponse>.Done((await OfCaseAsync(id, ct)).Single(p => p.Id == power.Id));
    }

    public async Task<Outcome<PowerResponse>> RecordBreachAsync(long id, long powerId, BreachRequest request, CancellationToken ct)
    {
        var view = await access.ViewAsync(id, ct);
        var power = view is null ? null : await db.CasePowers.FirstOrDefaultAsync(p => p.Id == powerId && p.CaseId == id, ct);
        if (view is null || power is null || !view.Can(DataCategories.Actions))
        {
            return Outcome<PowerResponse>.NotFound;
        }
        var v = new Validation();
        var note = v.Required("note", request.Note, "what the breach was", 2000);
        var at = request.At ?? time.GetUtcNow();
        if (at > time.GetUtcNow().AddMinutes(5))
        {
            v.Add("at", "Record a breach once it has happened");
        }
        else if (at < power.IssuedAt || (power.ExpiresAt is { } expires && at > expires))
        {
            v.Add("at", "A breach happens while the tool or power is in force");
        }
        if (!v.IsValid)
        {
            return Outcome<PowerResponse>.Invalid(v.Errors);
        }
        db.PowerBreaches.Add(new PowerBreach { PowerId = powerId, At = at, Note = note!, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name });
        chronology.AddEntry(id, "power", $"Breach of the {Describe(power.Kind).ToLowerInvariant()}: {note}");
        audit.Add("case.power.breach", "case", Id(id), details: $"power {powerId}");
        await db.SaveChangesAsync(ct);
        return Outcome<PowerResponse>.Done((await OfCaseAsync(id, ct)).Single(p => p.Id == powerId));
    }

    /// <summary>
    /// Tools and powers still in force that end within the configured number of days: on one case, or (with no case) on
    /// the open cases the signed-in user owns as their single point of contact. A query over the powers' end dates, so
    /// nothing waits on a timer.
    /// </summary>
    public async Task<List<PowerExpiring>> ExpiringAsync(long? caseId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now.AddDays(ReminderDays);
        var cases = access.Visible(db.AsbCases).Where(c => c.Status == AsbCaseStatus.Open);
        cases = caseId is { } only ? cases.Where(c => c.Id == only) : cases.Where(c => c.SpocUserId == user.Id);
        var rows = await (from p in db.CasePowers.AsNoTracking()
                          join c in cases on p.CaseId equals c.Id
                          where p.ExpiresAt != null && p.ExpiresAt > now && p.ExpiresAt <= until
                          orderby p.ExpiresAt, p.Id
                          select new { p.Id, p.CaseId, c.Reference, p.Kind, p.ExpiresAt }).Take(200).ToListAsync(ct);
        return rows.Select(r => new PowerExpiring(r.Id, r.CaseId, r.Reference, r.Kind.ToString(), Describe(r.Kind), r.ExpiresAt!.Value)).ToList();
    }

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
