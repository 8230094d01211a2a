using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace SafetyNet.Platform;

/// <summary>
/// Which roles may use an operation or a page at all, as named authorization policies declared on the API groups and
/// pages. They are decided before a request's body is read; a user outside them is answered 404, as if the operation
/// did not exist (<see cref="Web.NotEntitled"/>). Which records a user then sees stays the rule of the service that
/// reads them, and is answered 404 too. The table is in docs/decisions/0071-not-entitled-is-404.md.
/// </summary>
public static class Entitlements
{
    /// <summary>Force staff who work the operational records: incidents, people, identities, crimes, victims, queues.</summary>
    public const string ForceOperational = "force-operational";

    /// <summary>Those who take reports and work them: recording and changing incidents, assessments, attendance, suggesting people, scheduling surveys. The crime registrar decides crimes and records no incident.</summary>
    public const string Recording = "recording";

    /// <summary>THRIVE assessments and their queue: the call handler, officers, supervisors and the desk.</summary>
    public const string Thrive = "thrive";

    /// <summary>The Victims' Code contracts and contacts: officers, supervisors, the crime service team, and the call handler and desk who meet victims first.</summary>
    public const string VictimCare = "victim-care";

    /// <summary>Victims' Code contacts due: officers, supervisors and the crime service team.</summary>
    public const string VictimsDue = "victims-due";

    /// <summary>Force staff who refer to partner agencies.</summary>
    public const string Referring = "referring";

    /// <summary>Force staff who refer and partner caseworkers who answer what was sent to their agency.</summary>
    public const string Referrals = "referrals";

    /// <summary>Reading the information-sharing agreements: caseworkers and administrators.</summary>
    public const string SharingAgreements = "sharing-agreements";

    /// <summary>Force operational staff and partner caseworkers: ASB cases, Community Trigger, meetings, priorities, problems, referrals.</summary>
    public const string Partnership = "partnership";

    /// <summary>Those who merge and split identities and work the review queue.</summary>
    public const string IdentityReview = "identity-review";

    /// <summary>The community focus desk's queue and reviews.</summary>
    public const string Desk = "desk";

    /// <summary>Those who run or attend the daily management meeting: the pack, its exports and the hotspots that guide patrols.</summary>
    public const string DailyManagement = "daily-management";

    /// <summary>Near-repeat analysis.</summary>
    public const string Analysis = "analysis";

    /// <summary>Recording strength on duty.</summary>
    public const string Strength = "strength";

    /// <summary>Crime-recording self-audits.</summary>
    public const string RecordingAudit = "recording-audit";

    /// <summary>Survey results and team alerts.</summary>
    public const string FeedbackResults = "feedback-results";

    /// <summary>Service recovery tasks and acknowledging team alerts.</summary>
    public const string ServiceRecovery = "service-recovery";

    /// <summary>Taking a survey's answers by telephone.</summary>
    public const string TelephoneSurvey = "telephone-survey";

    /// <summary>Investigations: officers and supervisors, the crime service team and the force crime registrar.</summary>
    public const string Investigations = "investigations";

    /// <summary>File reviews of finalised investigations: supervisors and the force crime registrar.</summary>
    public const string FileReview = "file-review";
    /// <summary>Outcome and charge rates and the police.uk outcomes file: supervisors, the crime registrar and analysts (figures, no person).</summary>
    public const string InvestigationFigures = "investigation-figures";

    /// <summary>The offender register: officers, supervisors, the community focus desk and analysts; never a partner (decision 0121).</summary>
    public const string Offenders = "offenders";

    /// <summary>Adding to the offender register and importing into it: officers and supervisors.</summary>
    public const string OffenderRecording = "offender-recording";

    /// <summary>Configuration, the outbox, the background work page and sharing agreements.</summary>
    public const string Administration = "administration";

    /// <summary>Searching the audit trail.</summary>
    public const string AuditSearch = "audit-search";

    /// <summary>Each policy's rule over the signed-in user's roles and agency.</summary>
    public static readonly IReadOnlyDictionary<string, Func<ClaimsPrincipal, bool>> Rules = new Dictionary<string, Func<ClaimsPrincipal, bool>>
    {
        [ForceOperational] = Force(Roles.ForceOperational),
        [Partnership] = user => Force(Roles.ForceOperational)(user) || IsPartnerCaseworker(user),
        [Recording] = Force(Roles.CallHandler, Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.CrimeServiceTeam),
        [Thrive] = Force(Roles.CallHandler, Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk),
        [VictimCare] = Force(Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CallHandler, Roles.CommunityFocusDesk),
        [VictimsDue] = Force(Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam),
        [Referring] = Force(Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CommunityFocusDesk),
        [Referrals] = user => Force(Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CommunityFocusDesk)(user) || IsPartnerCaseworker(user),
        [SharingAgreements] = user => Force(Roles.ForceOperational)(user) || IsPartnerCaseworker(user) || Force(Roles.Administrator)(user),
        [IdentityReview] = Force(Roles.Supervisor, Roles.CommunityFocusDesk),
        [Desk] = Force(Roles.CommunityFocusDesk, Roles.Supervisor),
        [DailyManagement] = Force(Roles.Supervisor, Roles.Analyst, Roles.CommunityFocusDesk, Roles.CrimeRegistrar, Roles.Officer),
        [Analysis] = Force(Roles.Analyst, Roles.Supervisor, Roles.CommunityFocusDesk),
        [Strength] = Force(Roles.Supervisor),
        [RecordingAudit] = Force(Roles.CrimeRegistrar, Roles.Auditor),
        [FeedbackResults] = Force(Roles.Supervisor, Roles.Analyst, Roles.CrimeServiceTeam),
        [ServiceRecovery] = Force(Roles.Supervisor),
        [TelephoneSurvey] = Force(Roles.CrimeServiceTeam, Roles.Supervisor),
        [Investigations] = Force(Roles.Officer, Roles.Supervisor, Roles.CrimeServiceTeam, Roles.CrimeRegistrar),
        [FileReview] = Force(Roles.Supervisor, Roles.CrimeRegistrar),
        [InvestigationFigures] = Force(Roles.Supervisor, Roles.CrimeRegistrar, Roles.Analyst),
        [Offenders] = Force(Roles.Officer, Roles.Supervisor, Roles.CommunityFocusDesk, Roles.Analyst),
        [OffenderRecording] = Force(Roles.Officer, Roles.Supervisor),
        [Administration] = Force(Roles.Administrator),
        [AuditSearch] = Force(Roles.Auditor),
    };

    public static AuthorizationBuilder AddEntitlementPolicies(this AuthorizationBuilder authorization)
    {
        foreach (var (name, rule) in Rules)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => rule(context.User)));
        }
        return authorization;
    }

    private static bool IsForce(ClaimsPrincipal user) => user.FindFirstValue(CurrentUser.AgencyKindClaim) == nameof(AgencyKind.Force);

    private static Func<ClaimsPrincipal, bool> Force(params IEnumerable<string> roles) => user => IsForce(user) && roles.Any(user.IsInRole);

    private static bool IsPartnerCaseworker(ClaimsPrincipal user) =>
        !IsForce(user) && user.IsInRole(Roles.PartnerCaseworker) && user.FindFirstValue(CurrentUser.AgencyClaim) is { Length: > 0 };
}
