using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Cases;

/// <summary>The categories of case data an information sharing agreement can give a partner agency.</summary>
public static class DataCategories
{
    public const string Parties = "parties";
    public const string Addresses = "addresses";
    public const string Incidents = "incidents";
    public const string Risk = "risk";
    public const string Actions = "actions";
    public const string Chronology = "chronology";
    public const string Documents = "documents";

    public static readonly IReadOnlyList<string> All = [Parties, Addresses, Incidents, Risk, Actions, Chronology, Documents];

    public static string Describe(string category) => category switch
    {
        Parties => "People on the case (names and dates of birth)",
        Addresses => "Addresses of people on the case",
        Incidents => "Linked incidents (date, type and place)",
        Risk => "Risk level and review dates",
        Actions => "The action plan",
        Chronology => "The case chronology",
        Documents => "Documents held on the case",
        _ => category,
    };
}

/// <summary>
/// An information sharing agreement between the force and one partner agency: which categories of case data
/// the agency's caseworkers may see on a case shared with it. Without a current agreement, nothing is shared.
/// </summary>
public sealed class SharingAgreement : IVersioned
{
    public long Id { get; set; }
    public int AgencyId { get; set; }
    public required string Title { get; set; }
    /// <summary>The permitted <see cref="DataCategories"/>, comma separated.</summary>
    public required string Categories { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }

    public IReadOnlySet<string> CategorySet => Categories.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}

internal sealed class SharingAgreementConfiguration : IEntityTypeConfiguration<SharingAgreement>
{
    public void Configure(EntityTypeBuilder<SharingAgreement> a)
    {
        a.ToTable("SharingAgreements");
        a.Property(x => x.Title).HasMaxLength(200);
        a.Property(x => x.Categories).HasMaxLength(200);
        a.Property(x => x.CreatedBy).HasMaxLength(256);
        a.HasIndex(x => x.AgencyId);
        a.Ignore(x => x.CategorySet);
    }
}

/// <summary>What one user may see of one case: everything, the parts an agreement permits, or nothing (404).</summary>
public sealed record CaseView(bool IsForce, IReadOnlySet<string> Categories)
{
    public bool Can(string category) => IsForce || Categories.Contains(category);
}

/// <summary>
/// Who may see ASB cases. Force staff in operational roles see every case. A partner caseworker sees a case
/// led by their own agency, or shared with it while their agency has a current sharing agreement, and then
/// only the categories the agreement names. Anyone else is told the case does not exist.
/// </summary>
public sealed class CaseAccess(AppDb db, CurrentUser user, TimeProvider time)
{
    private IReadOnlySet<string>? _categories;

    public bool IsForceCaseworker => user.IsForce && user.IsInAnyRole(Roles.ForceOperational);

    public bool IsPartnerCaseworker => !user.IsForce && user.IsInRole(Roles.PartnerCaseworker) && user.AgencyId is not null;

    public bool CanUseCases => IsForceCaseworker || IsPartnerCaseworker;

    public bool IsDesk => user.IsForce && user.IsInAnyRole([Roles.CommunityFocusDesk, Roles.Supervisor]);

    public bool IsSupervisor => user.IsForce && user.IsInRole(Roles.Supervisor);

    public int? AgencyId => user.AgencyId;

