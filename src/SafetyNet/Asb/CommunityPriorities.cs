using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Asb;

/// <summary>
/// A community priority a neighbourhood team agreed with residents and councillors (such as "speeding on
/// the High Street"), the actions taken on it and the date it is next reviewed with them. Partners working
/// in the district see it; a priority carries no personal data.
/// </summary>
public sealed class CommunityPriority : IVersioned
{
    public long Id { get; set; }
    public required string District { get; set; }
    /// <summary>The neighbourhood or ward within the district, as residents name it.</summary>
    public string? Area { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    /// <summary>Who set it and where: a residents' meeting, a councillors' surgery, a survey.</summary>
    public required string SetWith { get; set; }
    public DateOnly SetOn { get; set; }
    public DateOnly ReviewOn { get; set; }
    /// <summary>Active, Achieved or Closed.</summary>
    public string Status { get; set; } = PriorityStatus.Active;
    public string? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Version { get; set; }
    public List<PriorityAction> Actions { get; set; } = [];
}

public sealed class PriorityAction
{
    public long Id { get; set; }
    public long PriorityId { get; set; }
    public DateOnly TakenOn { get; set; }
    public required string Description { get; set; }
    public required string TakenBy { get; set; }
    public required string Agency { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

public static class PriorityStatus
{
    public const string Active = nameof(Active);
    public const string Achieved = nameof(Achieved);
    public const string Closed = nameof(Closed);
    public static readonly IReadOnlyList<string> All = [Active, Achieved, Closed];
}

internal sealed class CommunityPriorityConfiguration : IEntityTypeConfiguration<CommunityPriority>
{
    public void Configure(EntityTypeBuilder<CommunityPriority> p)
    {
        p.ToTable("CommunityPriorities");
        p.Property(x => x.District).HasMaxLength(60);
        p.Property(x => x.Area).HasMaxLength(100);
        p.Property(x => x.Title).HasMaxLength(200);
        p.Property(x => x.Description).HasMaxLength(4000);
        p.Property(x => x.SetWith).HasMaxLength(300);
        p.Property(x => x.Status).HasMaxLength(20);
        p.Property(x => x.Outcome).HasMaxLength(4000);
        p.Property(x => x.CreatedBy).HasMaxLength(256);
        p.HasIndex(x => new { x.District, x.Status, x.ReviewOn });
        p.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.PriorityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriorityActionConfiguration : IEntityTypeConfiguration<PriorityAction>
{
    public void Configure(EntityTypeBuilder<PriorityAction> a)
    {
        a.ToTable("CommunityPriorityActions");
        a.Property(x => x.Description).HasMaxLength(2000);
        a.Property(x => x.TakenBy).HasMaxLength(256);
        a.Property(x => x.Agency).HasMaxLength(200);
    }
}

public sealed record PriorityRequest(int? Version, string? District, string? Area, string? Title, string? Description, string? SetWith,
    DateOnly? SetOn, DateOnly? ReviewOn, string? Status, string? Outcome);

public sealed record PriorityActionRequest(DateOnly? TakenOn, string? Description);

public sealed record PriorityActionResponse(long Id, DateOnly TakenOn, string Description, string TakenBy, string Agency);

public sealed record PriorityResponse(long Id, string District, string? Area, string Title, string Description, string SetWith, DateOnly SetOn,
    DateOnly ReviewOn, bool ReviewOverdue, string Status, string? Outcome, IReadOnlyList<PriorityActionResponse> Actions, int Version);

/// <summary>
/// Records and reads community priorities. The force's neighbourhood and desk staff record and change them;
/// a partner caseworker sees those of the districts its agency works in (a district council its own
/// district, a county-wide agency every district) and may record the actions its agency took.
/// </summary>
public sealed class CommunityPriorities(AppDb db, CaseAccess access, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    public bool CanRead => access.CanUseCases;

    public bool CanRecord => access.IsForceCaseworker;

    private DateOnly Today => ForceClock.DayOf(time.GetUtcNow());

    private async Task<IQueryable<CommunityPriority>> VisibleAsync(CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return db.CommunityPriorities.Where(_ => false);
        }
        if (access.IsForceCaseworker)
        {
            return db.CommunityPriorities;
        }
        var district = await db.Agencies.Where(a => a.Id == access.AgencyId).Select(a => a.District).FirstOrDefaultAsync(ct);
        return district is null ? db.CommunityPriorities : db.CommunityPriorities.Where(p => p.District == district);
    }

    public async Task<PagedList<PriorityResponse>> ListAsync(string? district, string? status, bool dueForReview, Paging paging, CancellationToken ct)
    {
        var query = (await VisibleAsync(ct)).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(district))
        {
            query = query.Where(p => p.District == district);
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            query = query.Where(p => p.Status == status);
        }
        var today = Today;
        if (dueForReview)
        {
            query = query.Where(p => p.Status == PriorityStatus.Active && p.ReviewOn <= today);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.Include(p => p.Actions).OrderBy(p => p.Status == PriorityStatus.Active ? 0 : 1).ThenBy(p => p.ReviewOn).ThenBy(p => p.Id)
            .Skip(paging.Skip).Take(paging.PageSize).AsSplitQuery().ToListAsync(ct);
        await audit.WriteAsync("priority.list", "priority", null, details: $"district={district} status={status} due={dueForReview} count={rows.Count}", cancellationToken: ct);
        return new PagedList<PriorityResponse>(rows.Select(p => ToResponse(p, today)).ToList(), paging.Page, paging.PageSize, total);
    }

    public async Task<PriorityResponse?> FindAsync(long id, CancellationToken ct)
    {
        var priority = await (await VisibleAsync(ct)).AsNoTracking().Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null)
        {
            return null;
        }
        await audit.WriteAsync("priority.read", "priority", id.ToString(CultureInfo.InvariantCulture), cancellationToken: ct);
        return ToResponse(priority, Today);
    }

    public async Task<Outcome<PriorityResponse>> CreateAsync(PriorityRequest request, CancellationToken ct)
    {
        if (!CanRecord)
        {
            return Outcome<PriorityResponse>.NotFound;
        }
        var v = new Validation();
        var priority = new CommunityPriority { District = "", Title = "", Description = "", SetWith = "", CreatedAt = time.GetUtcNow(), CreatedBy = user.Name };
        Apply(v, priority, request, creating: true);
        if (!v.IsValid)
        {
            return Outcome<PriorityResponse>.Invalid(v.Errors);
        }
        db.CommunityPriorities.Add(priority);
        await db.SaveChangesAsync(ct);
        audit.Add("priority.create", "priority", priority.Id.ToString(CultureInfo.InvariantCulture), details: priority.District);
        await db.SaveChangesAsync(ct);
        return Outcome<PriorityResponse>.Done(ToResponse(priority, Today));
    }

    public async Task<Outcome<PriorityResponse>> UpdateAsync(long id, PriorityRequest request, CancellationToken ct)
    {
        var priority = CanRecord ? await db.CommunityPriorities.Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (priority is null)
        {
            return Outcome<PriorityResponse>.NotFound;
        }
        if (request.Version is null)
        {
            return Outcome<PriorityResponse>.Invalid(new Dictionary<string, string[]> { ["version"] = ["Send the version of the priority you read"] });
        }
        if (!db.Matches(priority, request.Version.Value))
        {
            return Outcome<PriorityResponse>.Stale(priority.Version);
        }
        var v = new Validation();
        Apply(v, priority, request, creating: false);
        if (!v.IsValid)
        {
            return Outcome<PriorityResponse>.Invalid(v.Errors);
        }
        audit.Add("priority.update", "priority", id.ToString(CultureInfo.InvariantCulture), details: priority.Status);
        await db.SaveChangesAsync(ct);
        return Outcome<PriorityResponse>.Done(ToResponse(priority, Today));
    }

    public async Task<Outcome<PriorityResponse>> AddActionAsync(long id, PriorityActionRequest request, CancellationToken ct)
    {
        var visible = await VisibleAsync(ct);
        var priority = await visible.Include(p => p.Actions).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (priority is null)
        {
            return Outcome<PriorityResponse>.NotFound;
        }
        var v = new Validation();
        var description = v.Required("description", request.Description, "what was done", 2000);
        if (request.TakenOn is not { } takenOn)
        {
            v.Add("takenOn", "Enter the date the action was taken");
        }
        else if (takenOn > Today)
        {
            v.Add("takenOn", "The date the action was taken must be today or in the past");
        }
        if (priority.Status != PriorityStatus.Active)
        {
            v.Add("description", $"The priority is {priority.Status.ToLowerInvariant()}: reopen it before recording more actions");
        }
        if (!v.IsValid)
        {
            return Outcome<PriorityResponse>.Invalid(v.Errors);
        }
        var agency = await db.Agencies.Where(a => a.Id == access.AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        priority.Actions.Add(new PriorityAction
        {
            TakenOn = request.TakenOn!.Value, Description = description!, TakenBy = user.Name, Agency = agency, RecordedAt = time.GetUtcNow(),
        });
        // A new action is a change to the priority: an edit made on an older copy is then stale.
        priority.Version++;
        audit.Add("priority.action", "priority", id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome<PriorityResponse>.Done(ToResponse(priority, Today));
    }

    private void Apply(Validation v, CommunityPriority p, PriorityRequest r, bool creating)
    {
        p.District = v.District("district", r.District, required: true) ?? p.District;
        p.Area = v.MaxLength("area", r.Area, "the neighbourhood or ward", 100);
        p.Title = v.Required("title", r.Title, "the priority", 200) ?? p.Title;
        p.Description = v.Required("description", r.Description, "what residents raised", 4000) ?? p.Description;
        p.SetWith = v.Required("setWith", r.SetWith, "who set the priority and where", 300) ?? p.SetWith;
        if (r.SetOn is not { } setOn)
        {
            v.Add("setOn", "Enter the date the priority was set");
        }
        else if (setOn > Today)
        {
            v.Add("setOn", "The date the priority was set must be today or in the past");
        }
        if (r.ReviewOn is not { } reviewOn)
        {
            v.Add("reviewOn", "Enter the date the priority will be reviewed with residents");
        }
        else if (r.SetOn is { } set && reviewOn <= set)
        {
            v.Add("reviewOn", "The review date must be after the date the priority was set");
        }
        p.SetOn = r.SetOn ?? p.SetOn;
        p.ReviewOn = r.ReviewOn ?? p.ReviewOn;
        var status = r.Status ?? PriorityStatus.Active;
        if (!PriorityStatus.All.Contains(status) || (creating && status != PriorityStatus.Active))
        {
            v.Add("status", creating ? "A new priority is Active" : "The status is one of: Active, Achieved, Closed");
        }
        p.Outcome = v.MaxLength("outcome", r.Outcome, "the outcome", 4000);
        if (status != PriorityStatus.Active && string.IsNullOrWhiteSpace(p.Outcome))
        {
            v.Add("outcome", "Say what came of the priority before marking it achieved or closed");
        }
        p.Status = status;
    }

    public static PriorityResponse ToResponse(CommunityPriority p, DateOnly today) => new(
        p.Id, p.District, p.Area, p.Title, p.Description, p.SetWith, p.SetOn, p.ReviewOn, p.Status == PriorityStatus.Active && p.ReviewOn < today,
        p.Status, p.Outcome, p.Actions.OrderBy(a => a.TakenOn).ThenBy(a => a.Id).Select(a => new PriorityActionResponse(a.Id, a.TakenOn, a.Description, a.TakenBy, a.Agency)).ToList(),
        p.Version);
}

/// <summary>Community priorities under <c>/api/v1/asb/priorities</c>.</summary>
public static class CommunityPrioritiesApi
{
    public static WebApplication MapCommunityPriorities(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/asb/priorities").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Partnership).WithTags("Community priorities");
        group.MapGet("", ListAsync)
            .WithName("listPriorities").WithSummary("List community priorities");
        group.MapPost("", async (PriorityRequest r, CommunityPriorities p, CancellationToken ct) => Respond(await p.CreateAsync(r, ct), created: true))
            .WithName("setPriority").WithSummary("Set a community priority");
        group.MapGet("/{id:long}", async Task<Results<Ok<PriorityResponse>, NotFound>> (long id, CommunityPriorities p, CancellationToken ct) =>
            await p.FindAsync(id, ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound())
            .WithName("getPriority").WithSummary("Read a community priority");
        group.MapPut("/{id:long}", async (long id, PriorityRequest r, CommunityPriorities p, CancellationToken ct) => Respond(await p.UpdateAsync(id, r, ct)))
            .WithName("updatePriority").WithSummary("Change a community priority").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:long}/actions", async (long id, PriorityActionRequest r, CommunityPriorities p, CancellationToken ct) => Respond(await p.AddActionAsync(id, r, ct), created: true))
            .WithName("addPriorityAction").WithSummary("Add an action to a community priority");
        return app;
    }

    private static async Task<Results<Ok<PagedList<PriorityResponse>>, NotFound, ValidationProblem>> ListAsync(
        CommunityPriorities priorities, string? district, string? status, bool? dueForReview, int? page, int? pageSize, CancellationToken ct)
    {
        if (!priorities.CanRead)
        {
            return TypedResults.NotFound();
        }
        var v = new Validation();
        var paging = Paging.Read(v, page, pageSize, 50);
        district = v.District("district", district);
        if (status is not null && !PriorityStatus.All.Contains(status))
        {
            v.Add("status", "The status is one of: Active, Achieved, Closed");
        }
        if (!v.IsValid)
        {
            return TypedResults.ValidationProblem(v.Errors);
        }
        return TypedResults.Ok(await priorities.ListAsync(district, status, dueForReview == true, paging, ct));
    }

    private static Results<Ok<PriorityResponse>, Created<PriorityResponse>, NotFound, ValidationProblem, ProblemHttpResult> Respond(Outcome<PriorityResponse> result, bool created = false) =>
        result.ToHttp(created, p => $"/api/v1/asb/priorities/{p.Id}", "The priority was not saved");
}
