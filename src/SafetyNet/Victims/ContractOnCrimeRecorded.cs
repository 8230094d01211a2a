using SafetyNet.Crimes;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>A recorded crime opens its victim's contact contract and starts the Victims' Code clocks.</summary>
public sealed class ContractOnCrimeRecorded(VictimsCode victims) : IReaction<CrimeRecorded>
{
    public Task OnAsync(CrimeRecorded happened, CancellationToken cancellationToken) => victims.OpenAsync(happened.Record, cancellationToken);
}
