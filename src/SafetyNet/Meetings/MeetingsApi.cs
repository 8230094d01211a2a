using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Meetings;

/// <summary>Multi-agency meetings: <c>/api/v1/asb/meetings</c>. Decisions become actions on the case's plan.</summary>
public static class MeetingsApi
{
    public static IHostApplicationBuilder AddMeetings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AsbMeetings>();
        builder.Services.AddScoped<MaracMeetings>();
        builder.Services.AddScoped<Referrals.MaracListing>();
        builder.Services.AddScoped<IStartupSeeder, Referrals.MaracSeeder>();
        return builder;
    }

    public static WebApplication MapMeetings(this WebApplication app)
    {
        var meetings = app.MapGroup("/api/v1/asb/meetings").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Multi-agency meetings");
        meetings.MapGet("", ListAsync)
            .WithName("listMeetings").WithSummary("List multi-agency meetings");
        meetings.MapPost("", async (MeetingRequest request, AsbMeetings board, CancellationToken ct) =>
                (await board.CreateAsync(request, ct)).ToCreated(m => m, m => $"/api/v1/asb/meetings/{m.Id}", "The meeting was not recorded"))
            .WithName("recordMeeting").WithSummary("Record a multi-agency meeting and who attended");
        meetings.MapGet("/{id:long}", async Task<Results<Ok<MeetingResponse>, NotFound>> (long id, AsbMeetings board, CancellationToken ct) =>
                await board.ReadAsync(id, ct) is { } meeting ? TypedResults.Ok(meeting) : TypedResults.NotFound())
            .WithName("getMeeting").WithSummary("Read a meeting and its agenda");
        meetings.MapPost("/{id:long}/agenda", async (long id, MeetingItemRequest request, AsbMeetings board, CancellationToken ct) =>
                (await board.AddItemAsync(id, request, ct)).ToCreated(m => m, m => $"/api/v1/asb/meetings/{m.Id}", "The agenda item was not recorded"))
            .WithName("addMeetingAgendaItem").WithSummary("Add a case discussed at a meeting, with its decision");
        return app;
    }

    private static async Task<Results<Ok<PagedList<MeetingResponse>>, ValidationProblem>> ListAsync(AsbMeetings board, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        return v.IsValid ? TypedResults.Ok(await board.ListAsync(paging, ct)) : TypedResults.ValidationProblem(v.Errors);
    }
}
