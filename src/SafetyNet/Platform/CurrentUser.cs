using System.Security.Claims;

namespace SafetyNet.Platform;

/// <summary>Who is acting, from where: the signed-in user of a request, or the operator of a command-line verb.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string AgencyClaim = "safetynet:agency";
    public const string AgencyKindClaim = "safetynet:agency-kind";
    /// <summary>One claim per team the user belongs to, by team code: what the menu shows may depend on it, never what a service allows.</summary>
    public const string TeamClaim = "safetynet:team";

    private string? _overrideName;
    private string? _overrideSource;

    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string? Id => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string Name => _overrideName ?? Principal?.FindFirstValue(ClaimTypes.Name) ?? "anonymous";

    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(AgencyClaim), out var id) ? id : null;

    public bool IsForce => Principal?.FindFirstValue(AgencyKindClaim) == nameof(AgencyKind.Force);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    public bool IsInAnyRole(IEnumerable<string> roles) => roles.Any(IsInRole);

    /// <summary>Where the action came from: the client's address, or the command line.</summary>
    public string Source => _overrideSource ?? accessor.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>
    /// The operator of a command-line verb: trusted with the database itself, though signed in as no user, so a service
    /// may let them read what names no person (decision 0117).
    /// </summary>
    public bool IsOperator { get; private set; }

    /// <summary>Used by command-line verbs, which act for the operator at the terminal.</summary>
    public void ActAs(string name, string source)
    {
        _overrideName = name;
        _overrideSource = source;
        IsOperator = true;
    }
}
