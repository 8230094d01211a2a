using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Victims;

public sealed record ContractUpdateRequest(
    int? Version, string? PreferredChannel, bool? SafeToContact, int? AgreedFrequencyDays, string? AgreedUpdatePoints,
    string? NeedsAssessment, string? SpecialMeasures, bool? Enhanced, string? EnhancedReason, string? Vps, string? OutOfCourtView,
    bool? VictimSupportOptOut, bool? VictimSupportOptIn, bool? Bereaved);

public sealed record VictimEventRequest(string? Event, string? Notes, DateTimeOffset? OccurredAt);

/// <param name="Outcome">Made, NoAnswer, MessageLeft or Declined; when left out the contact was made.</param>
public sealed record VictimContactRequest(long? ContractId, string? Channel, string? Summary, bool? RightToReviewExplained, DateTimeOffset? ContactedAt, string? Outcome = null);

public sealed record DueResponse(long Id, string Event, bool Enhanced, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, string State, string? Notes, DateTimeOffset? EscalatedAt);

public sealed record ContactResponse(long Id, long CrimeRecordId, DateTimeOffset ContactedAt, string Channel, string Outcome, string Summary, bool RightToReviewExplained, string RecordedBy);

public sealed record ContractResponse(
    long Id, long CrimeRecordId, long IncidentId, string IncidentReference, string TypeCode, string? CrimeReference, long VictimId, string VictimName,
    string PreferredChannel, bool SafeToContact, int? AgreedFrequencyDays, string? AgreedUpdatePoints, string? NeedsAssessment,
    string? SpecialMeasures, bool Enhanced, string? EnhancedReasons, string? EnhancedByHandReason, string Vps, DateTimeOffset? VpsOfferedAt,
    DateTimeOffset? VpsTakenAt, DateTimeOffset? VpsDeclinedAt, bool VictimSupportOptOut, bool VictimSupportOptIn, bool Bereaved,
    string? OutOfCourtView, DateTimeOffset? OutOfCourtViewAt, int RuleVersion, int Version, IReadOnlyList<DueResponse> Dues,
    IReadOnlyList<ContactResponse> Contacts)
{
    public static string StateOf(VictimContactDue d, DateTimeOffset now) => d.MetAt switch
    {
        { } met when met <= d.DueAt => "OnTime",
        { } => "Late",
        null when d.DueAt < now => "Missed",
        _ => "Open",
    };

    public static ContractResponse From(VictimContactContract c, string victimName, string incidentReference, string typeCode,
        IEnumerable<VictimContactDue> dues, IEnumerable<VictimContact> contacts, DateTimeOffset now) => new(
        c.Id, c.CrimeRecordId, c.IncidentId, incidentReference, typeCode, c.CrimeReference, c.VictimId, victimName, c.PreferredChannel.ToString(),
        c.SafeToContact, c.AgreedFrequencyDays, c.AgreedUpdatePoints, c.NeedsAssessment, c.SpecialMeasures, c.Enhanced, c.EnhancedReasons,
        c.EnhancedByHandReason, c.Vps.ToString(), c.VpsOfferedAt, c.VpsTakenAt, c.VpsDeclinedAt, c.VictimSupportOptOut, c.VictimSupportOptIn,
        c.Bereaved, c.OutOfCourtView, c.OutOfCourtViewAt, c.RuleVersion, c.Version,
        dues.Select(d => new DueResponse(d.Id, d.Event.ToString(), d.Enhanced, d.StartedAt, d.DueAt, d.MetAt, StateOf(d, now), d.Notes, d.EscalatedAt)).ToList(),
        contacts.Select(ToContact).ToList());

    public static ContactResponse ToContact(VictimContact x) =>
        new(x.Id, x.CrimeRecordId, x.ContactedAt, x.Channel.ToString(), x.Outcome.ToString(), x.Summary, x.RightToReviewExplained, x.RecordedBy);
}

/// <summary>A contact due, in a work queue. A sensitive crime's row leaves the victim's name out (null): it is on the contract, read for a purpose.</summary>
public sealed record DueItem(
    long DueId, long ContractId, long IncidentId, string IncidentReference, string? CrimeReference, string? VictimName, string Event,
    bool Enhanced, DateTimeOffset DueAt, bool Overdue, string PreferredChannel, DateTimeOffset? EscalatedAt, bool Sensitive);

/// <summary>
/// Contacts due in a period by team. A point is met only by a contact that meets it (<see cref="VictimsCode.Meets"/>):
/// made with the victim, in writing where the point needs it; attempts and messages left count for nothing.
/// </summary>
public sealed record ComplianceRow(int? TeamId, string Team, int OnTime, int Late, int Missed, int Open);

public static class VictimsApi
{
    public static IHostApplicationBuilder AddVictims(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<VictimsCode>();
        builder.Services.AddScoped<RepeatVictims>();
        builder.Services.AddScoped<IStartupSeeder, VictimsSeeder>();
        builder.Services.AddHostedService<VictimsCodeWorker>();
        return builder;
    }

