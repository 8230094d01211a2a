using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Cases;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.CommunityTrigger;

/// <summary>
/// Each step of a Community Trigger application, the same for the pages and the API: received, the threshold decided,
/// the review meeting held, its recommendations made and completed. Force caseworkers act on every application, a
/// partner caseworker on those its agency leads (<see cref="TriggerRegister.Visible"/>).
/// </summary>
public sealed class TriggerCaseReviews(
    AppDb db, CaseAccess access, TriggerThreshold trigger, TriggerRegister register, ForceConfiguration configuration, CurrentUser user, AuditTrail audit, TimeProvider time)
{
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The application if the user can see it (<see cref="TriggerRegister.Visible"/>), otherwise null.</summary>
    private Task<TriggerApplication?> FindAsync(long id, CancellationToken ct) =>
        register.Visible(db.TriggerApplications).FirstOrDefaultAsync(a => a.Id == id, ct);

    private const string ApplicationVersion = "Send the version of the application you read";

    /// <summary>Saves a step and answers with the application as it now stands.</summary>
    private async Task<Outcome<TriggerApplicationResponse>> SavedAsync(TriggerApplication application, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return Outcome.Done(await register.ToResponseAsync(application, ct));
    }

    public async Task<Outcome<TriggerApplicationResponse>> ApplyAsync(TriggerApplicationRequest request, CancellationToken ct)
    {
        if (!access.CanUseCases)
        {
            return Outcome<TriggerApplicationResponse>.NotFound;
        }
        var v = new Validation();
        var now = time.GetUtcNow();
        AsbCase? asbCase = null;
        if (request.CaseId is { } caseId)
        {
            asbCase = await access.Visible(db.AsbCases).FirstOrDefaultAsync(c => c.Id == caseId, ct);
            if (asbCase is null)
            {
                v.Add("caseId", "Select a case you can see, or leave it out");
            }
        }
        var applicant = v.Required("applicantName", request.ApplicantName, "the applicant's name", 200);
        var receivedAt = request.ReceivedAt ?? now;
        if (receivedAt > now.AddMinutes(5))
        {
            v.Add("receivedAt", "The application cannot have been received in the future");
        }
        var lead = request.LeadAgencyId ?? asbCase?.LeadAgencyId ?? user.AgencyId;
        if (lead is null || !await db.Agencies.AnyAsync(a => a.Id == lead, ct))
        {
            v.Add("leadAgencyId", "Select the agency that leads the case review");
        }
        else if (access.IsPartnerCaseworker && lead != user.AgencyId)
        {
            v.Add("leadAgencyId", "A partner records applications its own agency leads");
        }
        var district = v.District("district", request.District) ?? asbCase?.District;
        var summary = v.Required("summary", request.Summary, "what the applicant says has not been dealt with", 4000);
        if (!v.IsValid)
        {
            return Outcome<TriggerApplicationResponse>.Invalid(v.Errors);
        }
        var rules = await configuration.CurrentAsync<AsbRules>(AsbRules.Key, ct);
        var application = new TriggerApplication
        {
            CaseId = asbCase?.Id, ApplicantName = applicant!, OnBehalfOfVictim = request.OnBehalfOfVictim == true, ReceivedAt = receivedAt, LeadAgencyId = lead!.Value,
            District = district, Summary = summary!, Status = TriggerStatus.Received, CreatedAt = now, CreatedBy = user.Name,
            QualifyingComplaints = asbCase is null ? null : (await trigger.QualifyingComplaintsAsync(asbCase.Id, receivedAt, rules.Value, ct)).Count,
        };
        db.TriggerApplications.Add(application);
        await db.SaveChangesAsync(ct);
        application.Reference = $"CT-{ForceClock.ToLocal(receivedAt):yy}-{application.Id:D5}";
        if (asbCase is not null)
        {
            db.CaseEntries.Add(new CaseEntry { CaseId = asbCase.Id, At = now, Kind = "community-trigger", By = user.Name,
                Text = $"Community Trigger application {application.Reference} received from {applicant}" });
        }
        audit.Add("trigger.apply", "trigger-application", Id(application.Id), details: application.Reference);
        return await SavedAsync(application, ct);
    }

    public async Task<Outcome<TriggerApplicationResponse>> DecideAsync(long id, TriggerDecisionRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } application)
        {
            return Outcome<TriggerApplicationResponse>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<TriggerApplicationResponse, TriggerApplication>(application, request.Version, v, ApplicationVersion) is { } stale)
        {
            return stale;
        }
        if (application.Status != TriggerStatus.Received)
        {
            v.Add("thresholdMet", "The threshold has already been decided");
        }
        if (request.ThresholdMet is null)
        {
            v.Add("thresholdMet", "Decide whether the threshold is met");
        }
        var reason = v.Required("reason", request.Reason, "the reason for the decision", 2000);
        if (!v.IsValid)
        {
            return Outcome<TriggerApplicationResponse>.Invalid(v.Errors);
        }
        application.ThresholdMet = request.ThresholdMet;
        application.DecisionReason = reason;
        application.DecidedAt = time.GetUtcNow();
        application.DecidedBy = user.Name;
        application.Status = request.ThresholdMet == true ? TriggerStatus.ReviewDue : TriggerStatus.ThresholdNotMet;
        audit.Add("trigger.decide", "trigger-application", Id(id), details: $"threshold met={request.ThresholdMet}");
        return await SavedAsync(application, ct);
    }

    public async Task<Outcome<TriggerApplicationResponse>> ReviewAsync(long id, TriggerReviewRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } application)
        {
            return Outcome<TriggerApplicationResponse>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<TriggerApplicationResponse, TriggerApplication>(application, request.Version, v, ApplicationVersion) is { } stale)
        {
            return stale;
        }
        if (application.Status != TriggerStatus.ReviewDue)
        {
            v.Add("meetingAt", "A review is held once the threshold is decided as met");
        }
        if (request.MeetingAt is null)
        {
            v.Add("meetingAt", "Enter when the review meeting was held");
        }
        else if (request.MeetingAt > time.GetUtcNow().AddMinutes(5))
        {
            v.Add("meetingAt", "Record the review once the meeting has been held");
        }
        var outcome = v.Required("outcome", request.Outcome, "what the review concluded", 4000);
        if (!v.IsValid)
        {
            return Outcome<TriggerApplicationResponse>.Invalid(v.Errors);
        }
        application.ReviewMeetingAt = request.MeetingAt;
        application.ReviewOutcome = outcome;
        application.Status = TriggerStatus.Reviewed;
        audit.Add("trigger.review", "trigger-application", Id(id));
        return await SavedAsync(application, ct);
    }

    public async Task<Outcome<TriggerApplicationResponse>> RecommendAsync(long id, RecommendationRequest request, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } application)
        {
            return Outcome<TriggerApplicationResponse>.NotFound;
        }
        var v = new Validation();
        if (application.Status != TriggerStatus.Reviewed)
        {
            v.Add("text", "Recommendations come from a review: record the review first");
        }
        var text = v.Required("text", request.Text, "the recommendation", 2000);
        if (request.OwnerAgencyId is not { } owner || !await db.Agencies.AnyAsync(a => a.Id == owner, ct))
        {
            v.Add("ownerAgencyId", "Select the agency that carries out the recommendation");
        }
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter the date the recommendation is due");
        }
        if (!v.IsValid)
        {
            return Outcome<TriggerApplicationResponse>.Invalid(v.Errors);
        }
        db.TriggerRecommendations.Add(new TriggerRecommendation
        {
            ApplicationId = id, Text = text!, OwnerAgencyId = request.OwnerAgencyId!.Value, DueAt = request.DueAt!.Value, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        });
        audit.Add("trigger.recommend", "trigger-application", Id(id));
        return await SavedAsync(application, ct);
    }

    public async Task<Outcome<TriggerApplicationResponse>> UpdateRecommendationAsync(long id, long recommendationId, RecommendationUpdateRequest request, CancellationToken ct)
    {
        var application = await FindAsync(id, ct);
        var recommendation = application is null ? null : await db.TriggerRecommendations.FirstOrDefaultAsync(r => r.Id == recommendationId && r.ApplicationId == id, ct);
        if (application is null || recommendation is null)
        {
            return Outcome<TriggerApplicationResponse>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<TriggerApplicationResponse, TriggerRecommendation>(recommendation, request.Version, v, "Send the version of the recommendation you read") is { } stale)
        {
            return stale;
        }
        var outcome = v.MaxLength("outcome", request.Outcome, "the outcome", 2000);
        if (request.Completed == true && outcome is null)
        {
            v.Add("outcome", "Record what was done to complete the recommendation");
        }
        if (!v.IsValid)
        {
            return Outcome<TriggerApplicationResponse>.Invalid(v.Errors);
        }
        recommendation.CompletedAt = request.Completed == true ? recommendation.CompletedAt ?? time.GetUtcNow() : null;
        recommendation.Outcome = outcome ?? recommendation.Outcome;
        audit.Add("trigger.recommendation.update", "trigger-application", Id(id), details: $"recommendation {recommendationId} completed={request.Completed}");
        return await SavedAsync(application, ct);
    }
}
