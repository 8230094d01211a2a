using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.Assessments;

/// <summary>A risk instrument has just been completed on an incident after intake (the assessment is not yet saved).</summary>
public sealed class RiskAssessed(Incident incident, RiskAssessment assessment) : Happening
{
    public Incident Incident { get; } = incident;
    public RiskAssessment Assessment { get; } = assessment;
}
