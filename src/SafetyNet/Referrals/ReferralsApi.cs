using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Messaging;
using SafetyNet.Platform;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Referrals;

public sealed record ReferralRequest(long? IncidentId, string? Kind, long? PersonId, int? ToAgencyId, string? Reason, string? LawfulBasis, bool? Consent);

public sealed record ReferralFeedbackRequest(string? Outcome, string? Feedback, int? Version);

public sealed record ReferralResponse(
    long Id, long IncidentId, string IncidentReference, long? CrimeRecordId, string Kind, int? ToAgencyId, string? ToAgency, string Status,
    DateTimeOffset DueAt, bool Overdue, DateTimeOffset? SentAt, string Reason, string? LawfulBasis, bool? Consent, string? Feedback,
    DateTimeOffset? FeedbackAt, string? FeedbackBy, int Version);

/// <summary>Referrals as each user may see them: force staff all, a partner those sent to its agency.</summary>
public sealed class ReferralDesk(AppDb db, IncidentAccess access, CurrentUser user, AuditTrail audit, TimeProvider time, Outbox outbox)
{
    private static readonly ReferralStatus[] PartnerVisible = [ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Closed];

    public IQueryable<Referral> Visible
    {
        get
        {
            if (access.CanRead)
            {
                return db.Referrals;
            }
            var agency = user.AgencyId;
            return user.IsInRole(Roles.PartnerCaseworker) && agency is not null
                ? db.Referrals.Where(r => r.ToAgencyId == agency && PartnerVisible.Contains(r.Status))
                : db.Referrals.Where(_ => false);
        }
    }

