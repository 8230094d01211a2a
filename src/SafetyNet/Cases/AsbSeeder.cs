using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.Desk;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Cases;

/// <summary>
/// Seeds the ASB rules with DOMAIN's defaults. In demo mode also: information sharing agreements with some
/// partners (not all), a caseworker for several partner agencies, the desk's queue over the synthetic ASB
/// incidents, and cases shared with some partner agencies and not others.
/// </summary>
public sealed class AsbSeeder(AppDb db, ForceConfiguration configuration, UserManager<AppUser> users, IConfiguration settings, TriggerThreshold trigger, TimeProvider time) : IStartupSeeder
{
    /// <summary>Demo partner caseworkers beyond the Watford council caseworker every demo has.</summary>
    public static readonly IReadOnlyList<(string Email, string Agency, string Name)> PartnerUsers =
    [
        ("housing.caseworker@" + AccountSeeder.DemoDomain, "HOUSING", "Demo housing caseworker"),
        ("stalbans.caseworker@" + AccountSeeder.DemoDomain, "COUNCIL-ST-ALBANS", "Demo St Albans council caseworker"),
        ("victimsupport.caseworker@" + AccountSeeder.DemoDomain, "VICTIM-SUPPORT", "Demo victim support caseworker"),
        ("dacorum.caseworker@" + AccountSeeder.DemoDomain, "COUNCIL-DACORUM", "Demo Dacorum council caseworker"),
    ];

