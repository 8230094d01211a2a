using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>The service menu, with the roles that use each section.</summary>
public static class NavigationRegistry
{
    public sealed record Link(string Href, string Text, IReadOnlyList<string> Roles);

    private static readonly string[] Takers = [Roles.CallHandler, Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.CrimeServiceTeam];

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/incidents/new", "Record an incident", Takers),
        new("/queues/crime-recording", "Queues", [.. Takers, Roles.CrimeRegistrar]),
        new("/victims/due", "Victims", [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam]),
        new("/referrals", "Referrals", [Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CommunityFocusDesk, Roles.PartnerCaseworker]),
        new("/feedback", "Feedback", [Roles.Supervisor, Roles.Analyst, Roles.CrimeServiceTeam]),
        new("/admin/configuration", "Configuration", [Roles.Administrator]),
        new("/admin/outbox", "Outbox", [Roles.Administrator]),
        new("/audit", "Audit trail", [Roles.Auditor]),
    ];
}
