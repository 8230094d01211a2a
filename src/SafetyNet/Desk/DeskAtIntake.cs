using SafetyNet.Cases;
using SafetyNet.CommunityTrigger;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.Desk;

/// <summary>A report just recorded goes to the community focus desk's queue when it qualifies.</summary>
public sealed class DeskAtIntake(AppDb db, CommunityFocusDesk desk) : IReaction<IncidentRecorded>
{
    public async Task OnAsync(IncidentRecorded happened, CancellationToken cancellationToken)
    {
        await desk.RouteAsync(happened.Incident, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}
