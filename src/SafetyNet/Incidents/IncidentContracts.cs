using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Incidents;

public sealed record LocationRequest(string? Text, string? Uprn, double? Latitude, double? Longitude, string? LsoaCode, string? District, bool? Rural);

/// <summary>
/// A person named on a report. <c>IdentityId</c> confirms a suggested existing identity; <c>NotIdentityIds</c> are
/// suggestions the call handler rejected (never linked automatically).
/// </summary>
public sealed record PersonRequest(
    string? Role, string? FirstName, string? MiddleName, string? LastName, DateOnly? DateOfBirth, string? Sex,
    string? Phone, string? Email, string? Address, string? Postcode, long? IdentityId = null, List<long>? NotIdentityIds = null,
    bool? VictimSupportOptOut = null);

public sealed record ThriveRequest(
    string? Threat, string? Harm, string? Risk, string? Investigation, string? Vulnerability, string? Engagement,
    bool? VulnerablePerson, bool? SafeguardingAdvice, bool? ScenePreservationAdvice, bool? CrimePreventionAdvice, string? Reason);

/// <summary>A completed risk instrument. <c>PersonIndex</c> names a person of the same request; <c>PersonId</c> one already recorded.</summary>
public sealed record AssessmentRequest(
    string? Instrument, int? PersonIndex, long? PersonId, Dictionary<string, string?>? Answers,
    string? LevelOverride, string? OverrideReason, bool? Reassessment, string? Level, string? Reason);

public sealed record CreateIncidentRequest(
    string? Channel, DateTimeOffset? ReportedAt, DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo,
    string? TypeCode, string? Narrative, LocationRequest? Location, List<PersonRequest>? People,
    string? Grade, string? NoAttendanceOverrideReason, ThriveRequest? Thrive, List<AssessmentRequest>? Assessments,
    bool? OffenderNearby, bool? VulnerablePerson, bool? MayBeCrime,
    string? SourceSystem, string? SourceReference, string? OfficerInCaseId, int? OwningTeamId,
    List<VulnerabilityRequest>? Vulnerability = null);

/// <summary>
/// The vulnerability assessment of a victim of the same request (<c>PersonIndex</c>): the age band when the date of
/// birth is not known, and yes, no or dont-know for each factor asked. What is left out SafetyNet fills in from what
/// it knows (the date of birth, the identity confirmed, the ASB risk assessment), saying where each answer came from.
/// </summary>
public sealed record VulnerabilityRequest(int? PersonIndex, string? AgeBand, Dictionary<string, string?>? Answers);

public sealed record VulnerabilityAnswerResponse(string Key, string Question, string Answer, string Source);

