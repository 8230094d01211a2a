using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Offenders;

/// <summary>
/// The offender register's API under <c>/api/v1/offenders</c>: search by area and offence type, who was released this
/// week, reminders before licence and bail conditions expire, one record, and each addition to it. Not entitled is 404.
/// </summary>
public static class OffendersApi
{
    public static WebApplication MapOffenders(this WebApplication app)
    {
        var offenders = app.MapGroup("/api/v1/offenders")
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Offenders).WithTags("Offenders");
        offenders.MapGet("", SearchAsync)
            .WithName("searchOffenders")
            .WithSummary("Search the register: living in a district or within a radius of a point, or arrested there in the last activeDays days; by offence type, name and released this week");
        offenders.MapGet("/released", ReleasedAsync)
            .WithName("listOffendersReleased").WithSummary("List offenders released from custody this week (the last seven days by default), living in a district if given");
        offenders.MapGet("/reminders", async Task<Ok<IReadOnlyList<ConditionReminder>>> (OffenderAccess access, CancellationToken ct) =>
                TypedResults.Ok(await access.RemindersDueAsync(ct)))
            .WithName("listConditionReminders").WithSummary("List licence and bail conditions whose reminder before expiry is due");
        offenders.MapGet("/offence-types", () => TypedResults.Ok(OffenceCodes.Types))
            .WithName("listOffenceTypes").WithSummary("List the offence types the search takes, with the Home Office offence classes each covers");
        offenders.MapGet("/marker-kinds", async Task<Ok<IReadOnlyList<MarkerKind>>> (OffenderAccess access, CancellationToken ct) =>
                TypedResults.Ok((await access.RulesAsync(ct)).MarkerKinds))
            .WithName("listWarningMarkerKinds").WithSummary("List the kinds of warning marker the force has configured");
        offenders.MapGet("/{id:long}", GetAsync)
            .WithName("getOffender").WithSummary("Read an offender's record: arrests, charges, convictions and cautions, custody, conditions, markers and intelligence");

