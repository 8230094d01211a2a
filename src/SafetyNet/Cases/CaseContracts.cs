namespace SafetyNet.Cases;

/// <summary>A person already known (<see cref="IdentityId"/>, the police only) or someone new, by name and date of birth.</summary>
public sealed record CasePartyRequest(long? IdentityId, string? Role, string? FirstName = null, string? LastName = null, DateOnly? DateOfBirth = null);

public sealed record ChangePartyRoleRequest(string? Role);

public sealed record RemovePartyRequest(string? Reason);

public sealed record CreateCaseRequest(
    string? Title, string? Category, string? RiskLevel, string? District, int? LeadAgencyId, string? SpocUserId,
    List<CasePartyRequest>? Parties, List<long>? IncidentIds);

public sealed record UpdateCaseRequest(int? Version, string? Title, string? RiskLevel, string? Reason, string? SpocUserId, int? LeadAgencyId);

public sealed record LinkIncidentRequest(long? IncidentId);

public sealed record ShareRequest(int? AgencyId, string? LawfulBasis, bool? ConsentSought, bool? ConsentGiven, string? Note);

public sealed record CaseActionRequest(string? Title, string? OwnerUserId, int? OwnerAgencyId, DateTimeOffset? DueAt);

public sealed record UpdateActionRequest(int? Version, string? Status, string? Outcome, DateTimeOffset? DueAt);

public sealed record ContactRequest(string? Text, bool? PoliceOnly);

/// <summary>A supervisory review; the rank is Sergeant unless told (Inspector, ChiefInspector).</summary>
public sealed record CaseReviewRequest(string? Text, string? Rank);

/// <summary>One rank's review of a case: how often, when it next falls due, and whether that has passed.</summary>
public sealed record ReviewDue(string Rank, int EveryDays, DateTimeOffset DueAt, bool Overdue);

public sealed record CloseCaseRequest(int? Version, string? Outcome, int? VictimSatisfaction);

public sealed record ReopenCaseRequest(int? Version, string? Reason);

public sealed record AgencyRef(int Id, string Name);

public sealed record CasePartyResponse(long Id, long IdentityId, string Role, string Name, DateOnly? DateOfBirth, string? Address, bool AddressWithheld);

/// <summary>
/// An incident on a case. A sensitive one (which only the police see) gives its reference, type and date but no location
/// (<see cref="LocationText"/> is null): it may be the victim's address, and opening the incident asks for the purpose.
/// </summary>
public sealed record CaseIncidentResponse(long IncidentId, string Reference, DateTimeOffset ReportedAt, string TypeName, string? LocationText, bool Sensitive);

public sealed record CaseShareResponse(long Id, AgencyRef Agency, string LawfulBasis, bool ConsentSought, bool? ConsentGiven, string? Note,
    DateTimeOffset SharedAt, string SharedBy, DateTimeOffset? WithdrawnAt);

public sealed record CaseActionResponse(long Id, long CaseId, string Title, string? OwnerUserId, string? OwnerName, AgencyRef? OwnerAgency,
    DateTimeOffset DueAt, string Status, bool Overdue, string? Outcome, DateTimeOffset? CompletedAt, int Version);

public sealed record CaseResponse(
    long Id, string Reference, string Title, string Category, string Status, string? RiskLevel, DateTimeOffset? NextReviewDueAt,
    ReviewCadence? ReviewCadence, string? District, AgencyRef LeadAgency, string? SpocName, DateTimeOffset OpenedAt, string OpenedBy,
    DateTimeOffset? ClosedAt, string? ClosureOutcome, int? VictimSatisfaction, DateTimeOffset? TriggerFlaggedAt,
    IReadOnlyList<CasePartyResponse>? Parties, IReadOnlyList<CaseIncidentResponse>? Incidents, IReadOnlyList<CaseShareResponse>? Shares,
    IReadOnlyList<CaseActionResponse>? Actions, IReadOnlyList<string> Withheld, int Version, IReadOnlyList<ReviewDue>? Reviews = null);

public sealed record CaseSummary(long Id, string Reference, string Title, string Category, string Status, string? RiskLevel,
    DateTimeOffset? NextReviewDueAt, bool ReviewOverdue, string? District, string LeadAgency, DateTimeOffset OpenedAt, bool TriggerFlagged, int Version);

public sealed record ChronologyItem(DateTimeOffset At, string Kind, string Text, string By);

/// <summary>An incident that may belong to a case; a sensitive one without its location, as on the case.</summary>
public sealed record IncidentSuggestion(long IncidentId, string Reference, DateTimeOffset ReportedAt, string TypeName, string? LocationText, string Why, bool Sensitive);
