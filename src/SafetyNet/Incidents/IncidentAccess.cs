using SafetyNet.Platform;

namespace SafetyNet.Incidents;

/// <summary>
/// Who may see the force's incidents, people and crimes. A user who may not see a record is told it does
/// not exist (404), and lists and counts leave it out.
/// </summary>
public sealed class IncidentAccess(CurrentUser user)
{
    /// <summary>Force staff in operational roles see the force's operational records.</summary>
    public bool CanRead => user.IsForce && user.IsInAnyRole(Roles.ForceOperational);

    /// <summary>Those who take reports and work them may record and change incidents.</summary>
    public bool CanWrite => CanRead;

    public IQueryable<Incident> Visible(IQueryable<Incident> incidents) => CanRead ? incidents : incidents.Where(_ => false);

    /// <summary>Reviewers may reassess risk at any level and override grading rules.</summary>
    public bool IsReviewer => user.IsForce && user.IsInAnyRole([Roles.Supervisor, Roles.CommunityFocusDesk]);

    public bool IsSupervisor => user.IsForce && user.IsInRole(Roles.Supervisor);

    public bool IsCrimeRegistrar => user.IsForce && user.IsInRole(Roles.CrimeRegistrar);
}