        var recording = app.MapGroup("/api/v1/offenders")
            .RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.OffenderRecording).WithTags("Offenders");
        recording.MapPost("", async (OffenderRequest request, OffenderRecording register, CancellationToken ct) =>
                (await register.CreateAsync(request, ct)).ToCreated(c => c, c => $"/api/v1/offenders/{c.OffenderId}", "The offender was not added"))
            .WithName("addOffender").WithSummary("Add an identity to the register, with where they live");
        recording.MapPost("/{id:long}/arrests", async (long id, ArrestRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddArrestAsync(id, request, ct), "The arrest was not added"))
            .WithName("addOffenderArrest").WithSummary("Add an arrest: when, the Home Office offence code, the outcome and where").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/charges", async (long id, ChargeRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddChargeAsync(id, request, ct), "The charge was not added"))
            .WithName("addOffenderCharge").WithSummary("Add a charge with its Home Office offence code").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/sanctions", async (long id, SanctionRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddSanctionAsync(id, request, ct), "The conviction or caution was not added"))
            .WithName("addOffenderSanction").WithSummary("Add a conviction or caution: date, Home Office offence code and disposal").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/custody", async (long id, CustodyRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddCustodyAsync(id, request, ct), "The custody was not added"))
            .WithName("addOffenderCustody").WithSummary("Add a time in custody, with its release date if known").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/custody/{spellId:long}/release", async (long id, long spellId, ReleaseRequest request, OffenderRecording register, CancellationToken ct) =>
                (await register.ReleaseAsync(id, spellId, request, ct)).ToOk("The release was not recorded"))
            .WithName("releaseOffender").WithSummary("Record the release from a time in custody").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/conditions", async (long id, ConditionRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddConditionAsync(id, request, ct), "The conditions were not added"))
            .WithName("addOffenderCondition").WithSummary("Add licence or bail conditions with their start and expiry; the reminder before expiry falls due by the force's rule")
            .ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/conditions/{conditionId:long}/breaches", async (long id, long conditionId, BreachRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddBreachAsync(id, conditionId, request, ct), "The breach was not added"))
            .WithName("addConditionBreach").WithSummary("Record a breach of licence or bail conditions").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/markers", async (long id, MarkerRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddMarkerAsync(id, request, ct), "The warning marker was not added"))
            .WithName("addWarningMarker").WithSummary("Add a warning marker of a configured kind").ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/{id:long}/intelligence", async (long id, IntelligenceRequest request, OffenderRecording register, CancellationToken ct) =>
                Created(await register.AddIntelligenceAsync(id, request, ct), "The intelligence was not added"))
            .WithName("addIntelligence").WithSummary("Add intelligence graded 3×5×2: source evaluation 1–3, assessment A–E, handling code P or C (with its conditions)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        recording.MapPost("/import", ImportAsync).Accepts<string>("text/csv")
            .WithName("importOffenders")
            .WithSummary("Import the register from CSV (decision 0122's layout): idempotent; rows rejected with their line and reasons, the rest saved whole");
        return app;
    }

    /// <summary>The largest file the API takes; larger imports go through the command line.</summary>
    private const int MaxImportBytes = 10 * 1024 * 1024;

    private static async Task<Results<Ok<ImportResult>, ValidationProblem>> ImportAsync(HttpRequest request, OffenderImport import, CancellationToken ct)
    {
        if (request.ContentLength > MaxImportBytes)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["The file is larger than 10 MB: import it from the command line"] });
        }
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        var (result, problem) = await import.ImportAsync(new StringReader(text), "api", ct);
        return result is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [problem!] }, title: "The file was not imported")
            : TypedResults.Ok(result);
    }

    private static Results<Created<OffenderChange>, NotFound, ValidationProblem, ProblemHttpResult> Created(Outcome<OffenderChange> outcome, string title) =>
        outcome.ToCreated(c => c, c => $"/api/v1/offenders/{c.OffenderId}", title);

    /// <summary>Reads a search from its parameters; errors name the parameter.</summary>
    public static OffenderSearch? ReadSearch(Validation v, string? district, double? latitude, double? longitude, int? radius, int? activeDays, string? offenceType, string? name,
        bool releasedThisWeek = false)
    {
        var d = v.District("district", district);
        if (d is not null && (latitude is not null || longitude is not null))
        {
            v.Add("district", "Search a district or near a point, not both");
        }
        if (latitude is null != longitude is null)
        {
            v.Add(latitude is null ? "latitude" : "longitude", "Give both the latitude and the longitude of the point");
        }
        if (latitude is { } lat && lat is < 49 or > 61)
        {
            v.Add("latitude", "The latitude must be in Great Britain (49 to 61)");
        }
        if (longitude is { } lon && lon is < -9 or > 2.5)
        {
            v.Add("longitude", "The longitude must be in Great Britain (-9 to 2.5)");
        }
        if (latitude is not null && radius is null)
        {
            v.Add("radius", "Give the radius around the point, in metres");
        }
        if (radius is { } r && r is < 50 or > 10_000)
        {
            v.Add("radius", "The radius must be 50 to 10,000 metres");
        }
        if (activeDays is { } days && days is < 1 or > 730)
        {
            v.Add("activeDays", "Recently active must look back 1 to 730 days");
        }
        if (activeDays is not null && d is null && latitude is null)
        {
            v.Add("activeDays", "Recently active needs an area: a district or a point");
        }
        if (!string.IsNullOrWhiteSpace(offenceType) && OffenceCodes.FindType(offenceType) is null)
        {
            v.Add("offenceType", $"The offence type must be one of: {string.Join(", ", OffenceCodes.Types.Select(t => t.Code))}");
        }
        var n = v.MaxLength("name", name, "the name", 100);
        return v.IsValid ? new OffenderSearch(d, latitude, longitude, latitude is null ? null : radius, activeDays, OffenceCodes.FindType(offenceType)?.Code, n, releasedThisWeek) : null;
    }

    private static async Task<Results<Ok<PagedList<OffenderListItem>>, ValidationProblem>> SearchAsync(
        OffenderAccess access, string? district, double? latitude, double? longitude, int? radius, int? activeDays, string? offenceType, string? name,
        bool? releasedThisWeek, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var search = ReadSearch(v, district, latitude, longitude, radius, activeDays, offenceType, name, releasedThisWeek == true);
        if (search is null || !v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await access.SearchAsync(search, paging, ct));
    }

    private static async Task<Results<Ok<PagedList<OffenderListItem>>, ValidationProblem>> ReleasedAsync(
        OffenderAccess access, string? district, int? page, int? pageSize, CancellationToken ct)
    {
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize);
        var d = v.District("district", district);
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await access.ReleasedAsync(d, paging, ct));
    }

    private static async Task<Results<Ok<OffenderView>, NotFound>> GetAsync(long id, OffenderAccess access, CancellationToken ct) =>
        await access.ReadAsync(id, ct) is { Allowed: true, Value: { } view } ? TypedResults.Ok(view) : TypedResults.NotFound();
}
