using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

public static class FileReviewsApi
{
    public static WebApplication MapFileReviews(this WebApplication app)
    {
        var reviews = app.MapGroup("/api/v1/investigations/file-reviews")
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.FileReview).WithTags("Investigations");
        reviews.MapPost("", async Task<Results<Created<FileReviewSummaryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (
                CreateFileReviewRequest request, FileReviews files, CancellationToken ct) =>
            (await files.CreateAsync(request, ct)).ToCreated(FileReviews.Summary, r => $"/api/v1/investigations/file-reviews/{r.Id}", "The file review was not started"))
            .WithName("createFileReview").WithSummary("Draw a sample of finalised investigations for a file review");
        reviews.MapGet("", async (FileReviews files, CancellationToken ct) =>
            {
                var list = await files.ListAsync(ct);
                return TypedResults.Ok(new PagedList<FileReviewSummaryResponse>(list, 1, Math.Max(1, list.Count), list.Count));
            })
            .WithName("listFileReviews").WithSummary("List file reviews");
        reviews.MapGet("/{id:long}", async Task<Results<Ok<FileReviewResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, FileReviews files, CancellationToken ct) =>
                (await files.ReadAsync(id, ct)).ToOk())
            .WithName("getFileReview").WithSummary("Read a file review: its sample, each file's checklist and the proportion effective with its interval");
        reviews.MapPut("/{id:long}/items/{position:int}", async Task<Results<Ok<FileReviewItemResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (
                long id, int position, FileReviewItemRequest request, FileReviews files, CancellationToken ct) =>
                (await files.ReviewItemAsync(id, position, request, ct)).ToOk("The file was not reviewed"))
            .WithName("reviewFileReviewItem").WithSummary("Review one sampled investigation against the checklist").ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}
