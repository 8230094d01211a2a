using SafetyNet;
using SafetyNet.Cases;
using SafetyNet.Cli;
using SafetyNet.CommunityTrigger;
using SafetyNet.Crimes;
using SafetyNet.Desk;
using SafetyNet.Feedback;
using SafetyNet.Incidents;
using SafetyNet.Insight;
using SafetyNet.Investigations;
using SafetyNet.Investigations.Forensics;
using SafetyNet.Locations;
using SafetyNet.Meetings;
using SafetyNet.Messaging;
using SafetyNet.Offenders;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Priorities;
using SafetyNet.ProblemSolving;
using SafetyNet.Referrals;
using SafetyNet.Search;
using SafetyNet.Victims;
using SafetyNet.Web;

// The binary is also the command line: `SafetyNet migrate`, `SafetyNet people dedupe …`. Verbs never build the
// web host; database verbs build the same services from the same root (SafetyNetSetup.AddSafetyNet).
if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The published application runs from any working directory.
    ContentRootPath = AppContext.BaseDirectory,
});

builder.AddSafetyNet();         // every feature and the order of the start-up passes, as the command line has them
builder.AddEntitlements();      // which roles may use each operation and page; anyone else gets 404
builder.AddApi();               // ProblemDetails, validation, OpenAPI
builder.AddPages();             // Blazor static server rendering with GOV.UK Frontend

var app = builder.Build();

app.UseApi();                   // exception handler → ProblemDetails, status codes
app.UseAccounts();              // authentication and authorization
app.UsePages();                 // antiforgery, static assets

app.MapHealth();                // anonymous: 503 until migrations and seeding are done
app.MapApiDocs();               // /openapi/v1.json and the reference page at /docs
app.MapAccounts();              // /api/v1/auth/login, /refresh and /sign-out; the pages' /sign-out
app.MapIncidents();             // /api/v1/incidents, queues, reference data
app.MapCrimes();                // /api/v1/incidents/{id}/crime-decisions, /api/v1/queues/crime-recording
app.MapPeople();                // /api/v1/people
app.MapIdentities();            // /api/v1/people/{id}/matches|merge, /api/v1/identities
app.MapLocations();             // /api/v1/reference/streets
app.MapDesk();                  // /api/v1/asb/desk: the queue and each incident's review
app.MapCases();                 // /api/v1/asb/cases, /api/v1/asb/actions/mine
app.MapCaseRecords();           // /api/v1/asb/cases/{id}/powers|documents|letters, /api/v1/asb/powers/counts
app.MapSharingAgreements();     // /api/v1/asb/sharing-agreements
app.MapCommunityTrigger();      // /api/v1/asb/community-trigger: flagged cases, applications, annual figures
app.MapMeetings();              // /api/v1/asb/meetings: multi-agency meetings, their decisions as case actions
app.MapMarac();                 // /api/v1/marac: the MARAC referral list, MARAC meetings, listings and actions
app.MapCommunityPriorities();   // /api/v1/asb/priorities
app.MapProblems();              // /api/v1/problems (SARA) and the library of what works, /api/v1/practice
app.MapInsight();               // /api/v1/insight, /api/v1/audits/crime-recording
app.MapOutbox();                // /api/v1/outbox: delivery state and dead letters for administrators
app.MapVictims();               // /api/v1/victims/contracts, contacts, due, escalations, compliance
app.MapReferrals();             // /api/v1/referrals
app.MapFeedback();              // /api/v1/feedback/surveys, results, recovery tasks, alerts
app.MapFileReviews();           // /api/v1/investigations/file-reviews: samples of finalised investigations reviewed against the checklist
app.MapInvestigationOutcomes(); // /api/v1/investigations/outcome-rates and outcomes.csv: rates with intervals, the police.uk file
app.MapForensics();             // /api/v1/forensics: the digital forensics queue; /api/v1/investigations/{id}/forensics
app.MapInvestigationPlans();    // /api/v1/investigations/{id}/plan, /api/v1/investigations/actions/mine
app.MapSupervision();           // /api/v1/investigations/{id}/reviews|finalisation|reopening, /reviews/due
app.MapOffenders();            // /api/v1/offenders: the offender register, released this week, condition reminders
app.MapSearch();                // /api/v1/search: people, incidents, places and cases from one box
app.MapInvestigations();        // /api/v1/investigations: the list, one investigation, allocation
app.MapPages();                 // the Razor components

app.AnnounceStart();            // the address and, in demo mode, the demo sign-in

return await app.RunToExitCodeAsync(); // non-zero when start-up refused the database and stopped

/// <summary>Entry point type, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
