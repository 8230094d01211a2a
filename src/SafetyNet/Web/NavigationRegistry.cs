using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>The service menu, with the roles that use each section.</summary>
public static class NavigationRegistry
{
    public sealed record Link(string Href, string Text, IReadOnlyList<string> Roles);

    public static readonly IReadOnlyList<Link> Links =
    [
        new("/audit", "Audit trail", [Roles.Auditor]),
    ];
}
