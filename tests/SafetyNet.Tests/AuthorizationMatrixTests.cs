using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Data;
using SafetyNet.Feedback;
using SafetyNet.Messaging;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;

namespace SafetyNet.Tests;

/// <summary>
/// Every API operation and every page × every role and four partner users × records of their own agency, of another
/// agency, shared with them and not shared with them × sensitive and not. The expected answers come from the policy
/// written below (who may use each operation, and what the reader's relation to a record and its sensitivity make of
/// it), never from the code under test. A new endpoint without a row in the policy fails the run.
/// </summary>
[Collection("app")]
public partial class AuthorizationMatrixTests(AppFixture fixture)
{
    // ─────────────────────────────────────────────── the policy ───────────────────────────────────────────────

    private const string CH = Roles.CallHandler, OF = Roles.Officer, SU = Roles.Supervisor, DK = Roles.CommunityFocusDesk,
        CST = Roles.CrimeServiceTeam, REG = Roles.CrimeRegistrar, AN = Roles.Analyst, PC = Roles.PartnerCaseworker,
        AD = Roles.Administrator, AU = Roles.Auditor;

    /// <summary>Force staff who work the operational records: incidents, people, crimes, cases.</summary>
    private static readonly string[] Force = [CH, OF, SU, DK, CST, REG];
    /// <summary>Those who take reports and work them (the force crime registrar decides crimes; she records no incident).</summary>
    private static readonly string[] Takers = [CH, OF, SU, DK, CST];
    private static readonly string[] Thrive = [CH, OF, SU, DK];
    /// <summary>Everyone who works ASB cases: force staff and partner caseworkers.</summary>
    private static readonly string[] Caseworkers = [.. Force, PC];
    /// <summary>The Victims' Code: officers, supervisors, the crime service team, and the call handler and desk who meet victims first.</summary>
    private static readonly string[] VictimCare = [OF, SU, CST, CH, DK];
    private static readonly string[] Reviewers = [SU, DK];
    private static readonly string[] PackReaders = [SU, AN, DK, REG, OF];
    private static readonly string[] Analysis = [AN, SU, DK];
    private static readonly string[] RecordingAudit = [REG, AU];
    private static readonly string[] FeedbackReaders = [SU, AN, CST];
    private static readonly string[] Telephone = [CST, SU];
    private static readonly string[] Referrers = [OF, SU, CST, DK];
    /// <summary>Investigations (decision 0109): officers and supervisors, the crime service team and the crime registrar.</summary>
    private static readonly string[] Investigating = [OF, SU, CST, REG];
    /// <summary>File reviews of finalised investigations: supervisors and the force crime registrar.</summary>
    private static readonly string[] FileReviewers = [SU, REG];
    /// <summary>Figures over investigations (rates, the police.uk outcomes file): supervisors, the registrar and analysts.</summary>
    private static readonly string[] InvestigationFigures = [SU, REG, AN];
    /// <summary>The offender register (decision 0121): read by officers, supervisors, the desk and analysts; never by a partner.</summary>
    private static readonly string[] OffenderReaders = [OF, SU, DK, AN];
    /// <summary>Those who add to the offender register: officers and supervisors.</summary>
    private static readonly string[] OffenderRecorders = [OF, SU];
    private static readonly string[] SignedIn = [.. Roles.All];

    /// <summary>The reader's relation to a record. To force staff every force record is their own, and so is every case: the force works every case.</summary>
    public enum Relation { Own, OtherAgency, Shared, NotShared }

    /// <summary>Which relations an operation on a record serves: reading and working it (own or shared), or changing what only its lead may change.</summary>
    public enum Scope { Sees, Leads }

    public enum Outcome { NotFound, Visible, PurposeRequired }

    /// <summary>What an operation reads: nothing personal, one record's personal data, or a list or search of personal data.</summary>
    public enum Reads { Nothing, Record, List }

    /// <summary>How a row is probed: fully; only those who may not use it (a write that would change the shared data); or not at all.</summary>
    public enum Probe { Full, DeniedOnly, None }

    /// <summary>Scope × relation → whether the reader reaches the record.</summary>
    private static readonly (Scope Scope, Relation Relation, bool Reaches)[] RelationPolicy =
    [
        (Scope.Sees, Relation.Own, true),
        (Scope.Sees, Relation.Shared, true),
        (Scope.Sees, Relation.OtherAgency, false),
        (Scope.Sees, Relation.NotShared, false),
        (Scope.Leads, Relation.Own, true),
        (Scope.Leads, Relation.Shared, false),
        (Scope.Leads, Relation.OtherAgency, false),
        (Scope.Leads, Relation.NotShared, false),
    ];

    /// <summary>The role may use the operation × the reader reaches the record × a sensitive record's personal data is read → the answer.</summary>
    private static readonly (bool MayUse, bool Reaches, bool SensitiveRead, Outcome Outcome)[] OutcomePolicy =
    [
        (false, false, false, Outcome.NotFound),
        (false, false, true, Outcome.NotFound),
        (false, true, false, Outcome.NotFound),
        (false, true, true, Outcome.NotFound),
        (true, false, false, Outcome.NotFound),
        (true, false, true, Outcome.NotFound),
        (true, true, false, Outcome.Visible),
        (true, true, true, Outcome.PurposeRequired),
    ];

    /// <summary>The records an operation can be about; each arranged in its own, other-agency, shared, not-shared, sensitive and plain forms where they exist.</summary>
    public enum Subject
    {
        None, Incident, Person, Identity, Contract, Crime, DeskReview, Case, SharedCasePart, Meeting, Application, Priority, Problem,
        Referral, Survey, RecoveryTask, Alert, Message, RecordingAudit, IdentityReview, Configuration, MaracMeeting, MaracAction, Investigation, FileReview,
        ForensicSubmission, Offender,
    }

