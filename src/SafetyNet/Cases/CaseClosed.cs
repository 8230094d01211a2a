using SafetyNet.Platform;

namespace SafetyNet.Cases;

/// <summary>An ASB case has just been closed.</summary>
public sealed class CaseClosed(long caseId, DateTimeOffset closedAt) : Happening
{
    public long CaseId { get; } = caseId;
    public DateTimeOffset ClosedAt { get; } = closedAt;
}
