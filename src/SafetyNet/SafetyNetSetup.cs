using SafetyNet.Cases;
using SafetyNet.CommunityTrigger;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Demo;
using SafetyNet.Desk;
using SafetyNet.Feedback;
using SafetyNet.Search;
using SafetyNet.Incidents;
using SafetyNet.Insight;
using SafetyNet.Investigations;
using SafetyNet.Locations;
using SafetyNet.Meetings;
using SafetyNet.Messaging;
using SafetyNet.Offenders;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Priorities;
using SafetyNet.ProblemSolving;
using SafetyNet.Referrals;
using SafetyNet.Victims;

namespace SafetyNet;

/// <summary>
/// The one composition root: every feature's services, for the web host and the command line alike, and the order
/// of the start-up passes. The web host adds only what serves HTTP (the API's error handling and documents, the
/// pages); a verb gets every feature, so no verb can miss a service another feature needs.
/// </summary>
public static class SafetyNetSetup
{
    public static IHostApplicationBuilder AddSafetyNet(this IHostApplicationBuilder builder)
    {
        builder.AddPlatform();          // time, current user, configuration data
        builder.AddDatabase();          // AppDb on SQLite (embedded default) or PostgreSQL; migrations and start-up passes
        builder.AddAccounts();          // Identity: cookies for pages, bearer tokens for the API
        builder.AddAudit();             // append-only audit events and the background sealer
        builder.AddIncidents();         // first contact: incidents, people, THRIVE, risk
        builder.AddCrimes();            // a crime recording decision for each victim, due 24 hours after the report
        builder.AddPeople();            // people as entered, and the earlier incidents of each
        builder.AddIdentities();        // who is who: matching at intake, background resolution, review, repeat rules
        builder.AddLocations();         // the street gazetteer from police.uk open data
        builder.AddInsight();           // daily management pack, open-data rates, hotspots, near repeat, recording audits
        builder.AddCases();             // multi-agency ASB cases, their records and sharing agreements; the ASB rules
        builder.AddDesk();              // the community focus desk: ASB, repeat and vulnerable victims' incidents reviewed
        builder.AddCommunityTrigger();  // cases that meet the Community Trigger threshold, and the register of applications
        builder.AddCommunityPriorities(); // priorities agreed with residents, and the actions taken on them
        builder.AddProblemSolving();    // problems worked through SARA, assessed against a comparison area; the library of what works
        builder.AddMessaging();         // one outbox for every message, drained over SMTP or GOV.UK Notify
        builder.AddVictims();           // Victims' Code contracts, working-day clocks, reminders, escalation
        builder.AddReferrals();         // victim support, OPLO, IDVA, MARAC, MASH and partner referrals
        builder.AddMeetings();          // ASB panels and MARACs; the MARAC listing rule
        builder.AddFeedback();          // caller and victim surveys, satisfaction with intervals, service recovery
        builder.AddInvestigations();    // the investigation of each recorded crime: allocation, plan, supervision, outcome, forensics
        builder.AddOffenders();         // the offender register: arrests, sanctions, custody, conditions, markers and intelligence over identities
        builder.AddSearch();            // one search box over people, incidents, places and cases, as each reader may see them
        DemoSeeder.AddDemo(builder);    // demo mode: synthetic Hertfordshire's incidents
        builder.AddVictimsDemo();       // demo mode: victim contracts and a year of survey answers
        builder.Services.AddSingleton(StartupOrder);
        builder.Services.AddReactions(ReactionOrder);
        return builder;
    }

    /// <summary>
    /// What each feature does when another records something, in the order it runs, inside the recording's transaction:
    /// the feature that records names none of those that react, so a new feature plugs in here without touching it.
    /// </summary>
    public static readonly ReactionOrder ReactionOrder = new ReactionOrder()
        .On<IncidentRecorded>(
            typeof(IdentitiesAtIntake),      // the call handler's identity choices, repeat and vulnerable victims routed
            typeof(DeskAtIntake),            // after the identities, so a victim recognised at intake counts their earlier incidents
            typeof(MaracAtIntake),           // after the identities too: a DASH at the threshold, or escalation over the victim's identity, lists for MARAC
            typeof(SurveysOnRecords))        // the caller (and a victim of no crime) asked how the force did
        .On<Assessments.RiskAssessed>(
            typeof(MaracOnRiskAssessed))     // a DASH completed after intake may put the victim on the MARAC list
        .On<CrimeRecorded>(
            typeof(ContractOnCrimeRecorded), // the victim's contact contract and its Victims' Code clocks
            typeof(InvestigationOnCrimeRecorded)) // the investigation, waiting for allocation
        .On<InvestigationOpened>(
            typeof(FirstReviewOnInvestigationOpened)) // the first supervisory review falls due
        .On<InvestigationFinalised>(
            typeof(ContactOnInvestigationFinalised)) // the victim told of the decision, as the Victims' Code says
        .On<CaseClosed>(
            typeof(SurveysOnRecords));       // each victim on the case asked how the force did

    /// <summary>
    /// The start-up passes in the order they run, each in a transaction of its own. Every
    /// <see cref="IStartupSeeder"/> a feature registers is listed here once; one that is not fails the start.
    /// </summary>
    public static readonly StartupOrder StartupOrder = new(
        typeof(AccountSeeder),               // roles, the partnership's agencies, the force's teams; demo users: everything else names them
        typeof(IncidentConfigurationSeeder), // grades, intake timescales and risk instruments: demo incidents are assessed with them
        typeof(IdentityRulesSeeder),         // matching thresholds and repeat rules
        typeof(MessagingSeeder),             // channels and retry rules of the outbox
        typeof(VictimsSeeder),               // Victims' Code timescales and survey rules
        typeof(MaracSeeder),                 // the MARAC listing rule: escalation and listing timescales
        typeof(InvestigationRulesSeeder),    // crime groups, PIP levels, review cadences
        typeof(Investigations.Forensics.ForensicPrioritiesSeeder), // the digital forensics queue's priority rule and targets
        typeof(Offenders.OffenderRulesSeeder), // the register's warning marker kinds and reminder rule
        typeof(DemoSeeder),                  // demo: synthetic incidents, people, assessments and crimes
        typeof(AsbSeeder),                   // ASB rules and letters; demo: agreements, partner users, the desk's queue, cases over the demo incidents
        typeof(VictimsDemoSeeder),           // demo: contracts for the demo crimes (and their referrals), survey answers for the demo incidents
        typeof(ReferralsSeeder),             // referral timescales; demo: referrals waiting for each receiving team and partner
        typeof(InvestigationsDemoSeeder),    // demo: investigators' PIP levels and ranks; investigations of the last 90 days' crimes
        typeof(InvestigationOutcomesDemoSeeder), // demo: older investigations finalised with a spread of outcomes, for the outcome rates
        typeof(Investigations.Forensics.ForensicsDemoSeeder), // demo: devices with the forensics unit at every priority
        typeof(PlansDemoSeeder),             // demo: plans for two in three of the allocated investigations, their actions due, overdue and done
        typeof(ReviewsDemoSeeder),           // demo: first reviews of the open investigations, done, due and overdue
        typeof(Offenders.OffendersDemoSeeder), // demo: a dozen suspects in the offender register, four released this week
        typeof(InsightDemoSeeder));          // demo: a week of strength on duty for the pack
}
