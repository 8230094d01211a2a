using SafetyNet.Cases;
using SafetyNet.Incidents;
using SafetyNet.Platform;

namespace SafetyNet.Feedback;

/// <summary>Asks how the force did when a report has been taken and when an ASB case has closed.</summary>
public sealed class SurveysOnRecords(SurveyService surveys) : IReaction<IncidentRecorded>, IReaction<CaseClosed>
{
    public Task OnAsync(IncidentRecorded happened, CancellationToken cancellationToken) =>
        surveys.AfterReportTakenAsync(happened.Incident, happened.People, cancellationToken);

    public Task OnAsync(CaseClosed happened, CancellationToken cancellationToken) =>
        surveys.AfterAsbCaseClosedAsync(happened.CaseId, happened.ClosedAt, cancellationToken);
}
