using SafetyNet.Investigations;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>
/// An investigation finalised with a charge, an out-of-court outcome or no further action starts the Victims' Code contact
/// for that decision, as recording the event on the victim's contract does: the victim must be told, and for no further
/// action told of the Victims' Right to Review. Other outcomes start no contact of their own.
/// </summary>
public sealed class ContactOnInvestigationFinalised(VictimsCode victims, TimeProvider time) : IReaction<InvestigationFinalised>
{
    public Task OnAsync(InvestigationFinalised happened, CancellationToken cancellationToken)
    {
        var outcome = happened.Outcome;
        VictimCodeEvent? what = outcome switch
        {
            { NoFurtherAction: true } => VictimCodeEvent.NoFurtherAction,
            { OutOfCourt: true } => VictimCodeEvent.OutOfCourtOutcome,
            { IsCharge: true } => VictimCodeEvent.SuspectCharged,
            _ => null,
        };
        return what is { } decided
            ? victims.DecidedAsync(happened.Investigation.CrimeRecordId, decided, happened.Investigation.FinalisedAt ?? time.GetUtcNow(),
                $"investigation finalised with outcome {HomeOfficeOutcomes.Describe(outcome.Code)}", cancellationToken)
            : Task.CompletedTask;
    }
}