    /// <summary>Demo contracts and survey answers; they run after the synthetic incidents they build on (SafetyNetSetup.StartupOrder).</summary>
    public static IHostApplicationBuilder AddVictimsDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IStartupSeeder, VictimsDemoSeeder>();
        return builder;
    }

    public static WebApplication MapVictims(this WebApplication app)
    {
        var victims = app.MapGroup("/api/v1/victims").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Victims");
        victims.MapGet("/contracts", ListAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("listVictimContracts").WithSummary("List Victims' Code contracts of an incident or crime");
        victims.MapGet("/contracts/{id:long}", GetAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("getVictimContract").WithSummary("Read a Victims' Code contract");
        victims.MapPatch("/contracts/{id:long}", PatchAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("updateVictimContract").WithSummary("Change a Victims' Code contract").ProducesProblem(StatusCodes.Status409Conflict);
        victims.MapPost("/contracts/{id:long}/events", EventAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("recordVictimEvent").WithSummary("Record a case event the victim must be told of, and when by");
        victims.MapPost("/contacts", ContactAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("recordVictimContact").WithSummary("Record a contact with a victim, or an attempt at one")
            .WithDescription("The outcome says what came of it (Made, NoAnswer, MessageLeft, Declined; Made when left out). Only a made contact meets a due point, "
                + "and the written information on what to expect only by letter or e-mail; a victim who declines the written information is owed no more of it.");
        victims.MapGet("/contacts", ContactsAsync).RequireAuthorization(Entitlements.VictimCare)
            .WithName("listVictimContacts").WithSummary("List the contacts made under a contract");
        victims.MapGet("/due", async (VictimsCode code, CancellationToken ct) => TypedResults.Ok(await code.DueForMeAsync(ct))).RequireAuthorization(Entitlements.VictimsDue)
            .WithName("listVictimContactsDue").WithSummary("List victim updates due soon or overdue on the caller's crimes");
        victims.MapGet("/escalations", async (VictimsCode code, CancellationToken ct) => TypedResults.Ok(await code.EscalationsAsync(ct))).RequireAuthorization(Entitlements.TelephoneSurvey)
            .WithName("listVictimEscalations").WithSummary("List victim contacts past their due time and not made");
        victims.MapGet("/compliance", ComplianceAsync).RequireAuthorization(Entitlements.FeedbackResults)
            .WithName("getVictimsCodeCompliance").WithSummary("Report Victims' Code compliance for a period")
            .WithDescription("Counts only contacts that met their point: made with the victim, in writing where the point needs it. Attempts and messages left are not counted.");
        return app;
    }

    /// <summary>The answer to a refused read: 404 for a record the caller may not see, 400 naming X-Purpose for a sensitive one.</summary>
    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(Read<T> read) => read.Outcome switch
    {
        ReadOutcome.NotFound => TypedResults.NotFound(),
        ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
        _ => TypedResults.Ok(read.Value!),
    };

    private static async Task<Results<Ok<PagedList<ContractResponse>>, NotFound, ValidationProblem>> ListAsync(
        HttpContext context, VictimsCode code, long? incidentId, long? crimeRecordId, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return Answer(await code.ListAsync(incidentId, crimeRecordId, paging, Purpose.From(context), ct));
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem>> GetAsync(long id, HttpContext context, VictimsCode code, CancellationToken ct) =>
        Answer(await code.ReadAsync(id, Purpose.From(context), ct));

    private static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PatchAsync(
        long id, ContractUpdateRequest request, HttpContext context, VictimsCode code, CancellationToken ct)
    {
        // The answer is the contract as saved: opening a sensitive one to change it needs a purpose, asked after the 404 and before the change.
        var purpose = Purpose.From(context);
        switch (await code.MayChangeAsync(id, purpose, ct))
        {
            case ReadOutcome.NotFound:
                return TypedResults.NotFound();
            case ReadOutcome.PurposeRequired:
                return TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required");
        }
        var changed = await code.UpdateAsync(id, request, ct);
        // The answer is the contract as changed, read (and audited) for the purpose the change was made with.
        var contract = changed.IsDone ? (await code.ReadAsync(id, purpose, ct, "after change")).Value : null;
        return changed.IsDone && contract is null ? TypedResults.NotFound() : changed.ToOk(_ => contract!, "The contract was not changed");
    }

    private static async Task<Results<Created<DueResponse>, NotFound, ValidationProblem>> EventAsync(long id, VictimEventRequest request, VictimsCode code, TimeProvider time, CancellationToken ct)
    {
        var recorded = await code.RecordEventAsync(id, request, ct);
        return recorded.Kind switch
        {
            OutcomeKind.Done when recorded.Value is { } due => TypedResults.Created($"/api/v1/victims/contracts/{id}", new DueResponse(due.Id, due.Event.ToString(), due.Enhanced,
                due.StartedAt, due.DueAt, due.MetAt, ContractResponse.StateOf(due, time.GetUtcNow()), due.Notes, due.EscalatedAt)),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(recorded.Errors, title: "The event was not recorded"),
        };
    }

    private static async Task<Results<Created<ContactResponse>, NotFound, ValidationProblem>> ContactAsync(VictimContactRequest request, VictimsCode code, CancellationToken ct)
    {
        var logged = await code.LogContactAsync(request, ct);
        return logged.Kind switch
        {
            OutcomeKind.Done when logged.Value is { } contact => TypedResults.Created($"/api/v1/victims/contracts/{contact.ContractId}",
                ContractResponse.ToContact(contact)),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(logged.Errors, title: "The contact was not logged"),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactResponse>>, NotFound, ValidationProblem>> ContactsAsync(
        long contractId, HttpContext context, VictimsCode code, CancellationToken ct) =>
        Answer(await code.ContactsAsync(contractId, Purpose.From(context), ct));

    private static async Task<Results<Ok<IReadOnlyList<ComplianceRow>>, ValidationProblem>> ComplianceAsync(
        VictimsCode code, TimeProvider time, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var end = to ?? time.GetUtcNow().AddDays(1);
        var start = from ?? end.AddDays(-28);
        if (start >= end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["The period must start before it ends"] });
        }
        return TypedResults.Ok(await code.ComplianceAsync(start, end, ct));
    }
}
