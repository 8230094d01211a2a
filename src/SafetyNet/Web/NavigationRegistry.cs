using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>The service menu, with the roles that use each section.</summary>
public static class NavigationRegistry
{
    /// <summary>
    /// A section of the menu and the roles that use it. Holders of a role in <paramref name="OnlyInTeam"/> see it only when
    /// they belong to <paramref name="Team"/>: the service behind it answers everyone else 404, so the menu does not offer it.
    /// </summary>
    public sealed record Link(string Href, string Text, IReadOnlyList<string> Roles, string? Team = null, IReadOnlyList<string>? OnlyInTeam = null)
    {
        public bool IsFor(System.Security.Claims.ClaimsPrincipal user) =>
            Roles.Where(user.IsInRole).Any(role => Team is null || OnlyInTeam?.Contains(role) != true || user.HasClaim(CurrentUser.TeamClaim, Team));
    }

    private static readonly string[] Takers = [Roles.CallHandler, Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.CrimeServiceTeam];

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/incidents/new", "Record an incident", Takers),
        new("/queues/crime-recording", "Queues", [.. Takers, Roles.CrimeRegistrar]),
        new("/people/review", "People to review", [Roles.Supervisor, Roles.CommunityFocusDesk]),
        new("/people/desk-routings", "Routed to the desk", [Roles.Supervisor, Roles.CommunityFocusDesk]),
        new("/asb/desk", "Community focus desk", [Roles.CommunityFocusDesk, Roles.Supervisor]),
        new("/asb/cases", "ASB cases", [.. Roles.ForceOperational, Roles.PartnerCaseworker]),
        new("/asb/community-trigger", "Community Trigger", [.. Roles.ForceOperational, Roles.PartnerCaseworker]),
        new("/asb/priorities", "Priorities", [.. Roles.ForceOperational, Roles.PartnerCaseworker]),
        new("/practice", "What works", [.. Roles.ForceOperational, Roles.PartnerCaseworker]),
        new("/insight/pack", "Daily pack", [Roles.Supervisor, Roles.Analyst, Roles.CommunityFocusDesk, Roles.CrimeRegistrar, Roles.Officer]),
        new("/audits/crime-recording", "Recording audits", [Roles.CrimeRegistrar, Roles.Auditor]),
        new("/investigations", "Investigations", [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CrimeRegistrar]),
        // The digital forensics unit works its queue; supervisors read it; other officers are answered 404.
        new("/forensics", "Digital forensics", [Roles.Officer, Roles.Supervisor], Investigations.Forensics.DigitalForensics.TeamCode, [Roles.Officer]),
        // Analysts read the investigations' figures, never the investigations.
        new("/investigations/outcomes", "Investigation outcomes", [Roles.Analyst]),
        new("/offenders", "Offenders", [Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.Analyst]),
        new("/victims/due", "Victims", [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam]),
        new("/meetings", "Meetings", [.. Roles.ForceOperational, Roles.PartnerCaseworker]),
        // The MARAC co-ordination team's officers, supervisors and attending partners; other officers are answered 404.
        new("/marac", "MARAC", [Roles.Officer, Roles.Supervisor, Roles.PartnerCaseworker], ReferralTeams.Marac, [Roles.Officer]),
        new("/referrals", "Referrals", [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CommunityFocusDesk, Roles.PartnerCaseworker]),
        new("/feedback", "Feedback", [Roles.Supervisor, Roles.Analyst, Roles.CrimeServiceTeam]),
        new("/admin/configuration", "Configuration", [Roles.Administrator]),
        new("/sharing-agreements", "Sharing agreements", [Roles.Administrator]),
        new("/admin/letter-templates", "Letter templates", [Roles.Administrator]),
        new("/admin/outbox", "Outbox", [Roles.Administrator]),
        new("/admin/workers", "Background work", [Roles.Administrator]),
        new("/audit", "Audit trail", [Roles.Auditor]),
    ];
}
