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

public sealed record VictimContactRequest(long? ContractId, string? Channel, string? Summary, bool? RightToReviewExplained, DateTimeOffset? ContactedAt);

public sealed record DueResponse(long Id, string Event, bool Enhanced, DateTimeOffset StartedAt, DateTimeOffset DueAt, DateTimeOffset? MetAt, string State, string? Notes, DateTimeOffset? EscalatedAt);

public sealed record ContactResponse(long Id, long CrimeRecordId, DateTimeOffset ContactedAt, string Channel, string Summary, bool RightToReviewExplained, string RecordedBy);

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
        contacts.Select(x => new ContactResponse(x.Id, x.CrimeRecordId, x.ContactedAt, x.Channel.ToString(), x.Summary, x.RightToReviewExplained, x.RecordedBy)).ToList());
}

public sealed record DueItem(
    long DueId, long ContractId, long IncidentId, string IncidentReference, string? CrimeReference, string VictimName, string Event,
    bool Enhanced, DateTimeOffset DueAt, bool Overdue, string PreferredChannel, DateTimeOffset? EscalatedAt);

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

    /// <summary>Demo contracts and survey answers; registered after the synthetic incidents they build on.</summary>
    public static IHostApplicationBuilder AddVictimsDemo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IStartupSeeder, VictimsDemoSeeder>();
        return builder;
    }

    public static WebApplication MapVictims(this WebApplication app)
    {
        var victims = app.MapGroup("/api/v1/victims").RequireAuthorization(AccountsSetup.ApiPolicy).WithTags("Victims");
        victims.MapGet("/contracts", ListAsync);
        victims.MapGet("/contracts/{id:long}", GetAsync);
        victims.MapPatch("/contracts/{id:long}", PatchAsync);
        victims.MapPost("/contracts/{id:long}/events", EventAsync);
        victims.MapPost("/contacts", ContactAsync);
        victims.MapGet("/contacts", ContactsAsync);
        victims.MapGet("/due", async (VictimsCode code, CancellationToken ct) => TypedResults.Ok(await code.DueForMeAsync(ct)));
        victims.MapGet("/escalations", async (VictimsCode code, CancellationToken ct) => TypedResults.Ok(await code.EscalationsAsync(ct)));
        victims.MapGet("/compliance", ComplianceAsync);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ContractResponse>>, ValidationProblem>> ListAsync(
        VictimsCode code, long? incidentId, long? crimeRecordId, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        var query = code.Visible.AsNoTracking();
        if (incidentId is { } i)
        {
            query = query.Where(c => c.IncidentId == i);
        }
        if (crimeRecordId is { } r)
        {
            query = query.Where(c => c.CrimeRecordId == r);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<ContractResponse>();
        foreach (var row in rows)
        {
            items.Add(await code.ToResponseAsync(row, ct));
        }
        return TypedResults.Ok(new PagedList<ContractResponse>(items, paging.Page, paging.PageSize, total));
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem>> GetAsync(long id, HttpContext context, VictimsCode code, AppDb db, CancellationToken ct)
    {
        // Whether the contract exists for the caller is decided before a purpose is asked.
        var sensitive = await (from c in code.Visible
                               join i in db.Incidents on c.IncidentId equals i.Id
                               where c.Id == id
                               select (bool?)i.Sensitive).FirstOrDefaultAsync(ct);
        if (sensitive is null)
        {
            return TypedResults.NotFound();
        }
        if (sensitive == true && Purpose.From(context) is null)
        {
            return TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required");
        }
        return await code.ReadAsync(id, ct, Purpose.From(context)) is { } contract ? TypedResults.Ok(contract) : TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PatchAsync(
        long id, ContractUpdateRequest request, VictimsCode code, AppDb db, CancellationToken ct)
    {
        var (outcome, errors) = await code.UpdateAsync(id, request, ct);
        switch (outcome)
        {
            case VictimsOutcome.NotFound:
                return TypedResults.NotFound();
            case VictimsOutcome.Invalid:
                return TypedResults.ValidationProblem(errors, title: "The contract was not changed");
            case VictimsOutcome.Stale:
                return TypedResults.Problem(IncidentsApi.Stale(await db.VictimContactContracts.Where(c => c.Id == id).Select(c => c.Version).FirstAsync(ct)));
        }
        var contract = await db.VictimContactContracts.AsNoTracking().FirstAsync(c => c.Id == id, ct);
        return TypedResults.Ok(await code.ToResponseAsync(contract, ct));
    }

    private static async Task<Results<Created<DueResponse>, NotFound, ValidationProblem>> EventAsync(long id, VictimEventRequest request, VictimsCode code, TimeProvider time, CancellationToken ct)
    {
        var (outcome, due, errors) = await code.RecordEventAsync(id, request, ct);
        return outcome switch
        {
            VictimsOutcome.NotFound => TypedResults.NotFound(),
            VictimsOutcome.Invalid => TypedResults.ValidationProblem(errors, title: "The event was not recorded"),
            _ => TypedResults.Created($"/api/v1/victims/contracts/{id}", new DueResponse(due!.Id, due.Event.ToString(), due.Enhanced, due.StartedAt, due.DueAt, due.MetAt,
                ContractResponse.StateOf(due, time.GetUtcNow()), due.Notes, due.EscalatedAt)),
        };
    }

    private static async Task<Results<Created<ContactResponse>, NotFound, ValidationProblem>> ContactAsync(VictimContactRequest request, VictimsCode code, CancellationToken ct)
    {
        var (outcome, contact, errors) = await code.LogContactAsync(request, ct);
        return outcome switch
        {
            VictimsOutcome.NotFound => TypedResults.NotFound(),
            VictimsOutcome.Invalid => TypedResults.ValidationProblem(errors, title: "The contact was not logged"),
            _ => TypedResults.Created($"/api/v1/victims/contracts/{contact!.ContractId}",
                new ContactResponse(contact.Id, contact.CrimeRecordId, contact.ContactedAt, contact.Channel.ToString(), contact.Summary, contact.RightToReviewExplained, contact.RecordedBy)),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<ContactResponse>>, NotFound>> ContactsAsync(long contractId, VictimsCode code, CancellationToken ct) =>
        await code.ReadAsync(contractId, ct) is { } contract ? TypedResults.Ok(contract.Contacts) : TypedResults.NotFound();

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

internal sealed class VictimsSeeder(ForceConfiguration configuration, AppDb db) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await configuration.SeedAsync(VictimCodeRules.Key, VictimCodeRules.Default, cancellationToken);
        await configuration.SeedAsync(Feedback.SurveyRules.Key, Feedback.SurveyRules.Default, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Runs the reminder and escalation sweep every minute once the database is ready.</summary>
internal sealed partial class VictimsCodeWorker(IServiceScopeFactory scopes, StartupState state, TimeProvider time, IConfiguration configuration, ILogger<VictimsCodeWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (configuration["Messaging:SendInBackground"] == "false")
        {
            return;
        }
        if (!await state.SucceededAsync(stoppingToken))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<VictimsCode>().SweepAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<Feedback.SurveyService>().SweepAsync(stoppingToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogSweepFailed(log, error);
            }
            await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The victim contact sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception error);
}