    private sealed record Rule(
        string Key, string[] Roles, Subject Subject = Subject.None, Reads Reads = Reads.Nothing, Scope Scope = Scope.Sees,
        Func<World, Instance?, string>? Path = null, Func<World, Instance?, HttpContent?>? Body = null, Probe Probe = Probe.Full,
        bool DataDependent = false, string? Why = null)
    {
        public bool IsPage => Key.StartsWith("PAGE ", StringComparison.Ordinal) || Key.StartsWith("COOKIE ", StringComparison.Ordinal);
        public string Method => Key[..Key.IndexOf(' ', StringComparison.Ordinal)] is "PAGE" or "COOKIE" ? "GET" : Key[..Key.IndexOf(' ', StringComparison.Ordinal)];
        public string Route => Key[(Key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
    }

    private static HttpContent Json(object body) => JsonContent.Create(body);

    private static Rule Get(string route, string[] roles, Subject subject = Subject.None, Reads reads = Reads.Nothing, Scope scope = Scope.Sees,
        Func<World, Instance?, string>? path = null, bool dataDependent = false) =>
        new("GET " + route, roles, subject, reads, scope, path, DataDependent: dataDependent);

    private static Rule Write(string method, string route, string[] roles, Subject subject = Subject.None, Scope scope = Scope.Sees,
        Func<World, Instance?, string>? path = null, Func<World, Instance?, HttpContent?>? body = null, Probe probe = Probe.Full, string? why = null) =>
        new($"{method} {route}", roles, subject, Reads.Nothing, scope, path, body ?? ((_, _) => Json(new { })), probe, Why: why);

    private static Rule Page(string route, string[] roles, Subject subject = Subject.None, Reads reads = Reads.Nothing, Scope scope = Scope.Sees,
        Func<World, Instance?, string>? path = null) =>
        new("PAGE " + route, roles, subject, reads, scope, path);

    private static Rule Unprobed(string key, string why) => new(key, [], Probe: Probe.None, Why: why);

    /// <summary>
    /// Every endpoint and page with who may use it, what record it is about and whether it reads personal data. Keys are
    /// the application's own route patterns ("PAGE" for a page, "COOKIE" for a download a signed-in page user makes).
    /// </summary>
    private static readonly Rule[] Policy =
    [
        // Platform: entry points every visitor needs, and the documents of the API.
        Unprobed("POST /api/v1/auth/login", "sign-in: anonymous by nature; its own tests cover lockout and failures"),
        Unprobed("POST /api/v1/auth/refresh", "token refresh: anonymous by nature, proven by the refresh tests"),
        Unprobed("POST /sign-out", "would end the session the matrix is using"),
        Unprobed("POST /api/v1/auth/sign-out", "would end the session the matrix is using"),
        Get("/health", SignedIn),
        Get("/health/workers", SignedIn),
        Get("/openapi/{documentName}.json", SignedIn, path: (_, _) => "/openapi/v1.json"),
        Unprobed("GET /docs/{documentName?}", "the interactive API reference, anonymous and carrying no data"),
        Unprobed("PAGE /sign-in", "the sign-in page, anonymous"),
        Unprobed("PAGE /not-found", "the page every refusal shows"),
        Unprobed("PAGE /error", "the error page"),
        Unprobed("PAGE /s/{Token}", "a victim's single-use survey link: anonymous, decided by its token (FeedbackTests)"),
        Page("/", SignedIn),
        Page("/admin/configuration", [AD]),
        Page("/admin/configuration/{Key}", [AD], Subject.Configuration, path: (w, _) => $"/admin/configuration/{w.ConfigKey}"),
        Page("/admin/letter-templates", [AD]),
        Page("/admin/letter-templates/{Code}", [AD], path: (_, _) => "/admin/letter-templates/warning-letter"),
        Get("/api/v1/asb/letter-templates", SignedIn),
        Write("PUT", "/api/v1/asb/letter-templates/{code}", [AD], path: (_, _) => "/api/v1/asb/letter-templates/matrix-probe"),
        // The background workers' state: what /health/workers tells monitoring, for those who run the service.
        Page("/admin/workers", [AD]),
        Page("/audit", [AU]),

        // Incidents, first contact and crime recording: force records, never shared with partners.
        Write("POST", "/api/v1/incidents", Takers),
        Get("/api/v1/incidents", Force, reads: Reads.List, path: (_, _) => "/api/v1/incidents?pageSize=5"),
        Get("/api/v1/incidents/{id:long}", Force, Subject.Incident, Reads.Record),
        Write("PUT", "/api/v1/incidents/{id:long}", Takers, Subject.Incident),
        Write("PATCH", "/api/v1/incidents/{id:long}", Takers, Subject.Incident),
        Write("POST", "/api/v1/incidents/{id:long}/thrive", Thrive, Subject.Incident),
        Write("POST", "/api/v1/incidents/{id:long}/assessments", Takers, Subject.Incident),
        Write("POST", "/api/v1/incidents/{id:long}/crime-decisions", Force, Subject.Incident),
        // Managing an incident: notes, links and the closure; the officer in the case of a crime (each refused in the
        // service for a role that may use the operation but not take the step: only a supervisor assigns, only the
        // officer in the case or a supervisor closes).
        Write("POST", "/api/v1/incidents/{id:long}/log", Takers, Subject.Incident),
        Write("POST", "/api/v1/incidents/{id:long}/links", Takers, Subject.Incident),
        Write("POST", "/api/v1/incidents/{id:long}/closure", Takers, Subject.Incident),
        Write("PUT", "/api/v1/incidents/{id:long}/crime-records/{crimeRecordId:long}/officer-in-case", Takers, Subject.Crime,
            path: (_, i) => $"/api/v1/incidents/{i!.AuditIds.Select(x => long.Parse(x, CultureInfo.InvariantCulture)).FirstOrDefault(x => x != i.Id, i.Id)}/crime-records/{i.Id}/officer-in-case"),
        // Everyone's home page work, answered from what each may see: empty lists for those who work no incidents or cases.
        Get("/api/v1/my-work", SignedIn),
        Get("/api/v1/queues/crime-recording", Force),
        Get("/api/v1/queues/attendance", Takers, reads: Reads.List),
        Get("/api/v1/queues/thrive", Thrive),
        Get("/api/v1/reference/incident-types", SignedIn),
        Get("/api/v1/reference/offence-subgroups", SignedIn),
        Get("/api/v1/reference/not-crime-reasons", SignedIn),
        Get("/api/v1/reference/grades", SignedIn),
        Get("/api/v1/reference/incident-results", SignedIn),
        Get("/api/v1/reference/instruments/{code}", SignedIn, path: (_, _) => "/api/v1/reference/instruments/DASH"),
        Get("/api/v1/reference/streets", SignedIn, path: (_, _) => "/api/v1/reference/streets?q=High"),
        Page("/incidents/new", Takers),
        Page("/incidents/{Id:long}", Force, Subject.Incident, Reads.Record),
        Page("/incidents/{Id:long}/thrive", Thrive, Subject.Incident),
        Page("/crimes/{RecordId:long}/decide", Force, Subject.Crime, Reads.Record),
        Page("/queues/crime-recording", Force),
        Page("/queues/attendance", Takers, reads: Reads.List),
        Page("/queues/thrive", Thrive),

        // People and identities: force records; a person on a sensitive incident is sensitive, and so is an identity holding one.
        Get("/api/v1/people", Force, reads: Reads.List, path: (w, _) => $"/api/v1/people?name={w.PlainSurname}"),
        Get("/api/v1/people/{id:long}", Force, Subject.Person, Reads.Record),
        Get("/api/v1/people/history", Force, reads: Reads.List, path: (w, _) => $"/api/v1/people/history?firstName=Margaret&lastName={w.PlainSurname}&dateOfBirth=1944-03-12"),
        Get("/api/v1/people/{id:long}/matches", Force, Subject.Person, Reads.Record),
        Write("POST", "/api/v1/people/{id:long}/merge", Reviewers, Subject.Person),
        Write("POST", "/api/v1/people/suggestions", Takers),
        Get("/api/v1/identities/{id:long}", Force, Subject.Identity, Reads.Record),
        Write("POST", "/api/v1/identities/{id:long}/split", Reviewers, Subject.Identity),
        Get("/api/v1/identities/reviews", Reviewers, reads: Reads.List),
        Write("POST", "/api/v1/identities/reviews/{id:long}", Reviewers, Subject.IdentityReview),
        Get("/api/v1/identities/desk-routings", Reviewers),
        Page("/people/{Id:long}", Force, Subject.Person, Reads.Record),
        Page("/identities/{Id:long}", Force, Subject.Identity, Reads.Record),
        Page("/people/review", Reviewers, reads: Reads.List),
        Page("/people/desk-routings", Reviewers),

        // Victims' Code: contracts and contacts carry the victim's name, needs and special measures.
        Get("/api/v1/victims/contracts", VictimCare, Subject.Contract, Reads.Record, path: (w, i) => $"/api/v1/victims/contracts?incidentId={w.IncidentOfContract[i!.Id]}"),
        Get("/api/v1/victims/contracts/{id:long}", VictimCare, Subject.Contract, Reads.Record),
        Write("PATCH", "/api/v1/victims/contracts/{id:long}", VictimCare, Subject.Contract),
        Write("POST", "/api/v1/victims/contracts/{id:long}/events", VictimCare, Subject.Contract),
        Write("POST", "/api/v1/victims/contacts", VictimCare, Subject.Contract, path: (_, _) => "/api/v1/victims/contacts", body: (_, i) => Json(new { contractId = i!.Id })),
        Get("/api/v1/victims/contacts", VictimCare, Subject.Contract, Reads.Record, path: (_, i) => $"/api/v1/victims/contacts?contractId={i!.Id}"),
        Get("/api/v1/victims/due", [OF, SU, CST], reads: Reads.List),
        Get("/api/v1/victims/escalations", Telephone, reads: Reads.List),
        Get("/api/v1/victims/compliance", FeedbackReaders),
        Page("/victims/due", [OF, SU, CST], reads: Reads.List),
        Page("/victims/escalations", Telephone, reads: Reads.List),
        Page("/victims/contracts/{Id:long}", VictimCare, Subject.Contract, Reads.Record),

        // Supervision of investigations: reviews are read by all who work investigations; completing one, the queues,
        // finalising and re-opening are a supervisor's (each refused in the service, 404, for anyone else).
        Get("/api/v1/investigations/{id:long}/reviews", [OF, SU, CST, REG], Subject.Investigation, Reads.Record),
        Write("POST", "/api/v1/investigations/{id:long}/reviews", [SU], Subject.Investigation),
        Get("/api/v1/investigations/reviews/due", [SU]),
        Write("POST", "/api/v1/investigations/{id:long}/finalisation", [SU], Subject.Investigation),
        Write("POST", "/api/v1/investigations/{id:long}/reopening", [SU], Subject.Investigation),
        Page("/investigations/reviews", [SU]),
        Page("/investigations/{Id:long}/review", [SU], Subject.Investigation, Reads.Record),
        Page("/investigations/{Id:long}/finalise", [SU], Subject.Investigation, Reads.Record),
        Page("/victims/contracts/{Id:long}/contact", VictimCare, Subject.Contract, Reads.Record),

        // Referrals: force staff who refer make, send, change and dismiss them; a partner sees only what was sent to its own
        // agency, and only the receiver (here the partner it was addressed to; no role's demo user is in a receiving team)
        // answers, records contacts, gives feedback and closes.
        Get("/api/v1/referrals", [.. Referrers, PC], reads: Reads.List),
        Get("/api/v1/referrals/worklist", [.. Referrers, PC], reads: Reads.List),
        Get("/api/v1/referrals/{id:long}", [.. Referrers, PC], Subject.Referral, Reads.Record),
        Write("POST", "/api/v1/referrals", Referrers),
        Write("PATCH", "/api/v1/referrals/{id:long}", Referrers, Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/send", Referrers, Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/dismiss", Referrers, Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/accept", [PC], Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/decline", [PC], Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/contacts", [PC], Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/feedback", [PC], Subject.Referral),
        Write("POST", "/api/v1/referrals/{id:long}/close", [PC], Subject.Referral),
        Page("/referrals", [.. Referrers, PC], reads: Reads.List),
        Page("/referrals/{Id:long}", [.. Referrers, PC], Subject.Referral, Reads.Record),
        Page("/referrals/{Id:long}/decline", [PC], Subject.Referral, Reads.Record),
        Page("/incidents/{IncidentId:long}/referrals/new", Referrers, Subject.Incident),

        // Feedback: results for supervisors, analysts and the crime service team; the telephone survey for the team and supervisors.
        Write("POST", "/api/v1/feedback/surveys", Takers),
        Get("/api/v1/feedback/surveys", Telephone),
        Write("POST", "/api/v1/feedback/surveys/{id:long}/answers", Telephone, Subject.Survey),
        Get("/api/v1/feedback/results", FeedbackReaders),
        // Recovering the service after a dissatisfied answer is the supervisor's work (DOMAIN §10); the task quotes the victim.
        Get("/api/v1/feedback/recovery-tasks", [SU]),
        Write("POST", "/api/v1/feedback/recovery-tasks/{id:long}/complete", [SU], Subject.RecoveryTask),
        Get("/api/v1/feedback/alerts", FeedbackReaders),
        Write("POST", "/api/v1/feedback/alerts/{id:long}/acknowledge", [SU], Subject.Alert),
        Page("/feedback", FeedbackReaders),
        Page("/feedback/telephone", Telephone),
        Page("/feedback/telephone/{Id:long}", Telephone, Subject.Survey),

        // Messaging: delivery state for administrators, never a body or a recipient.
        Get("/api/v1/outbox", [AD]),
        Write("POST", "/api/v1/outbox/{id:long}/resend", [AD], Subject.Message),
        Page("/admin/outbox", [AD]),

        // Insight: open-data rates for every signed-in user (decision 61); the pack names victims, and its hotspots guide
        // the patrols the daily management meeting sets (DOMAIN §1, decision 60); near repeat is analysis; the recording
        // audit is for the registrar and auditors (decision 62).
        Get("/api/v1/insight/rates", SignedIn, dataDependent: true),
        Get("/api/v1/insight/hotspots", PackReaders, path: (_, _) => "/api/v1/insight/hotspots?type=Burglary&until=2021-10&areaKm2=5", dataDependent: true),
        Write("POST", "/api/v1/insight/nearrepeat", Analysis),
        Get("/api/v1/insight/pack", PackReaders, reads: Reads.List),
        Get("/api/v1/insight/pack.csv", PackReaders, reads: Reads.List),
        Get("/api/v1/insight/pack.xlsx", PackReaders, reads: Reads.List),
        Write("PUT", "/api/v1/insight/strength", [SU]),
        new Rule("COOKIE /insight/pack.csv", PackReaders, Reads: Reads.List),
        new Rule("COOKIE /insight/pack.xlsx", PackReaders, Reads: Reads.List),
        Write("POST", "/api/v1/audits/crime-recording", RecordingAudit),
        Get("/api/v1/audits/crime-recording", RecordingAudit),
        Get("/api/v1/audits/crime-recording/{id:long}", RecordingAudit, Subject.RecordingAudit),
        Write("PUT", "/api/v1/audits/crime-recording/{id:long}/items/{position:int}", RecordingAudit, Subject.RecordingAudit,
            path: (_, i) => $"/api/v1/audits/crime-recording/{i!.Id}/items/1"),
        Page("/insight/rates", SignedIn),
        Page("/insight/strength", [SU]),
        Page("/insight/pack", PackReaders, reads: Reads.List),
        Page("/audits/crime-recording", RecordingAudit),
        Get("/api/v1/investigations/outcome-rates", InvestigationFigures),
        Get("/api/v1/investigations/outcome-rates.csv", InvestigationFigures),
        Get("/api/v1/investigations/outcomes.csv", InvestigationFigures, path: (_, _) => "/api/v1/investigations/outcomes.csv?month=2026-10"),
        new Rule("COOKIE /investigations/outcome-rates.csv", InvestigationFigures),
        new Rule("COOKIE /investigations/outcomes.csv", InvestigationFigures, Path: (_, _) => "/investigations/outcomes.csv?month=2026-10"),
        Page("/investigations/outcomes", InvestigationFigures),
        Page("/audits/crime-recording/{AuditId:long}", RecordingAudit, Subject.RecordingAudit),
        Page("/audits/crime-recording/{AuditId:long}/items/{Position:int}", RecordingAudit, Subject.RecordingAudit,
            path: (_, i) => $"/audits/crime-recording/{i!.Id}/items/1"),

        // The community focus desk: incidents routed for review, a sensitive one among them.
        Get("/api/v1/asb/desk", Reviewers, reads: Reads.List, path: (_, _) => "/api/v1/asb/desk?pageSize=5"),
        Get("/api/v1/asb/desk/{incidentId:long}", Reviewers, Subject.DeskReview, Reads.Record),
        Write("POST", "/api/v1/asb/desk/{incidentId:long}/review", Reviewers, Subject.DeskReview),
        Page("/asb/desk", Reviewers, reads: Reads.List),
        Page("/asb/desk/{IncidentId:long}", Reviewers, Subject.DeskReview, Reads.Record),

        // ASB cases (decision 41): force staff see every case; a partner its own agency's and those shared with it under an
        // agreement. Only the lead or the police change, close or reopen a case; parties, incidents, shares, reviews and
        // suggestions are police work.
        Get("/api/v1/asb/cases", Caseworkers, reads: Reads.List, path: (w, _) => $"/api/v1/asb/cases?q={w.Marker}&pageSize=100"),
        Get("/api/v1/asb/cases/export", Caseworkers, reads: Reads.List, path: (w, _) => $"/api/v1/asb/cases/export?q={w.Marker}"),
        Write("POST", "/api/v1/asb/cases", Caseworkers),
        Get("/api/v1/asb/cases/{id:long}", Caseworkers, Subject.Case, Reads.Record),
        Write("PATCH", "/api/v1/asb/cases/{id:long}", Caseworkers, Subject.Case, Scope.Leads),
        Get("/api/v1/asb/cases/{id:long}/chronology", Caseworkers, Subject.Case, Reads.Record),
        Get("/api/v1/asb/cases/{id:long}/suggestions", Force, Subject.Case, Reads.Record),
        Write("POST", "/api/v1/asb/cases/{id:long}/parties", Caseworkers, Subject.Case),
        Write("PATCH", "/api/v1/asb/cases/{id:long}/parties/{partyId:long}", Caseworkers, Subject.SharedCasePart,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/parties/{w.PartyId}"),
        Write("POST", "/api/v1/asb/cases/{id:long}/parties/{partyId:long}/removal", Caseworkers, Subject.SharedCasePart,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/parties/{w.PartyId}/removal"),
        Write("POST", "/api/v1/asb/cases/{id:long}/incidents", Force, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/shares", Force, Subject.Case),
        Write("DELETE", "/api/v1/asb/cases/{id:long}/shares/{shareId:long}", Force, Subject.SharedCasePart,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/shares/{w.ShareId}", body: (_, _) => null, probe: Probe.DeniedOnly,
            why: "withdrawing the share would change what the shared case's partner sees for the rest of the run"),
        Write("POST", "/api/v1/asb/cases/{id:long}/actions", Caseworkers, Subject.Case),
        Write("PATCH", "/api/v1/asb/cases/{id:long}/actions/{actionId:long}", Caseworkers, Subject.SharedCasePart,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/actions/{w.ActionId}"),
        Write("POST", "/api/v1/asb/cases/{id:long}/contacts", Caseworkers, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/reviews", Force, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/close", Caseworkers, Subject.Case, Scope.Leads),
        Write("POST", "/api/v1/asb/cases/{id:long}/reopen", Caseworkers, Subject.Case, Scope.Leads),
        Get("/api/v1/asb/actions/mine", Caseworkers),
        Get("/api/v1/asb/sharing-agreements", [.. Force, PC, AD]),
        Write("POST", "/api/v1/asb/sharing-agreements", [AD]),
        Write("POST", "/api/v1/asb/sharing-agreements/{id:long}/end", [AD], path: (_, _) => "/api/v1/asb/sharing-agreements/0/end", probe: Probe.DeniedOnly,
            why: "ending an agreement would take the shared cases from a partner the other rows read as"),
        Page("/sharing-agreements", [.. Force, PC, AD]),
        Get("/api/v1/asb/cases/{id:long}/powers", Caseworkers, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/powers", Caseworkers, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/powers/{powerId:long}/breaches", Caseworkers, Subject.SharedCasePart,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/powers/{w.PowerId}/breaches"),
        Get("/api/v1/asb/cases/{id:long}/powers/expiring", Caseworkers, Subject.Case),
        Get("/api/v1/asb/powers/expiring/mine", Caseworkers),
        Get("/api/v1/asb/cases/{id:long}/documents", Caseworkers, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/documents", Caseworkers, Subject.Case, body: (_, _) => NotADocument()),
        Get("/api/v1/asb/cases/{id:long}/documents/{documentId:long}", Caseworkers, Subject.SharedCasePart, Reads.Record,
            path: (w, i) => $"/api/v1/asb/cases/{i!.Id}/documents/{w.DocumentId}"),
        Write("POST", "/api/v1/asb/cases/{id:long}/letters", Caseworkers, Subject.Case),
        Write("POST", "/api/v1/asb/cases/{id:long}/letters/preview", Caseworkers, Subject.Case),
        new Rule("COOKIE /asb/cases/{id:long}/documents/{documentId:long}", Caseworkers, Subject.SharedCasePart, Reads.Record,
            Path: (w, i) => $"/asb/cases/{i!.Id}/documents/{w.DocumentId}"),
        Get("/api/v1/asb/powers/counts", Caseworkers, path: (_, _) => "/api/v1/asb/powers/counts?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"),
        Page("/asb/cases", Caseworkers, reads: Reads.List),
        Page("/asb/cases/{Id:long}", Caseworkers, Subject.Case, Reads.Record),
        Page("/asb/cases/{Id:long}/parties/new", Caseworkers, Subject.Case, Reads.Record),
        Page("/asb/cases/{Id:long}/parties/{PartyId:long}", Caseworkers, Subject.SharedCasePart, Reads.Record, path: (w, i) => $"/asb/cases/{i!.Id}/parties/{w.PartyId}"),
        Page("/asb/cases/{Id:long}/powers/new", Caseworkers, Subject.Case, Reads.Record),
        Page("/asb/cases/{Id:long}/powers/{PowerId:long}/breaches/new", Caseworkers, Subject.SharedCasePart, Reads.Record,
            path: (w, i) => $"/asb/cases/{i!.Id}/powers/{w.PowerId}/breaches/new"),
        Page("/asb/cases/{Id:long}/documents/new", Caseworkers, Subject.Case, Reads.Record),
        Page("/asb/cases/{Id:long}/letters/new", Caseworkers, Subject.Case, Reads.Record),

        // Multi-agency meetings: the force and the agencies that attended.
        Get("/api/v1/asb/meetings", Caseworkers, path: (_, _) => "/api/v1/asb/meetings?pageSize=100"),
        Write("POST", "/api/v1/asb/meetings", Caseworkers),
        Get("/api/v1/asb/meetings/{id:long}", Caseworkers, Subject.Meeting),
        Write("POST", "/api/v1/asb/meetings/{id:long}/agenda", Caseworkers, Subject.Meeting),
        Page("/meetings", Caseworkers),
        Page("/meetings/new", Caseworkers),
        Page("/meetings/{Id:long}", Caseworkers, Subject.Meeting),

        // MARAC (decision 0108): supervisors and the MARAC co-ordination team (no other officer), partners at the meetings they attended.
        Get("/api/v1/marac/referrals", [SU], reads: Reads.List),
        Write("POST", "/api/v1/marac/referrals", Referrers),
        Get("/api/v1/marac/meetings", [SU, PC]),
        Write("POST", "/api/v1/marac/meetings", [SU]),
        Get("/api/v1/marac/meetings/{id:long}", [SU, PC], Subject.MaracMeeting, Reads.Record),
        Write("POST", "/api/v1/marac/meetings/{id:long}/listings", [SU], Subject.MaracMeeting),
        Write("POST", "/api/v1/marac/meetings/{id:long}/listings/{listingId:long}/actions", [SU], Subject.MaracMeeting,
            path: (w, r) => $"/api/v1/marac/meetings/{r!.Id}/listings/{w.MaracListingId}/actions"),
        Write("POST", "/api/v1/marac/meetings/{id:long}/actions/{actionId:long}/done", [SU, PC], Subject.MaracAction,
            path: (w, r) => $"/api/v1/marac/meetings/{w.MaracMeetingId}/actions/{r!.Id}/done"),
        Page("/marac", [SU, PC]),
        Page("/marac/meetings/new", [SU]),
        Page("/marac/meetings/{Id:long}", [SU, PC], Subject.MaracMeeting, Reads.Record),
        Page("/incidents/{Id:long}/marac-referral", Referrers, Subject.Incident),

        // The digital forensics queue (decision 0114): officers and supervisors submit a device from an investigation they
        // may open; the queue and its submissions are the digital forensics unit's (a team, so no role here works them:
        // each refused in the service), read by supervisors.
        Write("POST", "/api/v1/investigations/{id:long}/forensics", [OF, SU], Subject.Investigation),
        Get("/api/v1/forensics", [SU], reads: Reads.List),
        Get("/api/v1/forensics/{id:long}", [SU], Subject.ForensicSubmission, Reads.Record),
        Write("POST", "/api/v1/forensics/{id:long}/movements", [], Subject.ForensicSubmission),
        Write("POST", "/api/v1/forensics/{id:long}/triage", [], Subject.ForensicSubmission),
        Write("POST", "/api/v1/forensics/{id:long}/examination", [], Subject.ForensicSubmission),
        Page("/forensics", [SU], reads: Reads.List),
        Page("/forensics/{Id:long}", [SU], Subject.ForensicSubmission, Reads.Record),
        Page("/investigations/{Id:long}/forensics/new", [OF, SU], Subject.Investigation),

        // The Community Trigger: the force and the lead agency of the application's case.
        Get("/api/v1/asb/community-trigger/flagged", Caseworkers),
        Get("/api/v1/asb/community-trigger/cases/{caseId:long}", Caseworkers, Subject.Case, path: (_, i) => $"/api/v1/asb/community-trigger/cases/{i!.Id}"),
        Get("/api/v1/asb/community-trigger/applications", Caseworkers, reads: Reads.List, path: (_, _) => "/api/v1/asb/community-trigger/applications?pageSize=500"),
        Write("POST", "/api/v1/asb/community-trigger/applications", Caseworkers),
        Get("/api/v1/asb/community-trigger/applications/{id:long}", Caseworkers, Subject.Application, Reads.Record),
        Write("POST", "/api/v1/asb/community-trigger/applications/{id:long}/decision", Caseworkers, Subject.Application),
        Write("POST", "/api/v1/asb/community-trigger/applications/{id:long}/review", Caseworkers, Subject.Application),
        Write("POST", "/api/v1/asb/community-trigger/applications/{id:long}/recommendations", Caseworkers, Subject.Application),
        Write("PATCH", "/api/v1/asb/community-trigger/applications/{id:long}/recommendations/{recommendationId:long}", Caseworkers, Subject.Application,
            path: (w, i) => $"/api/v1/asb/community-trigger/applications/{i!.Id}/recommendations/{w.RecommendationId}"),
        Get("/api/v1/asb/community-trigger/figures", Caseworkers, path: (_, _) => "/api/v1/asb/community-trigger/figures?year=2026"),
        Page("/asb/community-trigger", Caseworkers),
        Page("/asb/community-trigger/applications/new", Caseworkers),
        Page("/asb/community-trigger/applications/{Id:long}", Caseworkers, Subject.Application, Reads.Record),
        Get("/api/v1/asb/community-trigger/figures/export", Caseworkers, path: (_, _) => "/api/v1/asb/community-trigger/figures/export?year=2026"),
        new Rule("COOKIE /asb/community-trigger/figures.csv", Caseworkers, Path: (_, _) => "/asb/community-trigger/figures.csv?year=2026"),

        // Neighbourhood priorities (decision 46): every caseworker reads those of their district (a county-wide agency all);
        // force staff set them; a partner records its own actions.
        Get("/api/v1/asb/priorities", Caseworkers),
        Write("POST", "/api/v1/asb/priorities", Force),
        Get("/api/v1/asb/priorities/{id:long}", Caseworkers, Subject.Priority),
        Write("PUT", "/api/v1/asb/priorities/{id:long}", Force, Subject.Priority),
        Write("POST", "/api/v1/asb/priorities/{id:long}/actions", Caseworkers, Subject.Priority),
        Page("/asb/priorities", Caseworkers),
        Page("/asb/priorities/{Id:long}", Caseworkers, Subject.Priority),

        // Problem solving and what works, with its list of tactics: every caseworker.
        Get("/api/v1/problems/tactics", Caseworkers),
        Get("/api/v1/problems", Caseworkers),
        Write("POST", "/api/v1/problems", Caseworkers),
        Get("/api/v1/problems/{id:long}", Caseworkers, Subject.Problem),
        Write("PUT", "/api/v1/problems/{id:long}", Caseworkers, Subject.Problem),
        Get("/api/v1/practice", Caseworkers),
        Page("/practice", Caseworkers),
        Page("/problems/{Id:long}", Caseworkers, Subject.Problem),
        Page("/problems", Caseworkers),
        Page("/problems/new", Caseworkers),

        // Investigations (decisions 0109, 0110): the force's alone; only a supervisor allocates, from the queue with the workload.
        Get("/api/v1/investigations", Investigating, reads: Reads.List, path: (_, _) => "/api/v1/investigations?pageSize=5"),
        Get("/api/v1/investigations/{id:long}", Investigating, Subject.Investigation, Reads.Record),
        Get("/api/v1/investigations/allocation-queue", [SU], reads: Reads.List, path: (_, _) => "/api/v1/investigations/allocation-queue?pageSize=5"),
        Get("/api/v1/investigations/workload", [SU]),
        Write("POST", "/api/v1/investigations/{id:long}/allocation", [SU], Subject.Investigation),
        Page("/investigations", Investigating, reads: Reads.List, path: (_, _) => "/investigations?show=all"),
        Page("/investigations/allocate", [SU], reads: Reads.List),
        Page("/investigations/{Id:long}", Investigating, Subject.Investigation, Reads.Record),
        Page("/investigations/{Id:long}/allocate", [SU], Subject.Investigation, Reads.Record),

        // File reviews (decision 0115): supervisors and the force crime registrar sample finalised investigations.
        Write("POST", "/api/v1/investigations/file-reviews", FileReviewers),
        Get("/api/v1/investigations/file-reviews", FileReviewers),
        Get("/api/v1/investigations/file-reviews/{id:long}", FileReviewers, Subject.FileReview),
        Write("PUT", "/api/v1/investigations/file-reviews/{id:long}/items/{position:int}", FileReviewers, Subject.FileReview,
            path: (_, i) => $"/api/v1/investigations/file-reviews/{i!.Id}/items/1"),
        Page("/investigations/file-reviews", FileReviewers),
        Page("/investigations/file-reviews/{Id:long}", FileReviewers, Subject.FileReview),
        Page("/investigations/file-reviews/{ReviewId:long}/items/{Position:int}", FileReviewers, Subject.FileReview,
            path: (_, i) => $"/investigations/file-reviews/{i!.Id}/items/1"),
        // An investigation's plan (decision 0111): the force's investigation roles read it; its investigator or any supervisor
        // changes it. The matrix's investigations are not allocated, so an officer is refused them as one not on them.
        Get("/api/v1/investigations/actions/mine", Investigating, reads: Reads.List),
        Get("/api/v1/investigations/{id:long}/plan", Investigating, Subject.Investigation, Reads.Record),
        Write("PATCH", "/api/v1/investigations/{id:long}/plan", [SU], Subject.Investigation),
        Write("POST", "/api/v1/investigations/{id:long}/plan/hypotheses", [SU], Subject.Investigation),
        Write("PATCH", "/api/v1/investigations/{id:long}/plan/hypotheses/{hypothesisId:long}", [SU], Subject.Investigation,
            path: (w, i) => $"/api/v1/investigations/{i!.Id}/plan/hypotheses/{w.PlanParts[i.Id].Hypothesis}"),
        Write("POST", "/api/v1/investigations/{id:long}/plan/lines-of-enquiry", [SU], Subject.Investigation),
        Write("PATCH", "/api/v1/investigations/{id:long}/plan/lines-of-enquiry/{lineId:long}", [SU], Subject.Investigation,
            path: (w, i) => $"/api/v1/investigations/{i!.Id}/plan/lines-of-enquiry/{w.PlanParts[i.Id].Line}"),
        Write("POST", "/api/v1/investigations/{id:long}/plan/actions", [SU], Subject.Investigation),
        Write("POST", "/api/v1/investigations/{id:long}/plan/actions/{actionId:long}/complete", [SU], Subject.Investigation,
            path: (w, i) => $"/api/v1/investigations/{i!.Id}/plan/actions/{w.PlanParts[i.Id].Action}/complete"),
        Write("POST", "/api/v1/investigations/{id:long}/plan/decisions", [SU], Subject.Investigation),
        Write("PUT", "/api/v1/investigations/{id:long}/plan/strategies/{section}", [SU], Subject.Investigation,
            path: (_, i) => $"/api/v1/investigations/{i!.Id}/plan/strategies/Victim"),
        Page("/investigations/actions", Investigating),
        Page("/investigations/{Id:long}/plan", Investigating, Subject.Investigation, Reads.Record),

        // The offender register (decision 0121): the force's alone; a partner sees none of it, intelligence and markers included.
        Get("/api/v1/offenders", OffenderReaders, reads: Reads.List, path: (w, _) => $"/api/v1/offenders?name={w.PlainSurname}"),
        Get("/api/v1/offenders/released", OffenderReaders, reads: Reads.List),
        Get("/api/v1/offenders/reminders", OffenderReaders, reads: Reads.List),
        Get("/api/v1/offenders/offence-types", OffenderReaders),
        Get("/api/v1/offenders/marker-kinds", OffenderReaders),
        Get("/api/v1/offenders/{id:long}", OffenderReaders, Subject.Offender, Reads.Record),
        Write("POST", "/api/v1/offenders", OffenderRecorders),
        Write("POST", "/api/v1/offenders/import", OffenderRecorders, body: (_, _) => new StringContent("", System.Text.Encoding.UTF8, "text/csv")),
        Write("POST", "/api/v1/offenders/{id:long}/arrests", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/charges", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/sanctions", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/custody", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/custody/{spellId:long}/release", OffenderRecorders, Subject.Offender,
            path: (w, i) => $"/api/v1/offenders/{i!.Id}/custody/{w.OffenderSpellId}/release"),
        Write("POST", "/api/v1/offenders/{id:long}/conditions", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/conditions/{conditionId:long}/breaches", OffenderRecorders, Subject.Offender,
            path: (w, i) => $"/api/v1/offenders/{i!.Id}/conditions/{w.OffenderConditionId}/breaches"),
        Write("POST", "/api/v1/offenders/{id:long}/markers", OffenderRecorders, Subject.Offender),
        Write("POST", "/api/v1/offenders/{id:long}/intelligence", OffenderRecorders, Subject.Offender),
        Page("/offenders", OffenderReaders, reads: Reads.List, path: (w, _) => $"/offenders?search=1&name={w.PlainSurname}"),
        Page("/offenders/released", OffenderReaders, reads: Reads.List),
        Page("/offenders/new", OffenderRecorders),
        Page("/offenders/import", OffenderRecorders),
        Page("/offenders/{Id:long}", OffenderReaders, Subject.Offender, Reads.Record),
        Page("/offenders/{Id:long}/add/{Kind}", OffenderRecorders, Subject.Offender, Reads.Record, path: (_, i) => $"/offenders/{i!.Id}/add/intelligence"),

        // The search box (decision 0088): force staff find the force's records, a partner only the cases it may see.
        Get("/api/v1/search", Caseworkers, reads: Reads.List, path: (w, _) => $"/api/v1/search?q={w.Marker}"),
        Page("/search", Caseworkers, reads: Reads.List, path: (w, _) => $"/search?q={w.Marker}"),
    ];

    /// <summary>What the policy expects of one principal on one record through one operation.</summary>
    private static Outcome Expected(Rule rule, Principal who, Instance? record)
    {
        var mayUse = rule.Roles.Contains(who.Role);
        var relation = record?.RelationTo(who) ?? Relation.Own;
        var reaches = RelationPolicy.Single(p => p.Scope == rule.Scope && p.Relation == relation).Reaches;
        var sensitiveRead = record?.Sensitive == true && rule.Reads == Reads.Record;
        return OutcomePolicy.Single(p => p.MayUse == mayUse && p.Reaches == reaches && p.SensitiveRead == sensitiveRead).Outcome;
    }

    private static MultipartFormDataContent NotADocument()
    {
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent("not a document"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "probe.pdf");
        upload.Add(new StringContent("probe"), "description");
        return upload;
    }

    // ─────────────────────────────────────────────── the tests ───────────────────────────────────────────────

    [Fact]
    public async Task Every_endpoint_and_page_of_the_application_has_a_row_in_the_policy()
    {
        var app = await fixture.App(DatabaseProvider.Sqlite);
        var keys = EndpointKeys(app);
        var missing = keys.Except(Policy.Select(r => r.Key)).Order(StringComparer.Ordinal).ToList();
        var stale = Policy.Select(r => r.Key).Except(keys).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "Endpoints without a row in the authorization policy:" + Environment.NewLine + string.Join(Environment.NewLine, missing));
        Assert.True(stale.Count == 0, "Policy rows naming no endpoint:" + Environment.NewLine + string.Join(Environment.NewLine, stale));
        Assert.Equal(Policy.Length, Policy.Select(r => r.Key).Distinct().Count());
        Assert.All(Policy.Where(r => r.Probe == Probe.None || r.Probe == Probe.DeniedOnly), r => Assert.False(string.IsNullOrWhiteSpace(r.Why)));
    }

    /// <summary>The application's endpoints as "METHOD pattern", pages as "PAGE pattern"; a GET reached with the page cookie outside the API is "COOKIE pattern".</summary>
    private static HashSet<string> EndpointKeys(SafetyNetApp app)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            pattern = "/" + pattern.Trim('/');
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                keys.Add("PAGE " + pattern);
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [];
            if (IsStaticAsset(endpoint) || methods.Count == 0)
            {
                continue;
            }
            foreach (var method in methods)
            {
                var api = pattern.StartsWith("/api/", StringComparison.Ordinal) || pattern.StartsWith("/health", StringComparison.Ordinal) || pattern.StartsWith("/openapi/", StringComparison.Ordinal)
                    || pattern.StartsWith("/docs", StringComparison.Ordinal) || method != "GET";
                keys.Add($"{(api ? method : "COOKIE")} {pattern}");
            }
        }
        return keys;
    }

    /// <summary>Files: the built styles and scripts, and the API reference page's own scripts.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.RoutePattern.RawText is { } raw
        && (raw.Contains(":file}", StringComparison.Ordinal) || raw.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal)
            || (!raw.Contains('{', StringComparison.Ordinal) && FileName().IsMatch(raw)));

    [GeneratedRegex(@"\.(m?js|css|json|svg|png|ico|woff2?|map|gz|br)$")]
    private static partial Regex FileName();

    [Theory, Providers]
    public async Task Every_api_operation_answers_404_to_those_not_entitled_asks_a_purpose_for_sensitive_records_and_audits_every_read_of_personal_data(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var world = await WorldAsync(app);
        var probes = Policy.Where(r => !r.IsPage && r.Probe != Probe.None)
            .SelectMany(rule => world.Combinations(rule).Select(c => (Rule: rule, c.Who, c.Record, Expected: Expected(rule, c.Who, c.Record))))
            .Where(p => p.Rule.Probe != Probe.DeniedOnly || p.Expected == Outcome.NotFound)
            .ToList();
        // Each principal's probes run in order; principals run side by side, so each audit event is the reader's own.
        var failures = new List<string>();
        await Task.WhenAll(probes.GroupBy(p => p.Who).Select(async lane =>
        {
            var found = new List<string>();
            foreach (var (rule, who, record, expected) in lane)
            {
                await CheckApiAsync(app, world, rule, who, record, expected, found);
            }
            lock (failures)
            {
                failures.AddRange(found);
            }
        }));
        failures.Sort(StringComparer.Ordinal);
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the policy:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [Theory, Providers]
    public async Task Every_page_answers_404_to_those_not_entitled_and_shows_a_sensitive_record_only_after_a_purpose(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var world = await WorldAsync(app);
        var failures = new List<string>();
        var probes = Policy.Where(r => r.IsPage && r.Probe != Probe.None)
            .SelectMany(rule => world.Combinations(rule).Select(c => (Rule: rule, c.Who, c.Record))).ToList();
        await Task.WhenAll(probes.GroupBy(p => p.Who).Select(async lane =>
        {
            var browser = await app.CreateClientSignedInAsync(lane.Key.Email);
            var found = new List<string>();
            foreach (var (rule, who, record) in lane)
            {
                await CheckPageAsync(app, world, rule, who, browser, record, Expected(rule, who, record), found);
            }
            lock (failures)
            {
                failures.AddRange(found);
            }
        }));
        failures.Sort(StringComparer.Ordinal);
        Assert.True(failures.Count == 0, $"{failures.Count} pages differ from the policy:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>
    /// Lists, searches, exports and agendas hold exactly what the reader may open: a record the policy answers 404 for is
    /// absent from every list, and a record one may not see cannot be put on an agenda or a trigger application.
    /// </summary>
    [Theory, Providers]
    public async Task Lists_searches_exports_and_agendas_leave_out_every_record_the_reader_may_not_open(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var world = await WorldAsync(app);
        var failures = new List<string>();
        bool Opens(string key, Principal who, Instance record) => Expected(Policy.Single(r => r.Key == key), who, record) != Outcome.NotFound;
        bool MayUse(string key, Principal who) => Policy.Single(r => r.Key == key).Roles.Contains(who.Role);
        var cases = world.Instances[Subject.Case];
        var references = await app.WithDbAsync(db => db.AsbCases.Where(c => cases.Select(i => i.Id).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference));
        var other = cases.Single(c => c.Id == world.Cases.Other);
        var meeting = world.Instances[Subject.Meeting].Single();
        var application = world.Instances[Subject.Application].Single();

        foreach (var who in world.Principals)
        {
            if (MayUse("GET /api/v1/asb/cases", who))
            {
                var list = await who.Api.GetFromJsonAsync<JsonElement>($"/api/v1/asb/cases?q={world.Marker}&pageSize=100");
                var listed = list.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToHashSet();
                var csv = await who.Api.GetStringAsync($"/api/v1/asb/cases/export?q={world.Marker}");
                Expect(list.GetProperty("total").GetInt32() == cases.Count(c => Opens("GET /api/v1/asb/cases/{id:long}", who, c)),
                    $"{who.Name}: case search counts {list.GetProperty("total").GetInt32()}", failures);
                foreach (var c in cases)
                {
                    var opens = Opens("GET /api/v1/asb/cases/{id:long}", who, c);
                    Expect(listed.Contains(c.Id) == opens, $"{who.Name} × {c.Label}: in the case search = {listed.Contains(c.Id)}", failures);
                    Expect(csv.Contains(references[c.Id], StringComparison.Ordinal) == opens, $"{who.Name} × {c.Label}: in the export = {!opens}", failures);
                }
                var mine = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/actions/mine");
                Expect(!mine.EnumerateArray().Any(a => a.GetProperty("title").GetString()!.Contains(world.Marker, StringComparison.Ordinal)
                    && !cases.Any(c => c.Id == a.GetProperty("caseId").GetInt64() && Opens("GET /api/v1/asb/cases/{id:long}", who, c))),
                    $"{who.Name}: an action on a case they may not open is among their actions", failures);

                var applications = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/applications?pageSize=500");
                var applicationListed = applications.GetProperty("items").EnumerateArray().Any(a => a.Id() == application.Id);
                Expect(applicationListed == Opens("GET /api/v1/asb/community-trigger/applications/{id:long}", who, application),
                    $"{who.Name}: trigger application listed = {applicationListed}", failures);
                var flagged = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/community-trigger/flagged");
                Expect(flagged.EnumerateArray().Select(f => f.GetProperty("caseId").GetInt64())
                    .All(id => cases.All(c => c.Id != id || Opens("GET /api/v1/asb/cases/{id:long}", who, c))), $"{who.Name}: a flagged case they may not open", failures);

                var meetings = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/meetings?pageSize=100");
                var meetingListed = meetings.GetProperty("items").EnumerateArray().Any(m => m.Id() == meeting.Id);
                var attends = Opens("GET /api/v1/asb/meetings/{id:long}", who, meeting);
                Expect(meetingListed == attends, $"{who.Name}: meeting listed = {meetingListed}", failures);
                if (attends)
                {
                    var agenda = (await who.Api.GetFromJsonAsync<JsonElement>($"/api/v1/asb/meetings/{meeting.Id}")).GetProperty("agenda").EnumerateArray()
                        .Select(i => i.GetProperty("caseId").GetInt64()).ToHashSet();
                    foreach (var c in cases.Where(c => c.Id != other.Id))
                    {
                        Expect(agenda.Contains(c.Id) == Opens("GET /api/v1/asb/cases/{id:long}", who, c), $"{who.Name} × {c.Label}: on the agenda = {agenda.Contains(c.Id)}", failures);
                    }
                }
                // A case one may not open cannot go on an agenda or a trigger application, however valid the request.
                var item = await who.Api.PostAsJsonAsync($"/api/v1/asb/meetings/{meeting.Id}/agenda", new { caseId = other.Id, decision = $"probe {world.Marker}" });
                var mayAdd = attends && Opens("GET /api/v1/asb/cases/{id:long}", who, other);
                Expect(item.StatusCode == (!attends ? HttpStatusCode.NotFound : mayAdd ? HttpStatusCode.Created : HttpStatusCode.BadRequest),
                    $"{who.Name}: agenda item for the other agency's case {(int)item.StatusCode}", failures);
                foreach (var c in cases.Where(c => !Opens("GET /api/v1/asb/cases/{id:long}", who, c)))
                {
                    var trigger = await who.Api.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new { caseId = c.Id, applicantName = $"probe {world.Marker}", summary = "probe" });
                    Expect(trigger.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{who.Name} × {c.Label}: trigger application {(int)trigger.StatusCode}", failures);
                }

                var priorities = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/priorities?pageSize=500");
                var prioritiesListed = priorities.GetProperty("items").EnumerateArray().Select(p => p.Id()).ToHashSet();
                foreach (var p in world.Instances[Subject.Priority])
                {
                    Expect(prioritiesListed.Contains(p.Id) == Opens("GET /api/v1/asb/priorities/{id:long}", who, p), $"{who.Name} × {p.Label}: listed = {prioritiesListed.Contains(p.Id)}", failures);
                }
            }
            if (MayUse("GET /api/v1/referrals", who))
            {
                var referrals = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/referrals?pageSize=500");
                var listed = referrals.GetProperty("items").EnumerateArray().Select(r => r.Id()).ToHashSet();
                foreach (var r in world.Instances[Subject.Referral])
                {
                    Expect(listed.Contains(r.Id) == Opens("GET /api/v1/referrals/{id:long}", who, r), $"{who.Name} × {r.Label}: listed = {listed.Contains(r.Id)}", failures);
                }
            }
            if (MayUse("GET /api/v1/people", who))
            {
                var people = await who.Api.GetFromJsonAsync<JsonElement>($"/api/v1/people?name={world.PlainSurname}");
                Expect(people.GetProperty("total").GetInt32() > 0, $"{who.Name}: the person search finds nobody", failures);
                var history = await who.Api.GetFromJsonAsync<JsonElement>($"/api/v1/people/history?firstName=Margaret&lastName={world.PlainSurname}&dateOfBirth=1944-03-12");
                Expect(history.GetProperty("person").GetArrayLength() > 0, $"{who.Name}: the person's earlier contact is not found", failures);
            }
            if (MayUse("GET /api/v1/asb/desk", who))
            {
                var queue = await who.Api.GetFromJsonAsync<JsonElement>("/api/v1/asb/desk?pageSize=500");
                Expect(queue.GetProperty("total").GetInt32() > 0, $"{who.Name}: the desk queue is empty", failures);
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.False(await app.WithDbAsync(db => db.TriggerApplications.AnyAsync(a => a.ApplicantName == $"probe {world.Marker}")), "a trigger application was recorded on a case its author may not open");
        var probes = await app.WithDbAsync(db => db.MeetingItems.CountAsync(i => i.MeetingId == meeting.Id && i.CaseId == other.Id));
        Assert.Equal(world.Principals.Count(p => p.Agency is null && MayUse("POST /api/v1/asb/meetings/{id:long}/agenda", p)), probes);
    }

    private static string PathOf(World world, Rule rule, Instance? record) =>
        rule.Path?.Invoke(world, record) ?? (record is null ? rule.Route : Placeholder().Replace(rule.Route, record.Id.ToString(CultureInfo.InvariantCulture), 1));

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    private static async Task CheckApiAsync(SafetyNetApp app, World world, Rule rule, Principal who, Instance? record, Outcome expected, List<string> failures)
    {
        var path = PathOf(world, rule, record);
        var label = $"{rule.Key} × {who.Name}{(record is null ? "" : " × " + record.Label)}";
        var mark = rule.Reads == Reads.Nothing || expected != Outcome.Visible ? 0 : await AuditMarkAsync(app);
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), path) { Content = rule.Body?.Invoke(world, record) };
        using var response = await who.Api.SendAsync(request);
        var status = response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        switch (expected)
        {
            case Outcome.NotFound:
                Expect(status == HttpStatusCode.NotFound, $"{label}: expected 404, got {(int)status}", failures);
                break;
            case Outcome.Visible when rule.Method != "GET":
                Expect(status is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && (int)status < 500,
                    $"{label}: expected the operation to be open to this user, got {(int)status}", failures);
                break;
            case Outcome.Visible:
                // Open data is imported by other tests or not at all: without it, rates answer 404 "No open data" and hotspots a 400.
                var refusedOrFailed = !(rule.DataDependent
                    ? status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && (int)status < 500
                        && (status != HttpStatusCode.NotFound || body.Contains("No open data", StringComparison.Ordinal))
                    : status == HttpStatusCode.OK);
                if (refusedOrFailed)
                {
                    failures.Add($"{label}: expected 200, got {(int)status}");
                    break;
                }
                // A list that answers nothing has read no one's personal data.
                if (rule.Reads != Reads.List || !IsEmptyList(body))
                {
                    await ExpectAuditAsync(app, rule, who, record, mark, null, label, failures);
                }
                break;
            case Outcome.PurposeRequired:
                Expect(status == HttpStatusCode.BadRequest && body.Contains("X-Purpose", StringComparison.Ordinal),
                    $"{label}: without a purpose expected 400 naming X-Purpose, got {(int)status}", failures);
                Expect(!body.Contains(world.SensitiveSurname, StringComparison.Ordinal), $"{label}: the sensitive record's personal data was answered without a purpose", failures);
                var purpose = $"Safeguarding visit {Guid.NewGuid():N}"[..30];
                mark = await AuditMarkAsync(app);
                using (var again = new HttpRequestMessage(HttpMethod.Get, path))
                {
                    again.Headers.Add("X-Purpose", purpose);
                    using var answered = await who.Api.SendAsync(again);
                    if (answered.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{label}: with a purpose expected 200, got {(int)answered.StatusCode}");
                        break;
                    }
                }
                await ExpectAuditAsync(app, rule, who, record, mark, purpose, label, failures);
                break;
        }
    }

    private static async Task CheckPageAsync(SafetyNetApp app, World world, Rule rule, Principal who, HttpClient browser, Instance? record, Outcome expected, List<string> failures)
    {
        var path = PathOf(world, rule, record);
        var label = $"{rule.Key} × {who.Name}{(record is null ? "" : " × " + record.Label)}";
        var mark = rule.Reads == Reads.Nothing || expected != Outcome.Visible ? 0 : await AuditMarkAsync(app);
        using var response = await browser.GetAsync(path);
        var status = response.StatusCode;
        switch (expected)
        {
            case Outcome.NotFound:
                Expect(status == HttpStatusCode.NotFound, $"{label}: expected 404, got {(int)status}", failures);
                break;
            case Outcome.Visible:
                if (status != HttpStatusCode.OK)
                {
                    failures.Add($"{label}: expected 200, got {(int)status}");
                    break;
                }
                await ExpectAuditAsync(app, rule, who, record, mark, null, label, failures);
                break;
            case Outcome.PurposeRequired:
                var page = await response.Content.ReadAsStringAsync();
                if (status != HttpStatusCode.OK)
                {
                    failures.Add($"{label}: expected the purpose form (200), got {(int)status}");
                    break;
                }
                Expect(!page.Contains(world.SensitiveSurname, StringComparison.Ordinal), $"{label}: the sensitive record's personal data is shown before a purpose", failures);
                var form = PurposeForm().Match(page);
                if (!form.Success)
                {
                    failures.Add($"{label}: no purpose form");
                    break;
                }
                var fields = HiddenField().Matches(form.Value).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
                var purpose = $"Safeguarding visit {Guid.NewGuid():N}"[..30];
                fields[form.Groups["field"].Value] = purpose;
                mark = await AuditMarkAsync(app);
                using (var posted = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
                {
                    var shown = await posted.Content.ReadAsStringAsync();
                    Expect(posted.StatusCode == HttpStatusCode.OK && shown.Contains(world.SensitiveSurname, StringComparison.Ordinal),
                        $"{label}: with a purpose expected the record ({(int)posted.StatusCode})", failures);
                }
                await ExpectAuditAsync(app, rule, who, record, mark, purpose, label, failures);
                break;
        }
    }

    /// <summary>The form holding a field named purpose, and that field's name.</summary>
    [GeneratedRegex("""<form[^>]*method="post"[^>]*>(?:(?!</form>).)*?name="(?<field>[^"]*[Pp]urpose)"(?:(?!</form>).)*</form>""", RegexOptions.Singleline)]
    private static partial Regex PurposeForm();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenField();

    [GeneratedRegex(@"records=(?<ids>[0-9]+(,[0-9]+)*)")]
    private static partial Regex RecordsNamed();

    /// <summary>An answer that lists nothing: an empty array, or a page of no items.</summary>
    private static bool IsEmptyList(string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            return json.ValueKind == JsonValueKind.Array ? json.GetArrayLength() == 0
                : json.ValueKind == JsonValueKind.Object && json.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Expect(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }

    private static Task<long> AuditMarkAsync(SafetyNetApp app) => app.WithDbAsync(db => db.AuditEvents.MaxAsync(e => (long?)e.Id).ContinueWith(t => t.Result ?? 0));

    /// <summary>A read of personal data leaves an audit event by the reader: naming the record, and its purpose where one was given.</summary>
    private static async Task ExpectAuditAsync(SafetyNetApp app, Rule rule, Principal who, Instance? record, long mark, string? purpose, string label, List<string> failures)
    {
        if (rule.Reads == Reads.Nothing)
        {
            return;
        }
        var events = await app.WithDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > mark && e.UserId == who.UserId)
            .Select(e => new { e.RecordId, e.Purpose, e.Details }).ToListAsync());
        // An event names its record, or a list's event names every record it answered ("records=4,9,12").
        var audited = rule.Reads == Reads.List || record is null
            ? events.Count > 0
            : events.Any(e => e.RecordId is not null && record.AuditIds.Contains(e.RecordId)
                || e.Details is not null && RecordsNamed().Match(e.Details) is { Success: true } named
                    && named.Groups["ids"].Value.Split(',').Any(record.AuditIds.Contains));
        Expect(audited, $"{label}: no audit event{(rule.Reads == Reads.Record && record is not null ? " naming the record" : "")} for a read of personal data", failures);
        if (purpose is not null)
        {
            Expect(events.Any(e => e.Purpose == purpose), $"{label}: the audit event does not keep the purpose", failures);
        }
    }

    // ─────────────────────────────────────────────── the arranged world ───────────────────────────────────────────────

    private sealed record Principal(string Name, string Role, string Email, string? Agency, string UserId, HttpClient Api);

    private sealed record Instance(string Label, long Id, bool Sensitive, Func<Principal, Relation> RelationTo, IReadOnlySet<string> AuditIds);

    private sealed class World
    {
        public required string Marker { get; init; }
        public required string SensitiveSurname { get; init; }
        public required string PlainSurname { get; init; }
        public required List<Principal> Principals { get; init; }
        public required Dictionary<Subject, List<Instance>> Instances { get; init; }
        public required Dictionary<long, long> IncidentOfContract { get; init; }
        public required Cases Cases { get; init; }
        public long ShareId { get; init; }
        public long ActionId { get; init; }
        public long PowerId { get; init; }
        public long DocumentId { get; init; }
        public long PartyId { get; init; }
        public long RecommendationId { get; init; }
        public required string ConfigKey { get; init; }
        public long MaracMeetingId { get; init; }
        public long MaracListingId { get; init; }
        /// <summary>Each investigation's hypothesis, line of enquiry and action, by investigation.</summary>
        public Dictionary<long, (long Hypothesis, long Line, long Action)> PlanParts { get; init; } = [];
        /// <summary>The register's offender's open custody and licence conditions.</summary>
        public long OffenderSpellId { get; init; }
        public long OffenderConditionId { get; init; }

        public IEnumerable<Instance?> InstancesOf(Subject subject) => subject == Subject.None ? new Instance?[] { null } : Instances[subject];

        /// <summary>
        /// The principals and records to probe an operation with: every record, and for each combination of role, relation
        /// and sensitivity the first principal who has it (the policy's answer depends on nothing else).
        /// </summary>
        public IEnumerable<(Principal Who, Instance? Record)> Combinations(Rule rule)
        {
            var seen = new HashSet<(string, Relation, bool)>();
            foreach (var record in InstancesOf(rule.Subject))
            {
                foreach (var who in Principals)
                {
                    if (seen.Add((who.Role, record?.RelationTo(who) ?? Relation.Own, record?.Sensitive ?? false)))
                    {
                        yield return (who, record);
                    }
                }
            }
        }
    }

    /// <summary>The four ASB cases of the matrix, by their relation to Watford council's caseworker.</summary>
    private sealed record Cases(long Own, long Other, long Shared, long NotShared, long Application, long Meeting)
    {
        public IEnumerable<(string Label, long Id)> All => [("own case", Own), ("other agency's case", Other), ("shared case", Shared), ("case not shared", NotShared)];
    }

    private static readonly ConditionalWeakTable<SafetyNetApp, Task<World>> Worlds = [];

    /// <summary>The world is arranged once per application, for every test of the matrix.</summary>
    private static Task<World> WorldAsync(SafetyNetApp app)
    {
        lock (Worlds)
        {
            if (!Worlds.TryGetValue(app, out var world))
            {
                world = ArrangeAsync(app);
                Worlds.Add(app, world);
            }
            return world;
        }
    }

    private static async Task<World> ArrangeAsync(SafetyNetApp app)
    {
        var marker = $"M{Guid.NewGuid():N}"[..14];
        var secret = $"Zs{Guid.NewGuid():N}"[..12];
        var plain = $"Zp{Guid.NewGuid():N}"[..12];
        var now = app.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(ForceClock.ToLocal(now).DateTime);
        var handler = await app.ClientForAsync(CH);
        var desk = await app.ClientForAsync(DK);
        var supervisor = await app.ClientForAsync(SU);
        var officer = await app.ClientForAsync(OF);
        var agencies = await app.WithDbAsync(db => db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => new { a.Id, a.Kind, a.District }));
        var agencyCodes = agencies.ToDictionary(a => a.Value.Id, a => a.Key);
        var agreements = (await app.WithDbAsync(db => db.SharingAgreements.AsNoTracking().Where(a => a.StartsOn <= today && (a.EndsOn == null || a.EndsOn >= today))
            .Select(a => a.AgencyId).ToListAsync())).Select(id => agencyCodes[id]).ToHashSet();
        // The seeded agreements the matrix relies on: Watford council and housing have one, Dacorum council none.
        Assert.Contains("COUNCIL-WATFORD", agreements);
        Assert.Contains("HOUSING", agreements);
        Assert.DoesNotContain("COUNCIL-DACORUM", agreements);

        // Force records: a domestic abuse report (sensitive) and a burglary (not), each a recorded crime with a victim contract.
        var (officerId, teamId) = await VictimCases.OfficerAsync(app);
        var abuseReport = Reports.DomesticAbuse(15);
        abuseReport["people"] = new object[] { Reports.Victim("Sarah", secret, "1990-07-01"), new { role = "Suspect", firstName = "Darren", lastName = "Okonjo" } };
        abuseReport["narrative"] = $"Caller Sarah {secret} says her partner pushed her and threatened her; he has left.";
        abuseReport["officerInCaseId"] = officerId;
        abuseReport["owningTeamId"] = teamId;
        var burglaryReport = Reports.Burglary(null, "PRIORITY", Reports.Victim("Margaret", plain, "1944-03-12"));
        burglaryReport["officerInCaseId"] = officerId;
        burglaryReport["owningTeamId"] = teamId;
        var abuse = await RecordCrimeAsync(supervisor, abuseReport, "Violence without injury");
        var burglary = await RecordCrimeAsync(supervisor, burglaryReport, "Residential burglary");
        var facts = await app.WithDbAsync(async db =>
        {
            async Task<(long Person, long Identity, long Contract)> VictimOf(long incident)
            {
                var victim = await db.IncidentPeople.AsNoTracking().Where(p => p.IncidentId == incident && p.Role == PersonRole.Victim)
                    .Select(p => new { p.Id, p.IdentityId }).SingleAsync();
                var contract = await db.VictimContactContracts.AsNoTracking().Where(c => c.IncidentId == incident).Select(c => c.Id).SingleAsync();
                return (victim.Id, victim.IdentityId!.Value, contract);
            }
            return (Abuse: await VictimOf(abuse.Incident), Burglary: await VictimOf(burglary.Incident),
                AbuseAtDesk: await db.DeskReviews.AnyAsync(r => r.IncidentId == abuse.Incident));
        });
        Assert.True(facts.AbuseAtDesk, "the vulnerable domestic abuse victim's report is routed to the desk");

        // ASB cases: Watford's own, St Albans', a police case shared with Watford, and one shared with housing only.
        var asbVictim = $"Zc{Guid.NewGuid():N}"[..12];
        var sharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: asbVictim, place: $"1 {marker} Road, Watford"));
        var shared = await AsbTesting.OpenCaseFromDeskAsync(desk, sharedIncident.Id());
        var notSharedIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: asbVictim, place: $"2 {marker} Road, Watford"));
        var notShared = await AsbTesting.OpenCaseFromDeskAsync(desk, notSharedIncident.Id());
        var deskIncident = await AsbTesting.RecordAsync(handler, AsbTesting.AsbReport(last: asbVictim, place: $"3 {marker} Road, Watford"));
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/shares", new { agencyId = agencies["COUNCIL-WATFORD"].Id, lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/cases/{notShared.Id()}/shares", new { agencyId = agencies["HOUSING"].Id, lawfulBasis = "Consent", consentSought = true, consentGiven = true })
            .ExpectAsync(HttpStatusCode.OK);
        // The association was given an action while the case was shared with it; the share was then withdrawn, so the
        // action stays the association's on a case it can no longer open.
        var housingShare = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/shares", new { agencyId = agencies["HOUSING"].Id, lawfulBasis = "CrimeAndDisorderActSection115" })
            .ExpectAsync(HttpStatusCode.OK);
        var action = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/actions", new { title = $"Housing action {marker}", ownerAgencyId = agencies["HOUSING"].Id, dueAt = now.AddDays(3) })
            .ExpectAsync(HttpStatusCode.Created);
        var housingShareId = housingShare.GetProperty("shares").EnumerateArray().Single(s => s.GetProperty("agency").GetProperty("id").GetInt32() == agencies["HOUSING"].Id).Id();
        await desk.DeleteAsync($"/api/v1/asb/cases/{shared.Id()}/shares/{housingShareId}").ExpectAsync(HttpStatusCode.OK);
        var power = await desk.PostAsJsonAsync($"/api/v1/asb/cases/{shared.Id()}/powers", new { kind = "WarningLetter", issuedAt = now.AddMinutes(-30) })
            .ExpectAsync(HttpStatusCode.Created);
        using var upload = new MultipartFormDataContent();
        var pdf = new ByteArrayContent("%PDF-1.4 matrix"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        upload.Add(pdf, "file", "statement.pdf");
        upload.Add(new StringContent($"Statement {marker}"), "description");
        var document = await desk.PostAsync($"/api/v1/asb/cases/{shared.Id()}/documents", upload).ExpectAsync(HttpStatusCode.Created);
        var watford = await app.ClientForEmailAsync(AsbTesting.WatfordCaseworker);
        var own = await watford.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Fly-tipping behind the parade {marker}", category = "Environmental", riskLevel = "Low", district = "Watford" })
            .ExpectAsync(HttpStatusCode.Created);
        var stAlbans = await app.ClientForEmailAsync(AsbTesting.StAlbansCaseworker);
        var other = await stAlbans.PostAsJsonAsync("/api/v1/asb/cases", new { title = $"Noise from a flat {marker}", category = "Nuisance", riskLevel = "Medium", district = "St Albans" })
            .ExpectAsync(HttpStatusCode.Created);
        var application = await desk.PostAsJsonAsync("/api/v1/asb/community-trigger/applications", new
        {
            caseId = own.Id(), applicantName = $"Janet {asbVictim}", summary = $"Nothing has changed {marker}",
        }).ExpectAsync(HttpStatusCode.Created);
        var decided = await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{application.Id()}/decision",
            new { version = application.GetProperty("version").GetInt32(), thresholdMet = true, reason = "Three complaints within six months" }).ExpectAsync(HttpStatusCode.OK);
        await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{application.Id()}/review",
            new { version = decided.GetProperty("version").GetInt32(), meetingAt = now.AddHours(-1), outcome = "Partners agreed a joint plan" }).ExpectAsync(HttpStatusCode.OK);
        var recommended = await desk.PostAsJsonAsync($"/api/v1/asb/community-trigger/applications/{application.Id()}/recommendations",
            new { text = "Council to serve a community protection warning", ownerAgencyId = agencies["COUNCIL-WATFORD"].Id, dueAt = now.AddDays(14) }).ExpectAsync(HttpStatusCode.Created);
        var meeting = await desk.PostAsJsonAsync("/api/v1/asb/meetings", new
        {
            title = $"Watford ASB panel {marker}", district = "Watford", heldAt = now.AddDays(-1),
            agencyIds = new[] { agencies["COUNCIL-WATFORD"].Id, agencies["HOUSING"].Id }, attendees = "PC Shah, council ASB officer, housing officer",
        }).ExpectAsync(HttpStatusCode.Created);
        foreach (var caseId in new[] { shared.Id(), notShared.Id(), own.Id() })
        {
            await desk.PostAsJsonAsync($"/api/v1/asb/meetings/{meeting.Id()}/agenda", new { caseId, decision = $"Review at the next panel {marker}" }).ExpectAsync(HttpStatusCode.Created);
        }

        // A MARAC attended by Watford council and housing, listing the domestic abuse victim's case (its DASH of 15 put it on
        // the MARAC list) with an action for housing.
        var maracReferral = await app.WithDbAsync(db => db.Referrals.Where(r => r.IncidentId == abuse.Incident && r.Kind == SafetyNet.Referrals.ReferralKind.Marac).Select(r => r.Id).SingleAsync());
        var marac = await supervisor.PostAsJsonAsync("/api/v1/marac/meetings", new
        {
            title = $"MARAC {marker}", district = "Watford", heldAt = now.AddDays(-1),
            agencyIds = new[] { agencies["COUNCIL-WATFORD"].Id, agencies["HOUSING"].Id }, attendees = "DS Hale, IDVA, council and housing officers",
        }).ExpectAsync(HttpStatusCode.Created);
        var listed = await supervisor.PostAsJsonAsync($"/api/v1/marac/meetings/{marac.Id()}/listings", new { referralId = maracReferral }).ExpectAsync(HttpStatusCode.Created);
        var listingId = listed.GetProperty("agenda")[0].Id();
        var withAction = await supervisor.PostAsJsonAsync($"/api/v1/marac/meetings/{marac.Id()}/listings/{listingId}/actions",
            new { ownerAgencyId = agencies["HOUSING"].Id, action = $"Change the locks {marker}", dueAt = now.AddDays(7) }).ExpectAsync(HttpStatusCode.Created);
        var maracAction = withAction.GetProperty("agenda")[0].GetProperty("actions")[0].Id();

        // Priorities in Watford and in St Albans, a problem, referrals to Watford council and to housing.
        async Task<long> PriorityAsync(string district) => (await officer.PostAsJsonAsync("/api/v1/asb/priorities", new Dictionary<string, object?>
        {
            ["district"] = district, ["area"] = "Town centre", ["title"] = $"Speeding {marker} {district}", ["description"] = "Cars racing past the school at night",
            ["setWith"] = "Residents' meeting with ward councillors", ["setOn"] = today.AddDays(-30), ["reviewOn"] = today.AddDays(30),
        }).ExpectAsync(HttpStatusCode.Created)).Id();
        var watfordPriority = await PriorityAsync("Watford");
        var stAlbansPriority = await PriorityAsync("St Albans");
        var problem = await handler.PostAsJsonAsync("/api/v1/problems", new Dictionary<string, object?>
        {
            ["title"] = $"Street drinking {marker}", ["problemType"] = "Street drinking", ["district"] = "Watford",
            ["latitude"] = 51.6565, ["longitude"] = -0.3903, ["radiusMetres"] = 300, ["comparisonLatitude"] = 51.6565, ["comparisonLongitude"] = -0.3103, ["comparisonRadiusMetres"] = 300,
            ["scanning"] = "Repeat calls about drinking by the benches", ["victim"] = "Market traders", ["offender"] = "A group of adults",
            ["place"] = "Benches by the market entrance", ["tactics"] = new[] { "outreach" }, ["response"] = "Alcohol outreach", ["responseStartedAt"] = now.AddDays(-10),
        }).ExpectAsync(HttpStatusCode.Created);
        async Task<long> ReferralAsync(string agency) => (await supervisor.PostAsJsonAsync("/api/v1/referrals", new
        {
            incidentId = burglary.Incident, kind = "Partner", toAgencyId = agencies[agency].Id, reason = $"Insecure back door {marker}",
            lawfulBasis = "Section 115 Crime and Disorder Act 1998", consent = true,
        }).ExpectAsync(HttpStatusCode.Created)).Id();
        var toWatford = await ReferralAsync("COUNCIL-WATFORD");
        var toHousing = await ReferralAsync("HOUSING");

        // Feedback, messaging and audit records of the force.
        var survey = await handler.PostAsJsonAsync("/api/v1/feedback/surveys", new { incidentId = burglary.Incident, personId = facts.Burglary.Person, trigger = "contact" })
            .ExpectAsync(HttpStatusCode.Created);
        var registrar = await app.ClientForAsync(REG);
        var recordingAudit = await registrar.PostAsJsonAsync("/api/v1/audits/crime-recording",
            new { title = $"Matrix {marker}", periodFrom = today.AddDays(-7), periodTo = today, design = "Simple", sampleSize = 2, seed = 7 }).ExpectAsync(HttpStatusCode.Created);
        var stored = await app.WithDbAsync(async db =>
        {
            var response = new SurveyResponse
            {
                InvitationId = survey.Id(), IncidentId = burglary.Incident, IncidentTypeCode = "BURGLARY-RESIDENTIAL", ContactChannel = "NonEmergency101",
                Route = SurveyRoute.Telephone, AnsweredAt = now, Overall = 1, AnswersJson = "{}", Comment = "Nobody came back to me",
            };
            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync();
            var task = new ServiceRecoveryTask { ResponseId = response.Id, IncidentId = burglary.Incident, CreatedAt = now, DueAt = now.AddDays(2), Status = RecoveryStatus.Open };
            var alert = new TeamAlert { RaisedAt = now, PoorAnswers = 3, Reason = $"Three poor answers in a row {marker}" };
            var letter = new OutboxMessage
            {
                Channel = MessageChannel.Email, Recipient = "victim@example.test", Body = "Update", Purpose = "victim-update", CreatedAt = now, NextAttemptAt = now,
                State = MessageState.DeadLetter, Attempts = 5, LastError = "Notify 400",
            };
            var suspect = await db.IncidentPeople.Where(p => p.IncidentId == abuse.Incident && p.Role == PersonRole.Suspect).Select(p => p.Id).SingleAsync();
            var review = new IdentityReview { PersonId = facts.Burglary.Person, CandidatePersonId = suspect, Score = 0.7, Reasons = "matrix", Status = ReviewStatus.Open, CreatedAt = now };
            db.AddRange(task, alert, letter, review);
            await db.SaveChangesAsync();
            // A contact with the burglary's victim overdue: the due and escalation queues name her.
            var due = await db.VictimContactDues.Where(d => d.ContractId == facts.Burglary.Contract && d.MetAt == null).OrderBy(d => d.DueAt).FirstAsync();
            (due.DueAt, due.RemindAt) = (now.AddHours(-1), now.AddDays(-1));
            await db.SaveChangesAsync();
            var share = await db.CaseShares.Where(s => s.CaseId == shared.Id() && s.AgencyId == agencies["COUNCIL-WATFORD"].Id).Select(s => s.Id).SingleAsync();
            var key = await db.ConfigurationVersions.OrderBy(c => c.Key).Select(c => c.Key).FirstAsync();
            var party = await db.CaseParties.Where(p => p.CaseId == shared.Id()).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return (Task: task.Id, Alert: alert.Id, Letter: letter.Id, Review: review.Id, Share: share, ConfigKey: key, Party: party);
        });

        var investigations = await app.WithDbAsync(async db => (
            Abuse: await db.Set<SafetyNet.Investigations.Investigation>().Where(i => i.CrimeRecordId == abuse.Crime).Select(i => i.Id).SingleAsync(),
            Burglary: await db.Set<SafetyNet.Investigations.Investigation>().Where(i => i.CrimeRecordId == burglary.Crime).Select(i => i.Id).SingleAsync()));
        await FinalisedInvestigations.AddAsync(app, handler, 1, daysAgo: 900);
        var filedOn = DateOnly.FromDateTime(app.Time.GetUtcNow().AddDays(-900).UtcDateTime);
        var fileReview = await registrar.PostAsJsonAsync("/api/v1/investigations/file-reviews",
            new { title = $"Matrix {marker}", periodFrom = filedOn.AddDays(-1), periodTo = filedOn.AddDays(1), design = "Simple", sampleSize = 2, seed = 7 }).ExpectAsync(HttpStatusCode.Created);
        // The two crimes' investigations, each with a plan of one hypothesis, line of enquiry and action.
        var plans = await app.WithDbAsync(async db =>
        {
            var parts = new Dictionary<long, (long, long, long)>();
            foreach (var (crime, surname) in new[] { (abuse.Crime, secret), (burglary.Crime, plain) })
            {
                var investigation = await db.Set<SafetyNet.Investigations.Investigation>().Where(i => i.CrimeRecordId == crime).Select(i => i.Id).SingleAsync();
                var hypothesis = new SafetyNet.Investigations.Hypothesis { InvestigationId = investigation, Text = $"{surname} was assaulted by her ex-partner {marker}", CreatedAt = now, CreatedBy = "matrix" };
                var line = new SafetyNet.Investigations.LineOfEnquiry { InvestigationId = investigation, Text = "CCTV", Objective = "Who was there", CreatedAt = now, CreatedBy = "matrix" };
                var planAction = new SafetyNet.Investigations.PlanAction
                {
                    InvestigationId = investigation, Section = "Victim", Text = "Take a statement", OwnerUserId = "nobody", DueAt = now.AddDays(1), CreatedAt = now, CreatedBy = "matrix",
                };
                db.AddRange(hypothesis, line, planAction);
                await db.SaveChangesAsync();
                parts[investigation] = (hypothesis.Id, line.Id, planAction.Id);
            }
            return parts;
        });
        var principals = await PrincipalsAsync(app);
        var cases = new Cases(own.Id(), other.Id(), shared.Id(), notShared.Id(), application.Id(), meeting.Id());
        var districtOf = agencies.ToDictionary(a => a.Key, a => a.Value.District);

        // Relations, written from the arranged facts: who holds each record and with whom it is shared.
        Func<Principal, Relation> ForceHeld() => p => p.Agency is null ? Relation.Own : Relation.NotShared;
        Func<Principal, Relation> Held(string holder, params string[] sharedWith) => p =>
            p.Agency is null || p.Agency == holder ? Relation.Own
            : sharedWith.Contains(p.Agency) && agreements.Contains(p.Agency) ? Relation.Shared
            : agencies[holder].Kind == AgencyKind.Force ? Relation.NotShared : Relation.OtherAgency;
        Func<Principal, Relation> Attended(params string[] agenciesThere) => p =>
            p.Agency is null ? Relation.Own : agenciesThere.Contains(p.Agency) ? Relation.Shared : Relation.NotShared;
        Func<Principal, Relation> InDistrict(string district) => p =>
            p.Agency is null ? Relation.Own : districtOf[p.Agency] is null ? Relation.Shared : districtOf[p.Agency] == district ? Relation.Own : Relation.OtherAgency;
        Func<Principal, Relation> AddressedTo(string agency) => p => p.Agency is null || p.Agency == agency ? Relation.Own : Relation.OtherAgency;
        var force = agencies.Single(a => a.Value.Kind == AgencyKind.Force).Key;
        static IReadOnlySet<string> Ids(params long[] ids) => ids.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        Instance Of(string label, long id, bool sensitive, Func<Principal, Relation> relation, params long[] auditIds) =>
            new(label, id, sensitive, relation, Ids([id, .. auditIds]));

        var instances = new Dictionary<Subject, List<Instance>>
        {
            [Subject.Incident] = [Of("sensitive incident", abuse.Incident, true, ForceHeld()), Of("incident", burglary.Incident, false, ForceHeld())],
            [Subject.Person] = [Of("sensitive person", facts.Abuse.Person, true, ForceHeld()), Of("person", facts.Burglary.Person, false, ForceHeld())],
            [Subject.Identity] = [Of("sensitive identity", facts.Abuse.Identity, true, ForceHeld()), Of("identity", facts.Burglary.Identity, false, ForceHeld())],
            [Subject.Contract] = [Of("sensitive contract", facts.Abuse.Contract, true, ForceHeld()), Of("contract", facts.Burglary.Contract, false, ForceHeld())],
            [Subject.Crime] = [Of("sensitive crime", abuse.Crime, true, ForceHeld(), abuse.Incident), Of("crime", burglary.Crime, false, ForceHeld(), burglary.Incident)],
            [Subject.DeskReview] = [Of("sensitive desk review", abuse.Incident, true, ForceHeld()), Of("desk review", deskIncident.Id(), false, ForceHeld())],
            [Subject.Case] =
            [
                Of("own case", own.Id(), false, Held("COUNCIL-WATFORD")),
                Of("other agency's case", other.Id(), false, Held("COUNCIL-ST-ALBANS")),
                Of("shared case", shared.Id(), false, Held(force, "COUNCIL-WATFORD")),
                Of("case not shared", notShared.Id(), false, Held(force, "HOUSING")),
            ],
            [Subject.SharedCasePart] = [Of("shared case", shared.Id(), false, Held(force, "COUNCIL-WATFORD"), document.Id())],
            [Subject.Meeting] = [Of("meeting", meeting.Id(), false, Attended("COUNCIL-WATFORD", "HOUSING"))],
            [Subject.MaracMeeting] = [Of("MARAC meeting", marac.Id(), false, Attended("COUNCIL-WATFORD", "HOUSING"), maracReferral)],
            [Subject.MaracAction] = [Of("housing's MARAC action", maracAction, false, p => p.Agency is null || p.Agency == "HOUSING" ? Relation.Own : Relation.NotShared)],
            [Subject.Application] = [Of("trigger application on Watford's case", application.Id(), false, Held("COUNCIL-WATFORD"))],
            [Subject.Priority] = [Of("Watford priority", watfordPriority, false, InDistrict("Watford")), Of("St Albans priority", stAlbansPriority, false, InDistrict("St Albans"))],
            [Subject.Problem] = [Of("problem", problem.Id(), false, p => p.Agency is null ? Relation.Own : Relation.Shared)],
            [Subject.Referral] = [Of("referral to Watford", toWatford, false, AddressedTo("COUNCIL-WATFORD")), Of("referral to housing", toHousing, false, AddressedTo("HOUSING"))],
            [Subject.Survey] = [Of("survey", survey.Id(), false, ForceHeld())],
            [Subject.RecoveryTask] = [Of("recovery task", stored.Task, false, ForceHeld())],
            [Subject.Alert] = [Of("team alert", stored.Alert, false, ForceHeld())],
            [Subject.Message] = [Of("dead letter", stored.Letter, false, ForceHeld())],
            [Subject.RecordingAudit] = [Of("recording audit", recordingAudit.Id(), false, ForceHeld())],
            [Subject.FileReview] = [Of("file review", fileReview.Id(), false, ForceHeld())],
            [Subject.IdentityReview] = [Of("identity review", stored.Review, false, ForceHeld())],
            [Subject.Investigation] =
            [
                Of("sensitive investigation", investigations.Abuse, true, ForceHeld()), Of("investigation", investigations.Burglary, false, ForceHeld()),
            ],
        };
        instances[Subject.Configuration] = [new Instance("configuration", 0, false, ForceHeld(), Ids())];
        var device = await supervisor.PostAsJsonAsync($"/api/v1/investigations/{investigations.Burglary}/forensics",
            new { deviceType = "phone", exhibitReference = $"MX/{marker}", seizedAt = now.AddHours(-1), seizedFrom = "The scene", location = "Exhibits store" }).ExpectAsync(HttpStatusCode.Created);
        instances[Subject.ForensicSubmission] = [Of("forensic submission", device.Id(), false, ForceHeld())];
        // The burglary victim's identity in the offender register, in custody and on licence, with a marker and intelligence.
        var offender = await officer.PostAsJsonAsync("/api/v1/offenders", new { identityId = facts.Burglary.Identity, homeDistrict = "Watford" }).ExpectAsync(HttpStatusCode.Created);
        var offenderId = offender.GetProperty("offenderId").GetInt64();
        var spell = await officer.PostAsJsonAsync($"/api/v1/offenders/{offenderId}/custody", new { startedOn = today.AddDays(-30), version = offender.GetProperty("version").GetInt32() })
            .ExpectAsync(HttpStatusCode.Created);
        var licence = await officer.PostAsJsonAsync($"/api/v1/offenders/{offenderId}/conditions",
            new { kind = "Licence", conditions = "Curfew", startsOn = today.AddDays(-60), expiresOn = today.AddDays(3), version = spell.GetProperty("version").GetInt32() })
            .ExpectAsync(HttpStatusCode.Created);
        await officer.PostAsJsonAsync($"/api/v1/offenders/{offenderId}/intelligence",
            new { text = $"Matrix intelligence {marker}", sourceEvaluation = 1, assessment = "A", handlingCode = "P", version = licence.GetProperty("version").GetInt32() })
            .ExpectAsync(HttpStatusCode.Created);
        instances[Subject.Offender] = [Of("offender", offenderId, false, ForceHeld())];
        return new World
        {
            Marker = marker, SensitiveSurname = secret, PlainSurname = plain, Principals = principals, Instances = instances, Cases = cases,
            IncidentOfContract = new() { [facts.Abuse.Contract] = abuse.Incident, [facts.Burglary.Contract] = burglary.Incident },
            ShareId = stored.Share, ActionId = action.Id(), PowerId = power.Id(), DocumentId = document.Id(), PartyId = stored.Party,
            RecommendationId = recommended.GetProperty("recommendations")[0].Id(), ConfigKey = stored.ConfigKey,
            MaracMeetingId = marac.Id(), MaracListingId = listingId, PlanParts = plans,
            OffenderSpellId = spell.GetProperty("itemId").GetInt64(), OffenderConditionId = licence.GetProperty("itemId").GetInt64(),
        };
    }

