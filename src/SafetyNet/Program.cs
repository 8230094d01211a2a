using SafetyNet.Asb;
using SafetyNet.Cli;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Incidents;
using SafetyNet.Insight;
using SafetyNet.Locations;
using SafetyNet.Feedback;
using SafetyNet.Messaging;
using SafetyNet.Referrals;
using SafetyNet.Victims;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

// The binary is also the command line: `SafetyNet migrate`, `SafetyNet people dedupe …`. Engine verbs
// never build the web host.
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

builder.AddPlatform();          // time, current user, configuration data
builder.AddDatabase();          // AppDb on SQLite (embedded default) or PostgreSQL
builder.AddAccounts();          // Identity: cookies for pages, bearer tokens for the API
builder.AddAudit();             // append-only audit events and the background sealer
builder.AddApi();               // ProblemDetails, validation, OpenAPI
builder.AddIncidents();         // first contact: incidents, people, THRIVE, risk, crime recording
builder.AddPeople();            // people as entered, and the earlier incidents of each
builder.AddIdentities();        // who is who: matching at intake, background resolution, review, repeat rules
builder.AddLocations();         // the street gazetteer from police.uk open data
builder.AddInsight();            // daily management pack, open-data rates, hotspots, near repeat, recording audits
DemoSeeder.AddDemo(builder);    // synthetic Hertfordshire in demo mode
builder.AddAsb();               // community focus desk, ASB cases, sharing; demo cases after the demo incidents
builder.AddMessaging();         // one outbox for every message, drained over SMTP or GOV.UK Notify
builder.AddVictims();           // Victims' Code contracts, working-day clocks, reminders, escalation
builder.AddReferrals();         // victim support, OPLO, IDVA, MARAC, MASH and partner referrals
builder.AddFeedback();          // caller and victim surveys, satisfaction with intervals, service recovery
DemoSeeder.AddDemo(builder);    // synthetic Hertfordshire in demo mode
builder.AddVictimsDemo();       // demo victim contracts and a year of survey answers, after the incidents
builder.AddPages();             // Blazor static server rendering with GOV.UK Frontend

var app = builder.Build();

app.UseApi();                   // exception handler → ProblemDetails, status codes
app.UseAccounts();              // authentication and authorization
app.UsePages();                 // antiforgery, static assets

app.MapHealth();                // anonymous: 503 until migrations and seeding are done
app.MapApiDocs();               // /openapi/v1.json and the reference page at /docs
app.MapAccounts();              // /api/v1/auth/login, /api/v1/auth/refresh, /sign-out
app.MapIncidents();             // /api/v1/incidents, queues, reference data
app.MapPeople();                // /api/v1/people
app.MapIdentities();            // /api/v1/people/{id}/matches|merge, /api/v1/identities
app.MapLocations();             // /api/v1/reference/streets
app.MapAsb();                   // /api/v1/asb/desk, /api/v1/asb/cases, sharing agreements
app.MapInsight();               // /api/v1/insight, /api/v1/audits/crime-recording
app.MapOutbox();                // /api/v1/outbox: delivery state and dead letters for administrators
app.MapVictims();               // /api/v1/victims/contracts, contacts, due, escalations, compliance
app.MapReferrals();             // /api/v1/referrals
app.MapFeedback();              // /api/v1/feedback/surveys, results, recovery tasks, alerts
app.MapPages();                 // the Razor components

app.AnnounceStart();            // the address and, in demo mode, the demo sign-in

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
