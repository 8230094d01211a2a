using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

/// <summary>
/// MARAC: <c>/api/v1/marac</c>. The referral list, meetings, listing a case and the actions agreed; and an officer's
/// professional judgement that puts a case on the list.
/// </summary>
public static class MaracApi
{
    public static WebApplication MapMarac(this WebApplication app)
    {
        var marac = app.MapGroup("/api/v1/marac").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("MARAC");
        marac.MapGet("/referrals", async Task<Results<Ok<List<MaracReferralResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> (MaracMeetings board, CancellationToken ct) =>
                (await board.WaitingAsync(ct)).ToOk())
            .WithName("listMaracReferrals").WithSummary("List the cases on the MARAC referral list, waiting to be listed");
        marac.MapPost("/referrals", async (MaracJudgementRequest request, MaracListing listing, ReferralDesk desk, CancellationToken ct) =>
            {
                var made = await listing.ReferOnJudgementAsync(request, ct);
                var answer = made.Value is { } referral ? (await desk.ToResponsesAsync([referral], ct))[0] : null;
                return made.ToCreated(_ => answer!, r => $"/api/v1/referrals/{r.Id}", "The case was not referred to MARAC");
            }).RequireAuthorization(Entitlements.Referring)
            .WithName("referToMarac").WithSummary("Refer a victim's case to MARAC on an officer's professional judgement");
        marac.MapGet("/meetings", async Task<Results<Ok<List<MaracMeetingSummary>>, NotFound, ValidationProblem, ProblemHttpResult>> (MaracMeetings board, CancellationToken ct) =>
                (await board.MeetingsAsync(ct)).ToOk())
            .WithName("listMaracMeetings").WithSummary("List MARAC meetings");
        marac.MapPost("/meetings", async (MeetingRequest request, MaracMeetings board, CancellationToken ct) =>
                (await board.CreateAsync(request, ct)).ToCreated(m => m, m => $"/api/v1/marac/meetings/{m.Id}", "The meeting was not recorded"))
            .WithName("recordMaracMeeting").WithSummary("Record a MARAC meeting and who attended");
        marac.MapGet("/meetings/{id:long}", async Task<Results<Ok<MaracMeetingResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, MaracMeetings board, CancellationToken ct) =>
                (await board.ReadAsync(id, ct)).ToOk())
            .WithName("getMaracMeeting").WithSummary("Read a MARAC meeting, its listed cases and their actions");
        marac.MapPost("/meetings/{id:long}/listings", async (long id, MaracListingRequest request, MaracMeetings board, CancellationToken ct) =>
                (await board.ListCaseAsync(id, request, ct)).ToCreated(m => m, m => $"/api/v1/marac/meetings/{m.Id}", "The case was not listed"))
            .WithName("listMaracCase").WithSummary("List a case from the MARAC referral list on a meeting's agenda");
        marac.MapPost("/meetings/{id:long}/listings/{listingId:long}/actions", async (long id, long listingId, MaracActionRequest request, MaracMeetings board, CancellationToken ct) =>
                (await board.AddActionAsync(id, listingId, request, ct)).ToCreated(m => m, m => $"/api/v1/marac/meetings/{m.Id}", "The action was not recorded"))
            .WithName("addMaracAction").WithSummary("Record an action agreed at a MARAC for a listed case");
        marac.MapPost("/meetings/{id:long}/actions/{actionId:long}/done", async (long id, long actionId, MaracActionDoneRequest request, MaracMeetings board, CancellationToken ct) =>
                (await board.CompleteActionAsync(id, actionId, request, ct)).ToOk("The action was not marked as done"))
            .WithName("completeMaracAction").WithSummary("Mark a MARAC action as done, with what was done")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