    private static async Task<(long Incident, long Crime)> RecordCrimeAsync(HttpClient supervisor, Dictionary<string, object?> report, string subgroup)
    {
        var incident = await supervisor.PostAsJsonAsync("/api/v1/incidents", report).ExpectAsync(HttpStatusCode.Created);
        var record = incident.GetProperty("crimeRecords")[0];
        var crime = record.Id();
        await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.Id()}/crime-decisions",
            new { crimeRecordId = crime, decision = "crime", offenceSubgroup = subgroup, version = record.GetProperty("version").GetInt32() }).ExpectAsync(HttpStatusCode.OK);
        return (incident.Id(), crime);
    }

    /// <summary>Every role's demo user, and three more partner caseworkers: St Albans council, housing, and Dacorum council with no agreement.</summary>
    private static async Task<List<Principal>> PrincipalsAsync(SafetyNetApp app)
    {
        var users = new List<(string Name, string Role, string Email)>();
        users.AddRange(Roles.All.Select(r => (r, r, SafetyNetApp.DemoEmail(r))));
        users.Add(("St Albans council", PC, AsbTesting.StAlbansCaseworker));
        users.Add(("Housing", PC, AsbTesting.HousingCaseworker));
        users.Add(("Dacorum council (no agreement)", PC, AsbTesting.DacorumCaseworker));
        var emails = users.Select(u => u.Email).ToList();
        var accounts = await app.WithDbAsync(db => (from u in db.Users.AsNoTracking()
                                                    join a in db.Agencies.AsNoTracking() on u.AgencyId equals a.Id
                                                    where emails.Contains(u.Email!)
                                                    select new { u.Email, u.Id, a.Code, a.Kind }).ToListAsync());
        var principals = new List<Principal>();
        foreach (var (name, role, email) in users)
        {
            var account = accounts.Single(a => a.Email == email);
            principals.Add(new Principal(name == PC ? "PartnerCaseworker (Watford council)" : name, role, email, account.Kind == AgencyKind.Force ? null : account.Code,
                account.Id, await app.ClientForEmailAsync(email)));
        }
        return principals;
    }
}