    public async Task<PagedList<ReferralResponse>> ListAsync(ReferralStatus? status, ReferralKind? kind, Paging paging, CancellationToken ct)
    {
        var query = Visible.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }
        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        await audit.WriteAsync("referral.search", "referral", null, details: $"status={status} kind={kind}", cancellationToken: ct);
        return new PagedList<ReferralResponse>(await ToResponsesAsync(rows, ct), paging.Page, paging.PageSize, total);
    }

    public async Task<List<ReferralResponse>> ToResponsesAsync(IReadOnlyCollection<Referral> rows, CancellationToken ct)
    {
        var incidentIds = rows.Select(r => r.IncidentId).Distinct().ToList();
        var references = await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Reference, ct);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var now = time.GetUtcNow();
        return rows.Select(r => new ReferralResponse(r.Id, r.IncidentId, references.GetValueOrDefault(r.IncidentId, ""), r.CrimeRecordId, r.Kind.ToString(),
            r.ToAgencyId, r.ToAgencyId is { } a ? agencies.GetValueOrDefault(a) : null, r.Status.ToString(), r.DueAt,
            r.DueAt < now && r.Status is ReferralStatus.Suggested or ReferralStatus.AwaitingOptIn or ReferralStatus.Sent,
            r.SentAt, r.Reason, r.LawfulBasis, r.Consent, r.Feedback, r.FeedbackAt, r.FeedbackBy, r.Version)).ToList();
    }

    public async Task<Outcome<Referral>> CreateAsync(ReferralRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (!access.CanWrite)
        {
            return Outcome<Referral>.NotFound;
        }
        var incident = request.IncidentId is { } id ? await access.Visible(db.Incidents).FirstOrDefaultAsync(i => i.Id == id, ct) : null;
        if (incident is null)
        {
            v.Add("incidentId", "Select the incident the referral is about");
        }
        var kind = v.Enum<ReferralKind>("kind", request.Kind, "the service referred to");
        var reason = v.Required("reason", request.Reason, "the reason for the referral", 1000);
        var basis = v.Required("lawfulBasis", request.LawfulBasis, "the lawful basis for sharing", 300);
        if (request.ToAgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
        {
            v.Add("toAgencyId", "Select an agency that uses SafetyNet");
        }
        if (request.PersonId is { } person && incident is not null && !await db.IncidentPeople.AnyAsync(p => p.Id == person && p.IncidentId == incident.Id, ct))
        {
            v.Add("personId", "Select a person on this incident");
        }
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        var referral = new Referral
        {
            IncidentId = incident!.Id,
            PersonId = request.PersonId,
            Kind = kind!.Value,
            ToAgencyId = request.ToAgencyId,
            Status = ReferralStatus.Sent,
            SentAt = now,
            DueAt = WorkingDays.EnglandAndWales.DueAfter(now, 2),
            Reason = reason!,
            LawfulBasis = basis,
            Consent = request.Consent,
            CreatedAt = now,
            CreatedBy = user.Name,
            ReferrerEmail = await ReferrerEmailAsync(ct),
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        audit.Add("referral.create", "referral", referral.Id.ToString(CultureInfo.InvariantCulture), details: $"{referral.Kind} to agency {referral.ToAgencyId}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral);
    }

    private async Task<string?> ReferrerEmailAsync(CancellationToken ct) =>
        user.Id is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct) : null;

    /// <summary>Makes a suggested referral (or one awaiting the victim's opt-in, once given) to the receiving agency.</summary>
    public async Task<Outcome<Referral>> SendAsync(long id, int? version, CancellationToken ct)
    {
        var v = new Validation();
        var referral = access.CanWrite ? await db.Referrals.FirstOrDefaultAsync(r => r.Id == id, ct) : null;
        if (referral is null)
        {
            return Outcome<Referral>.NotFound;
        }
        if (version is not { } ver)
        {
            v.Add("version", "Send the version of the referral you read");
            return Outcome<Referral>.Invalid(v.Errors);
        }
        if (!db.Matches(referral, ver))
        {
            return Outcome<Referral>.Stale(referral.Version);
        }
        if (referral.Status is not (ReferralStatus.Suggested or ReferralStatus.AwaitingOptIn))
        {
            v.Add("status", "Only a suggested referral can be sent");
            return Outcome<Referral>.Invalid(v.Errors);
        }
        if (referral.Status == ReferralStatus.AwaitingOptIn
            && !await db.VictimContactContracts.AnyAsync(c => c.CrimeRecordId == referral.CrimeRecordId && c.VictimId == referral.PersonId && c.VictimSupportOptIn, ct))
        {
            v.Add("status", "The victim has not opted in: record their opt-in on the Victims' Code contract first");
            return Outcome<Referral>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        referral.Status = ReferralStatus.Sent;
        referral.SentAt = now;
        referral.ReferrerEmail = await ReferrerEmailAsync(ct);
        audit.Add("referral.send", "referral", id.ToString(CultureInfo.InvariantCulture), details: referral.Kind.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral);
    }

    /// <summary>The receiver's answer, told to the referrer by e-mail with the incident reference only.</summary>
    public async Task<Outcome<Referral>> FeedbackAsync(long id, ReferralFeedbackRequest request, CancellationToken ct)
    {
        var v = new Validation();
        var referral = await Visible.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (referral is null)
        {
            return Outcome<Referral>.NotFound;
        }
        if (request.Version is not { } ver)
        {
            v.Add("version", "Send the version of the referral you read");
            return Outcome<Referral>.Invalid(v.Errors);
        }
        if (!db.Matches(referral, ver))
        {
            return Outcome<Referral>.Stale(referral.Version);
        }
        var outcome = request.Outcome?.Trim().ToLowerInvariant() switch
        {
            "accepted" => ReferralStatus.Accepted,
            "declined" => ReferralStatus.Declined,
            "closed" => ReferralStatus.Closed,
            _ => (ReferralStatus?)null,
        };
        if (outcome is null)
        {
            v.Add("outcome", "Select the outcome: accepted, declined or closed");
        }
        var feedback = v.Required("feedback", request.Feedback, "feedback for the referrer", 2000);
        if (referral.Status is ReferralStatus.Suggested or ReferralStatus.AwaitingOptIn)
        {
            v.Add("outcome", "This referral has not been sent yet");
        }
        if (!v.IsValid)
        {
            return Outcome<Referral>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        referral.Status = outcome!.Value;
        referral.Feedback = feedback;
        referral.FeedbackAt = now;
        referral.FeedbackBy = user.Name;
        if (referral.ReferrerEmail is { } to)
        {
            var reference = await db.Incidents.Where(i => i.Id == referral.IncidentId).Select(i => i.Reference).FirstAsync(ct);
            outbox.Enqueue(MessageChannel.Email, to, $"Referral feedback: {reference}",
                $"Your {referral.Kind} referral for {reference} is now {referral.Status}. Read the feedback in SafetyNet.", "referral-feedback", reference);
        }
        audit.Add("referral.feedback", "referral", id.ToString(CultureInfo.InvariantCulture), details: referral.Status.ToString());
        await db.SaveChangesAsync(ct);
        return Outcome.Done(referral);
    }
}

public static class ReferralsApi
{
    public static IHostApplicationBuilder AddReferrals(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReferralDesk>();
        return builder;
    }

    public static WebApplication MapReferrals(this WebApplication app)
    {
        var referrals = app.MapGroup("/api/v1/referrals").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Referrals).WithTags("Referrals");
        referrals.MapGet("", ListAsync)
            .WithName("listReferrals").WithSummary("List referrals");
        referrals.MapPost("", CreateAsync).RequireAuthorization(Entitlements.Referring)
            .WithName("createReferral").WithSummary("Make a referral to a partner agency");
        referrals.MapPost("/{id:long}/send", async (long id, ReferralFeedbackRequest? request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.SendAsync(id, request?.Version, ct), ct)).RequireAuthorization(Entitlements.Referring)
            .WithName("sendReferral").WithSummary("Send a suggested referral to the receiving agency").ProducesProblem(StatusCodes.Status409Conflict);
        referrals.MapPost("/{id:long}/feedback", async (long id, ReferralFeedbackRequest request, ReferralDesk desk, CancellationToken ct) =>
            await AnswerAsync(desk, await desk.FeedbackAsync(id, request, ct), ct))
            .WithName("answerReferral").WithSummary("Record the receiving agency's answer to a referral").ProducesProblem(StatusCodes.Status409Conflict);
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
