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
        new("/insight/pack", "Daily pack", [Roles.Supervisor, Roles.Analyst, Roles.CommunityFocusDesk, Roles.CrimeRegistrar, Roles.Officer]),
        new("/audits/crime-recording", "Recording audits", [Roles.CrimeRegistrar, Roles.Auditor]),
        new("/admin/configuration", "Configuration", [Roles.Administrator]),
        new("/audit", "Audit trail", [Roles.Auditor]),
    ];
}
