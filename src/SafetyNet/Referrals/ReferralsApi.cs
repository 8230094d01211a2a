using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Referrals;

public sealed record ReferralRequest(long? IncidentId, string? Kind, long? PersonId, int? ToAgencyId, string? Reason, string? LawfulBasis, bool? Consent);

public sealed record ReferralVersionRequest(int? Version);

public sealed record ReferralFeedbackRequest(string? Feedback, int? Version);

/// <summary>A reason given with a step: why a referral is declined, or why a suggestion is dismissed.</summary>
public sealed record ReferralReasonRequest(string? Reason, int? Version);

public sealed record ReferralEditRequest(string? Reason, int? ToAgencyId, int? Version);

public sealed record ReferralContactRequest(DateOnly? ContactedOn, string? Summary);

/// <summary>
/// A referral with its stages: <c>dueAt</c> is when the answer is due, <c>feedbackDueAt</c> when feedback is due after
/// acceptance, <c>nextDueAt</c> the due time of the stage it is in, and <c>overdue</c> whether that has passed.
/// </summary>
public sealed record ReferralResponse(
    long Id, long IncidentId, string IncidentReference, long? CrimeRecordId, string Kind, int? ToAgencyId, string? ToAgency, int? ToTeamId, string? ToTeam,
    string Status, DateTimeOffset DueAt, DateTimeOffset? NextDueAt, bool Overdue, DateTimeOffset? SentAt, string Reason, string? LawfulBasis, bool? Consent,
    DateTimeOffset? AnsweredAt, string? AnsweredBy, string? DeclineReason, DateTimeOffset? FeedbackDueAt, string? Feedback, DateTimeOffset? FeedbackAt,
    string? FeedbackBy, DateTimeOffset? ClosedAt, string? DismissReason, int Version);

public sealed record ReferralContactResponse(long Id, DateOnly ContactedOn, string Summary, DateTimeOffset RecordedAt, string RecordedBy);

public sealed record ReferralEventResponse(DateTimeOffset At, string What, string? By, string? Detail);

/// <summary>One referral with its contacts and history, and what the caller may do: answer it as its receiver, or send, change or dismiss it as its referrer.</summary>
public sealed record ReferralDetailResponse(ReferralResponse Referral, IReadOnlyList<ReferralContactResponse> Contacts, IReadOnlyList<ReferralEventResponse> History,
    bool Receiving, bool Referring);

public static class ReferralsApi
{
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReferralDesk>();
        builder.Services.AddScoped<IStartupSeeder, ReferralsSeeder>();
        return builder;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        var referrals = app.MapGroup("/api/v1/referrals").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Referrals).WithTags("Referrals");
        referrals.MapGet("", ListAsync)
            .WithName("listReferrals").WithSummary("List referrals");
        referrals.MapPost("", CreateAsync).RequireAuthorization(Entitlements.Referring)
            .WithName("createReferral").WithSummary("Make a referral to a partner agency");
        referrals.MapGet("/worklist", WorklistAsync)
            .WithName("listReferralWorklist").WithSummary("List the referrals waiting for the signed-in user's team or agency, or those they or their teams made");
        referrals.MapGet("/{id:long}", async Task<Results<Ok<ReferralDetailResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, ReferralDesk desk, CancellationToken ct) =>
            (await desk.ReadAsync(id, ct)).ToOk())
            .WithName("getReferral").WithSummary("Read a referral with its contacts and history");
        referrals.MapPatch("/{id:long}", async (long id, ReferralEditRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.EditAsync(id, request, ct), ct)).RequireAuthorization(Entitlements.Referring)
            .WithName("editReferral").WithSummary("Change a suggested referral's reason, or the agency of a referral to a named partner").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/send", async (long id, ReferralVersionRequest? request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.SendAsync(id, request?.Version, ct), ct)).RequireAuthorization(Entitlements.Referring)
            .WithName("sendReferral").WithSummary("Send a suggested referral to the receiving agency").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/dismiss", async (long id, ReferralReasonRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.DismissAsync(id, request, ct), ct)).RequireAuthorization(Entitlements.Referring)
            .WithName("dismissReferral").WithSummary("Decide not to send a suggested referral, with the reason").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/accept", async (long id, ReferralVersionRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.AcceptAsync(id, request.Version, ct), ct))
            .WithName("acceptReferral").WithSummary("Accept a referral sent to your team or agency").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/decline", async (long id, ReferralReasonRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.DeclineAsync(id, request, ct), ct))
            .WithName("declineReferral").WithSummary("Decline a referral sent to your team or agency, with the reason").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/contacts", async Task<Results<Created<ReferralContactResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (
            long id, ReferralContactRequest request, ReferralDesk desk, CancellationToken ct) =>
            (await desk.RecordContactAsync(id, request, ct)).ToCreated(c => new ReferralContactResponse(c.Id, c.ContactedOn, c.Summary, c.RecordedAt, c.RecordedBy),
                _ => $"/api/v1/referrals/{id}", "The contact was not recorded"))
            .WithName("recordReferralContact").WithSummary("Record a contact or visit made on an accepted referral");
        referrals.MapPost("/{id:long}/feedback", async (long id, ReferralFeedbackRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.FeedbackAsync(id, request, ct), ct))
            .WithName("answerReferral").WithSummary("Give the referrer feedback on an accepted referral").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/close", async (long id, ReferralVersionRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.CloseAsync(id, request.Version, ct), ct))
            .WithName("closeReferral").WithSummary("Close a referral once feedback is given").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<Results<Ok<PagedList<ReferralResponse>>, ValidationProblem>> ListAsync(
        ReferralDesk desk, string? status, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var s = v.Enum<ReferralStatus>("status", status, "the status", required: false);
        var k = v.Enum<ReferralKind>("kind", kind, "the kind", required: false);
        return v.IsValid ? TypedResults.Ok(await desk.ListAsync(s, k, paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Ok<PagedList<ReferralResponse>>, ValidationProblem>> WorklistAsync(
        ReferralDesk desk, string? view, string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var shown = v.Enum<ReferralView>("view", view, "the list: worklist, made or all", required: false) ?? ReferralView.Worklist;
        var s = v.Enum<ReferralStatus>("status", status, "the status", required: false);
        return v.IsValid ? TypedResults.Ok(await desk.ListAsync(shown, s, null, paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }

    private static async Task<Results<Created<ReferralResponse>, NotFound, ValidationProblem>> CreateAsync(ReferralRequest request, ReferralDesk desk, CancellationToken ct)
    {
        var made = await desk.CreateAsync(request, ct);
        return made.Kind switch
        {
            OutcomeKind.Done => TypedResults.Created($"/api/v1/referrals/{made.Value!.Id}", (await desk.ToResponsesAsync([made.Value], ct))[0]),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            _ => TypedResults.ValidationProblem(made.Errors, title: "The referral was not made"),
        };
    }

    private static async Task<Results<Ok<ReferralResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        ReferralDesk desk, Outcome<Referral> result, CancellationToken ct)
    {
        var answer = result.Value is { } referral ? (await desk.ToResponsesAsync([referral], ct))[0] : null;
        return result.ToOk(_ => answer!, "The referral was not changed");
    }
}