    public IQueryable<AsbCase> Visible(IQueryable<AsbCase> cases)
    {
        if (IsForceCaseworker)
        {
            return cases;
        }
        if (!IsPartnerCaseworker)
        {
            return cases.Where(_ => false);
        }
        var agency = user.AgencyId!.Value;
        var today = Today;
        var agreed = db.SharingAgreements.Any(a => a.AgencyId == agency && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today));
        return cases.Where(c => c.LeadAgencyId == agency
            || (agreed && db.CaseShares.Any(s => s.CaseId == c.Id && s.AgencyId == agency && s.WithdrawnAt == null)));
    }

    private DateOnly Today => ForceClock.DayOf(time.GetUtcNow());

    /// <summary>The view of a case the user has, or null when the case is not theirs to see.</summary>
    public async Task<CaseView?> ViewAsync(long caseId, CancellationToken ct)
    {
        var found = await Visible(db.AsbCases).AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.LeadAgencyId }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        if (IsForceCaseworker)
        {
            return new CaseView(true, new HashSet<string>(DataCategories.All));
        }
        var agreed = await PartnerCategoriesAsync(ct);
        if (found.LeadAgencyId == user.AgencyId)
        {
            // The lead agency sees its own case whole; the force's incidents on it still only as far as the agreement allows.
            var own = DataCategories.All.Where(c => c != DataCategories.Incidents || agreed.Contains(c)).ToHashSet();
            return new CaseView(false, own);
        }
        return new CaseView(false, agreed);
    }

    /// <summary>
    /// The check before a change to a case's data of the <paramref name="categories"/>: null when the user's view of the
    /// case permits them all. Otherwise the answer to give: not found when the case is not theirs to see; when their
    /// agency's sharing agreement lacks one, <paramref name="refusal"/> against <paramref name="field"/>, at once, or
    /// given <paramref name="v"/>, added there beside the change's other field errors (and null).
    /// </summary>
    public async Task<Outcome<T>?> RefusesChangeAsync<T>(
        long caseId, IReadOnlyCollection<string> categories, string field, string refusal, CancellationToken ct, Validation? v = null)
    {
        var view = await ViewAsync(caseId, ct);
        if (view is null)
        {
            return Outcome<T>.NotFound;
        }
        if (categories.All(view.Can))
        {
            return null;
        }
        if (v is null)
        {
            return Outcome<T>.Invalid(field, refusal);
        }
        v.Add(field, refusal);
        return null;
    }

    /// <summary>Loads a case the user may see, for a change; partners change only what their view permits.</summary>
    public async Task<(AsbCase? Case, CaseView? View)> ForChangeAsync(long id, CancellationToken ct)
    {
        var view = await ViewAsync(id, ct);
        return view is null ? (null, null) : (await db.AsbCases.SingleAsync(c => c.Id == id, ct), view);
    }

    /// <summary>Whether the user is on the side that leads the case: the force, or the partner agency leading it.</summary>
    public bool Leads(AsbCase c, CaseView view) => view.IsForce || c.LeadAgencyId == user.AgencyId;

    /// <summary>
    /// Why <paramref name="agency"/> cannot see <paramref name="c"/>'s action plan, or null when it can: the force and the
    /// lead agency always can; a partner only on a current share under a current agreement that includes the action plan.
    /// Nothing here shares anything: sharing is a separate, explicit step.
    /// </summary>
    public async Task<AgencyRefusal?> WhyAgencyCannotSeeAsync(AsbCase c, Agency agency, CancellationToken ct)
    {
        if (agency.Kind == AgencyKind.Force || c.LeadAgencyId == agency.Id)
        {
            return null;
        }
        var today = Today;
        var agreed = (await db.SharingAgreements.AsNoTracking()
            .Where(a => a.AgencyId == agency.Id && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today)).ToListAsync(ct))
            .SelectMany(a => a.CategorySet).ToHashSet();
        if (agreed.Count == 0)
        {
            return new AgencyRefusal(agency, false, $"{agency.Name} cannot see this case: it has no information sharing agreement with the force");
        }
        if (!agreed.Contains(DataCategories.Actions))
        {
            return new AgencyRefusal(agency, false, $"{agency.Name} cannot see this case's action plan: its information sharing agreement does not include the action plan");
        }
        if (!await db.CaseShares.AnyAsync(s => s.CaseId == c.Id && s.AgencyId == agency.Id && s.WithdrawnAt == null, ct))
        {
            return new AgencyRefusal(agency, true, $"{agency.Name} cannot see this case: the case is not shared with {agency.Name}. Share the case first, then give it the action");
        }
        return null;
    }

    /// <summary>As above, for a case the caller may see and an agency by its number; null when either is not found or the agency can see the case.</summary>
    public async Task<AgencyRefusal?> WhyAgencyCannotSeeAsync(long caseId, int agencyId, CancellationToken ct)
    {
        var c = await Visible(db.AsbCases).AsNoTracking().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == agencyId, ct);
        return c is null || agency is null ? null : await WhyAgencyCannotSeeAsync(c, agency, ct);
    }

    public async Task<IReadOnlySet<string>> PartnerCategoriesAsync(CancellationToken ct)
    {
        if (_categories is not null)
        {
            return _categories;
        }
        if (user.AgencyId is not { } agency)
        {
            return _categories = new HashSet<string>();
        }
        var today = Today;
        var agreements = await db.SharingAgreements.AsNoTracking()
            .Where(a => a.AgencyId == agency && a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today)).ToListAsync(ct);
        return _categories = agreements.SelectMany(a => a.CategorySet).ToHashSet();
    }
}

/// <summary>Why an agency cannot see a case, and whether sharing the case with it (under its agreement) would put that right.</summary>
public sealed record AgencyRefusal(Agency Agency, bool SharingWouldAllow, string Reason);