public sealed record VulnerabilityResponse(
    long Id, long PersonId, int ConfigVersion, string? AgeBand, bool Vulnerable, bool Enhanced, bool Elderly,
    string? DeskReasons, string? EnhancedReasons, IReadOnlyList<VulnerabilityAnswerResponse> Answers, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>PUT: the editable facts of an incident, all given, with the version they were read at.</summary>
public sealed record UpdateIncidentRequest(
    int? Version, DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo, string? TypeCode, string? Narrative,
    LocationRequest? Location, bool? OffenderNearby, bool? VulnerablePerson, bool? MayBeCrime, string? OfficerInCaseId, int? OwningTeamId);

/// <summary>PATCH: only the fields given change. Grade changes need a reason.</summary>
public sealed record PatchIncidentRequest(
    int? Version, DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo, string? TypeCode, string? Narrative,
    LocationRequest? Location, bool? OffenderNearby, bool? VulnerablePerson, bool? MayBeCrime,
    string? OfficerInCaseId, int? OwningTeamId, string? Grade, string? RegradeReason, string? NoAttendanceOverrideReason,
    DateTimeOffset? ArrivedAt);

public sealed record PersonResponse(
    long Id, string Role, string? FirstName, string? MiddleName, string? LastName, DateOnly? DateOfBirth, string Sex,
    string? Phone, string? Email, string? Address, string? Postcode, int Version, long? IdentityId = null, string? LinkedBy = null)
{
    public static PersonResponse From(IncidentPerson p) => new(p.Id, p.Role.ToString(), p.FirstName, p.MiddleName, p.LastName,
        p.DateOfBirth, p.Sex.ToString(), p.Phone, p.Email, p.Address, p.Postcode, p.Version, p.IdentityId, p.LinkedBy.ToString());
}

public sealed record ThriveResponse(
    long Id, string Threat, string Harm, string Risk, string Investigation, string Vulnerability, string Engagement,
    bool VulnerablePerson, bool SafeguardingAdvice, bool ScenePreservationAdvice, bool CrimePreventionAdvice, string? Reason,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    public static ThriveResponse From(ThriveAssessment t) => new(t.Id, t.Threat, t.Harm, t.Risk, t.Investigation, t.Vulnerability,
        t.Engagement, t.VulnerablePerson, t.SafeguardingAdvice, t.ScenePreservationAdvice, t.CrimePreventionAdvice, t.Reason, t.CreatedAt, t.CreatedBy);
}

public sealed record AssessmentResponse(
    long Id, long IncidentId, long? PersonId, string Instrument, int InstrumentVersion, int Score, string ComputedLevel, string Level,
    string? OverrideReason, bool IsReassessment, long? SupersedesId, bool ReferralFlag, string? ReferralName,
    DateTimeOffset CreatedAt, string CreatedBy, bool Incomplete = false)
{
    public static AssessmentResponse From(RiskAssessment a) => new(a.Id, a.IncidentId, a.PersonId, a.InstrumentCode, a.InstrumentVersion,
        a.Score, a.ComputedLevel, a.Level, a.OverrideReason, a.IsReassessment, a.SupersedesId, a.ReferralFlag, a.ReferralName, a.CreatedAt, a.CreatedBy,
        a.Incomplete);
}

public sealed record CrimeDecisionResponse(
    long Id, string Kind, string? OffenceSubgroup, string? CrimeReference, string? Reason, string? Details, string? TransferredTo,
    DateTimeOffset DecidedAt, string DecidedBy)
{
    public static CrimeDecisionResponse From(CrimeDecision d) => new(d.Id, d.Kind.ToString(), d.OffenceSubgroup, d.CrimeReference,
        d.Reason, d.Details, d.TransferredTo, d.DecidedAt, d.DecidedBy);
}

public sealed record CrimeRecordResponse(
    long Id, long IncidentId, long? VictimId, string Status, DateTimeOffset DueAt, bool Overdue, string? CrimeReference,
    string? OffenceSubgroup, string? PoliceUkCategory, DateTimeOffset? DecidedAt, string? DecidedBy, int Version,
    IReadOnlyList<CrimeDecisionResponse> History, string? OfficerInCaseId = null);

/// <summary>A note for the incident's log.</summary>
public sealed record IncidentNoteRequest(string? Text);

/// <summary>Links the incident to another, named by its reference, with the reason.</summary>
public sealed record IncidentLinkRequest(string? LinkedReference, string? Reason);

/// <summary>Closes the incident with one of the result codes (<c>/api/v1/reference/incident-results</c>) and a summary.</summary>
public sealed record CloseIncidentRequest(int? Version, string? ResultCode, string? Summary);

/// <summary>Sets the officer in the case of one crime, with the version of the crime record read.</summary>
public sealed record AssignCrimeRequest(int? Version, string? OfficerInCaseId);

/// <summary>One line of an incident's log: what was done (<c>kind</c>, with its label), by whom, when and why.</summary>
public sealed record IncidentLogEntryResponse(
    long Id, long IncidentId, string Kind, string KindLabel, string Text, long? LinkedIncidentId, string? LinkedReference, DateTimeOffset At, string By)
{
    public static IncidentLogEntryResponse From(IncidentLogEntry e, string? linkedReference) =>
        new(e.Id, e.IncidentId, e.Kind.ToString(), Label(e.Kind), e.Text, e.LinkedIncidentId, linkedReference, e.At, e.By);

    public static string Label(IncidentLogKind kind) => kind switch
    {
        IncidentLogKind.Note => "Log entry",
        IncidentLogKind.Graded => "Graded",
        IncidentLogKind.Regraded => "Regraded",
        IncidentLogKind.Assigned => "Assigned",
        IncidentLogKind.Arrived => "Officer arrived",
        IncidentLogKind.Linked => "Linked incident",
        IncidentLogKind.Closed => "Closed",
        _ => kind.ToString(),
    };
}

/// <summary>
/// An incident in a list. Listed without a purpose, a sensitive incident has no location (<see cref="LocationText"/> is
/// null): it may be the victim's address, and opening the incident asks for the purpose.
/// </summary>
public sealed record IncidentSummary(
    long Id, string Reference, string Channel, DateTimeOffset ReportedAt, string TypeCode, string TypeName, string? LocationText,
    string? District, string? Grade, DateTimeOffset? AttendanceDueAt, DateTimeOffset? ArrivedAt, bool Sensitive, int Version);

public sealed record IncidentResponse(
    long Id, string Reference, string Channel, DateTimeOffset ReportedAt, DateTimeOffset? OccurredFrom, DateTimeOffset? OccurredTo,
    string TypeCode, string TypeName, string Narrative, LocationResponse Location,
    string? Grade, int? GradeConfigVersion, DateTimeOffset? GradedAt, string? RegradeReason, bool MandatoryAttendance,
    DateTimeOffset? AttendanceDueAt, DateTimeOffset? ArrivedAt, bool AttendanceBreached, string? NoAttendanceOverrideBy, string? NoAttendanceOverrideReason,
    DateTimeOffset? ThriveDueAt, bool OffenderNearby, bool VulnerablePerson, bool MayBeCrime, string? MayBeCrimeReason, bool Sensitive,
    string? SourceSystem, string? SourceReference, string? OfficerInCaseId, int? OwningTeamId,
    IReadOnlyList<PersonResponse> People, ThriveResponse? Thrive, IReadOnlyList<AssessmentResponse> Assessments,
    IReadOnlyList<CrimeRecordResponse> CrimeRecords, DateTimeOffset CreatedAt, string CreatedBy, int Version,
    string? OfficerInCaseName = null, string? OwningTeamName = null, string? ResultCode = null, string? Result = null,
    DateTimeOffset? ClosedAt = null, string? ClosedBy = null, IReadOnlyList<IncidentLogEntryResponse>? Log = null,
    IReadOnlyList<string>? RiskPrompts = null, IReadOnlyList<VulnerabilityResponse>? Vulnerability = null);

public sealed record LocationResponse(string Text, string? Uprn, double? Latitude, double? Longitude, string? LsoaCode, string? District, bool Rural);

public sealed record IncidentTypeResponse(
    string Code, string Name, string Group, string? PoliceUkCategory, bool PossibleCrime, bool MandatoryAttendance,
    string? Instrument, string? AsbCategory, bool Sensitive);

public static class IncidentMapping
{
    public static IncidentTypeResponse ToResponse(this IncidentType t) =>
        new(t.Code, t.Name, t.Group, t.PoliceUkCategory, t.PossibleCrime, t.MandatoryAttendance, t.Instrument, t.AsbCategory, t.Sensitive);

    /// <summary>The incident in full, for a read already decided (the person it belongs to was opened for a purpose).</summary>
    public static IncidentSummary ToSummary(this Incident i) =>
        new(i.Id, i.Reference, i.Channel.ToString(), i.ReportedAt, i.TypeCode, IncidentType.Find(i.TypeCode)?.Name ?? i.TypeCode,
            i.LocationText, i.District, i.GradeCode, i.AttendanceDueAt, i.ArrivedAt, i.Sensitive, i.Version);

    /// <summary>The incident as a row of a list read without a purpose: a sensitive one without its location.</summary>
    public static IncidentSummary ToListed(this Incident i) => i.Sensitive ? i.ToSummary() with { LocationText = null } : i.ToSummary();
}
