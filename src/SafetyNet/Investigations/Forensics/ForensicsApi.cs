using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations.Forensics;

/// <summary>
/// The digital forensics queue: <c>/api/v1/forensics</c> for the unit (supervisors read), and submitting a device from
/// an investigation at <c>/api/v1/investigations/{id}/forensics</c>.
/// </summary>
public static class ForensicsApi
{
    public static WebApplication MapForensics(this WebApplication app)
    {
        app.MapPost("/api/v1/investigations/{id:long}/forensics", async (long id, ForensicSubmissionRequest request, HttpContext context, DigitalForensics forensics, CancellationToken ct) =>
                (await forensics.SubmitAsync(id, request, Purpose.From(context), ct)).ToCreated(s => s, s => $"/api/v1/forensics/{s.Id}", "The device was not submitted"))
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Investigations).WithTags("Digital forensics")
            .WithName("submitForensicDevice").WithSummary("Submit a seized device from an investigation to the digital forensics unit, with its seizure as the first entry in its continuity, scored into a priority with its reasons");

        var forensics = app.MapGroup("/api/v1/forensics").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Investigations).WithTags("Digital forensics");
        forensics.MapGet("", async Task<Results<Ok<ForensicQueue>, NotFound, ValidationProblem, ProblemHttpResult>> (DigitalForensics unit, CancellationToken ct) =>
                (await unit.QueueAsync(ct)).ToOk())
            .WithName("listForensicQueue").WithSummary("The digital forensics unit's queue by priority then age, with the backlog by age and priority and turnaround against target");
        forensics.MapGet("/{id:long}", async Task<Results<Ok<ForensicSubmissionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, DigitalForensics unit, CancellationToken ct) =>
                (await unit.ReadAsync(id, ct)).ToOk())
            .WithName("getForensicSubmission").WithSummary("Read a forensic submission with its priority, continuity, triage and examination");
        forensics.MapPost("/{id:long}/movements", async Task<Results<Ok<ForensicSubmissionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, ExhibitMovementRequest request, DigitalForensics unit, CancellationToken ct) =>
                (await unit.RecordMovementAsync(id, request, ct)).ToOk("The movement was not recorded"))
            .WithName("recordExhibitMovement").WithSummary("Record a hand-over in a device's continuity: when it happened, who handed it to whom, and where the device is now");
        forensics.MapPost("/{id:long}/triage", async Task<Results<Ok<ForensicSubmissionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, KioskTriageRequest request, DigitalForensics unit, CancellationToken ct) =>
                (await unit.TriageAsync(id, request, ct)).ToOk("The triage was not recorded"))
            .WithName("recordKioskTriage").WithSummary("Record a device's kiosk triage; no relevant material may close the submission early")
            .ProducesProblem(StatusCodes.Status409Conflict);
        forensics.MapPost("/{id:long}/examination", async Task<Results<Ok<ForensicSubmissionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> (long id, ExaminationRequest request, DigitalForensics unit, CancellationToken ct) =>
                (await unit.ExamineAsync(id, request, ct)).ToOk("The examination was not recorded"))
            .WithName("recordForensicExamination").WithSummary("Start or complete a device's full examination")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }
}

public static class ForensicsSetup
{
    public static IHostApplicationBuilder AddForensics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DigitalForensics>();
        builder.Services.AddScoped<IStartupSeeder, ForensicPrioritiesSeeder>();
        builder.Services.AddScoped<IStartupSeeder, ForensicsDemoSeeder>();
        return builder;
    }
}