    /// <summary>Which partners have an agreement, and what it gives them. Dacorum, health and adult services have none.</summary>
    public static readonly IReadOnlyList<(string Agency, string Categories)> Agreements =
    [
        ("COUNCIL-WATFORD", "parties,addresses,incidents,risk,actions,chronology,documents"),
        ("COUNCIL-ST-ALBANS", "parties,incidents,risk,actions,chronology"),
        ("HOUSING", "parties,addresses,actions,chronology"),
        ("VICTIM-SUPPORT", "parties,risk,actions"),
        ("CHILDRENS-SERVICES", "parties,addresses,incidents,risk"),
        ("ADULT-SERVICES", "parties,addresses,incidents,risk"),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(AsbRules.Key, AsbRules.Default, cancellationToken);
        await configuration.SeedAsync(LetterTemplates.Key, LetterTemplates.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (!settings.GetValue("Demo:Enabled", false))
        {
            return;
        }
        await SeedPartnersAsync(cancellationToken);
        if (!await db.DeskReviews.AnyAsync(cancellationToken) && !await db.AsbCases.AnyAsync(cancellationToken))
        {
            await SeedCasesAsync(cancellationToken);
        }
    }

    private async Task SeedPartnersAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, ct);
        var today = ForceClock.DayOf(time.GetUtcNow());
        // Each agency's agreement once: a demo database seeded before an agency had one gets it on the next start.
        var agreed = await db.SharingAgreements.Select(a => a.AgencyId).ToListAsync(ct);
        if (Agreements.Any(a => !agreed.Contains(agencies[a.Agency].Id)))
        {
            foreach (var (code, categories) in Agreements.Where(a => !agreed.Contains(agencies[a.Agency].Id)))
            {
                db.SharingAgreements.Add(new SharingAgreement
                {
                    AgencyId = agencies[code].Id, Title = $"Community safety information sharing agreement: {agencies[code].Name}",
                    Categories = categories, StartsOn = today.AddYears(-1), CreatedAt = time.GetUtcNow(), CreatedBy = "SafetyNet",
                });
            }
            await db.SaveChangesAsync(ct);
        }
        var password = AccountSeeder.DemoPassword(settings);
        foreach (var (email, agency, name) in PartnerUsers)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, AgencyId = agencies[agency].Id };
                Check(await users.CreateAsync(user, password));
                Check(await users.AddToRoleAsync(user, Roles.PartnerCaseworker));
            }
            else if (!await users.CheckPasswordAsync(user, password))
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, password));
            }
        }
    }

    /// <summary>
    /// The desk's queue: ASB incidents of the last three days wait for review (some overdue); older ASB incidents
    /// at places reported again and again become cases, shared with some partners and not with others.
    /// </summary>
    private async Task SeedCasesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var asbTypes = IncidentType.All.Where(t => t.IsAsb).Select(t => t.Code).ToList();
        var asb = await db.Incidents.AsNoTracking().Where(i => asbTypes.Contains(i.TypeCode))
            .Select(i => new { i.Id, i.Reference, i.TypeCode, i.ReportedAt, i.OccurredFrom, i.District, i.LocationText }).ToListAsync(ct);
        if (asb.Count == 0)
        {
            return;
        }
        foreach (var incident in asb.Where(i => i.ReportedAt >= now.AddDays(-3)))
        {
            db.DeskReviews.Add(new DeskReview
            {
                IncidentId = incident.Id, Reason = DeskRouteReason.Asb, Reasons = nameof(DeskRouteReason.Asb), District = incident.District,
                ReportedAt = incident.ReportedAt, RoutedAt = incident.ReportedAt, DueAt = incident.ReportedAt.AddHours(rules.Value.DeskReviewHours), RulesVersion = rules.Version,
            });
        }

        var agencies = await db.Agencies.ToDictionaryAsync(a => a.Code, ct);
        var force = agencies[AccountSeeder.ForceCode].Id;
        var desk = await users.FindByEmailAsync($"{Roles.CommunityFocusDesk.ToLowerInvariant()}@{AccountSeeder.DemoDomain}");
        var officer = await users.FindByEmailAsync($"{Roles.Officer.ToLowerInvariant()}@{AccountSeeder.DemoDomain}");
        var places = asb.Where(i => i.ReportedAt < now.AddDays(-3)).GroupBy(i => i.LocationText)
            .Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(40).ToList();
        var shareTo = new[] { "COUNCIL-WATFORD", "HOUSING", null, "COUNCIL-ST-ALBANS", "VICTIM-SUPPORT", null };
        var risks = new[] { "Medium", "Low", "High", "Medium", "Low" };
        var n = 0;
        foreach (var place in places)
        {
            var incidents = place.OrderBy(i => i.ReportedAt).ToList();
            var first = incidents[0];
            var category = IncidentType.Find(first.TypeCode)?.AsbCategory ?? "Nuisance";
            var risk = risks[n % risks.Length];
            var opened = incidents[0].ReportedAt.AddHours(20);
            var asbCase = new AsbCase
            {
                Title = $"{category}: {place.Key}", Category = category, RiskLevel = risk, RulesVersion = rules.Version,
                District = first.District,
                LeadAgencyId = n % 7 == 6 && first.District == "Watford" ? agencies["COUNCIL-WATFORD"].Id : force,
                SpocUserId = desk?.Id, SpocName = desk?.DisplayName, Status = AsbCaseStatus.Open, OpenedAt = opened, OpenedBy = desk?.Email ?? "SafetyNet",
            };
            // Some reviews were last done a while ago, so some fall due soon and a few are overdue.
            rules.Value.CadenceFor(risk).Schedule(asbCase, now.AddDays(-(n % 4) * 10));
            db.AsbCases.Add(asbCase);
            await db.SaveChangesAsync(ct);
            asbCase.Reference = $"ASB-{ForceClock.ToLocal(opened):yy}-{asbCase.Id:D6}";
            var ids = incidents.Select(i => i.Id).ToList();
            var people = await db.IncidentPeople.AsNoTracking().Where(p => ids.Contains(p.IncidentId) && p.IdentityId != null && (p.Role == PersonRole.Victim || p.Role == PersonRole.Suspect))
                .Select(p => new { p.IdentityId, p.Role, p.FirstName, p.LastName }).ToListAsync(ct);
            foreach (var party in people.Where(p => p.Role == PersonRole.Victim || p.FirstName != null || p.LastName != null).DistinctBy(p => p.IdentityId).Take(4))
            {
                db.CaseParties.Add(new CaseParty
                {
                    CaseId = asbCase.Id, IdentityId = party.IdentityId!.Value, Role = party.Role == PersonRole.Victim ? CasePartyRole.Victim : CasePartyRole.Perpetrator,
                    AddedAt = opened, AddedBy = asbCase.OpenedBy,
                });
            }
            foreach (var incident in incidents)
            {
                db.CaseIncidents.Add(new CaseIncident { CaseId = asbCase.Id, IncidentId = incident.Id, LinkedAt = incident.ReportedAt.AddHours(20), LinkedBy = asbCase.OpenedBy });
                db.DeskReviews.Add(new DeskReview
                {
                    IncidentId = incident.Id, Reason = DeskRouteReason.Asb, Reasons = nameof(DeskRouteReason.Asb), District = incident.District,
                    ReportedAt = incident.ReportedAt, RoutedAt = incident.ReportedAt, DueAt = incident.ReportedAt.AddHours(rules.Value.DeskReviewHours), RulesVersion = rules.Version,
                    ReviewedAt = incident.ReportedAt.AddHours(20), ReviewedBy = asbCase.OpenedBy, RiskDecision = "Confirmed", RiskLevel = risk,
                    CaseDecision = incident == first ? DeskCaseDecision.Open : DeskCaseDecision.Link, CaseId = asbCase.Id,
                });
                db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = incident.ReportedAt.AddHours(20), Kind = "desk-review", By = asbCase.OpenedBy,
                    Text = $"Desk review of {incident.Reference}: risk confirmed as {risk}" });
            }
            db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = opened, Kind = "opened", By = asbCase.OpenedBy, Text = $"Case opened: {category}, {risk} risk" });
            db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = opened.AddDays(2), Kind = "intelligence", PoliceOnly = true, By = asbCase.OpenedBy,
                Text = "Local intelligence links the group to a supplier of cannabis in the area." });
            if (shareTo[n % shareTo.Length] is { } partner)
            {
                db.CaseShares.Add(new CaseShare
                {
                    CaseId = asbCase.Id, AgencyId = agencies[partner].Id, LawfulBasis = n % 2 == 0 ? LawfulBasis.CrimeAndDisorderActSection115 : LawfulBasis.Consent,
                    ConsentSought = n % 2 == 1, ConsentGiven = n % 2 == 1 ? true : null, SharedAt = opened.AddDays(1), SharedBy = asbCase.OpenedBy,
                });
                db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = opened.AddDays(1), Kind = "share", By = asbCase.OpenedBy, Text = $"Shared with {agencies[partner].Name}" });
                db.CaseActions.Add(new CaseAction
                {
                    CaseId = asbCase.Id, Title = partner == "HOUSING" ? "Visit the tenants named and remind them of their tenancy conditions" : "Send a warning letter to the household named",
                    OwnerAgencyId = agencies[partner].Id, DueAt = now.AddDays((n % 5) - 2), Status = CaseActionStatus.Open, CreatedAt = opened.AddDays(1), CreatedBy = asbCase.OpenedBy,
                });
            }
            db.CaseActions.Add(new CaseAction
            {
                CaseId = asbCase.Id, Title = "Call the victim to update them and check on their welfare", OwnerUserId = officer?.Id, OwnerName = officer?.DisplayName,
                DueAt = now.AddDays((n % 6) - 3), Status = CaseActionStatus.Open, CreatedAt = opened, CreatedBy = asbCase.OpenedBy,
            });
            if (desk is not null)
            {
                db.CaseActions.Add(new CaseAction
                {
                    CaseId = asbCase.Id, Title = "Arrange high-visibility patrols at the location for two weeks", OwnerUserId = desk.Id, OwnerName = desk.DisplayName,
                    DueAt = now.AddDays((n % 7) - 2), Status = n % 3 == 0 ? CaseActionStatus.Done : CaseActionStatus.Open,
                    Outcome = n % 3 == 0 ? "Patrols completed; no further reports during them" : null, CompletedAt = n % 3 == 0 ? now.AddDays(-1) : null,
                    CreatedAt = opened, CreatedBy = asbCase.OpenedBy,
                });
            }
            n++;
        }
        await db.SaveChangesAsync(ct);
        // The rule, not the seeder, decides which demo cases meet the Community Trigger threshold.
        foreach (var asbCase in await db.AsbCases.Where(c => c.Status == AsbCaseStatus.Open).ToListAsync(ct))
        {
            await trigger.CheckAsync(asbCase, ct);
        }
        await db.SaveChangesAsync(ct);
        await FillPartyNamesAsync(db, ct);
    }

    /// <summary>Copies each identity's name onto the case parties that have none yet: the demo seeders add parties without names.</summary>
    internal static Task<int> FillPartyNamesAsync(AppDb db, CancellationToken ct) =>
        db.CaseParties.Where(p => p.Name == "").ExecuteUpdateAsync(s => s.SetProperty(
            p => p.Name, p => db.PersonIdentities.Where(i => i.Id == p.IdentityId).Select(i => i.DisplayName).First()), ct);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
