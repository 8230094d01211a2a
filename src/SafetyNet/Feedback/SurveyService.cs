using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Messaging;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Feedback;

public enum SurveyLinkState
{
    Open,
    Unknown,
    Used,
    Expired,
    /// <summary>A telephone survey before its time: 6 hours after the contact at the soonest, never overnight.</summary>
    NotYetDue,
}

/// <summary>An open survey as the public page shows it: the questions and nothing about the incident but its reference.</summary>
public sealed record OpenSurvey(long InvitationId, string IncidentReference, string TemplateName, IReadOnlyList<SurveyQuestion> Questions);

public sealed record SurveyAnswers(IReadOnlyDictionary<string, int?> Scores, string? Comment);

/// <summary>Sends surveys after contact or closure, takes answers once, opens recovery tasks and raises team alerts.</summary>
public sealed class SurveyService(
    AppDb db, ForceConfiguration configuration, Outbox outbox, TimeProvider time, PublicAddress publicAddress, AuditTrail audit, CurrentUser user)
{
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public async Task AfterVictimContactAsync(VictimContactContract contract, DateTimeOffset contactAt, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == contract.IncidentId, ct);
        var victim = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == contract.VictimId, ct);
        await ScheduleAsync(incident, victim, "contact", contactAt, contract.SafeToContact, ct);
    }

    /// <summary>
    /// A report has just been taken: its caller is asked how the force did, and so is the victim of a report that is no
    /// crime (a crime's victim is asked through their contact contract instead). Records brought in from other systems,
    /// and reports entered after the survey window has passed, ask nobody.
    /// </summary>
    public async Task AfterReportTakenAsync(Incident incident, IReadOnlyList<IncidentPerson> people, CancellationToken ct)
    {
        if (incident.Channel is IncidentChannel.CallHandlingImport or IncidentChannel.RecordsImport)
        {
            return;
        }
        var rules = (await configuration.CurrentAsync<SurveyRules>(SurveyRules.Key, ct)).Value;
        if (time.GetUtcNow() > incident.ReportedAt.AddHours(rules.WithinHours))
        {
            return;
        }
        var crime = IncidentType.Find(incident.TypeCode)?.PossibleCrime ?? true;
        foreach (var person in people.Where(p => p.Role == PersonRole.Caller || (p.Role == PersonRole.Victim && !crime)))
        {
            await ScheduleAsync(incident, person, "contact", incident.ReportedAt, safeChannel: false, ct);
        }
    }

    public async Task AfterInvestigationClosedAsync(VictimContactContract contract, DateTimeOffset closedAt, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == contract.IncidentId, ct);
        var victim = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == contract.VictimId, ct);
        await ScheduleAsync(incident, victim, "closure", closedAt, contract.SafeToContact, ct);
    }

    /// <summary>
    /// An ASB case has closed: each victim on it is asked how the force did, through the latest incident of the case
    /// on which they were the victim or the caller (that incident's type, team and officer carry the answer).
    /// </summary>
    public async Task AfterAsbCaseClosedAsync(long caseId, DateTimeOffset closedAt, CancellationToken ct)
    {
        var victims = await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId && p.Role == Cases.CasePartyRole.Victim).Select(p => p.IdentityId).ToListAsync(ct);
        var incidents = db.CaseIncidents.Where(ci => ci.CaseId == caseId).Select(ci => ci.IncidentId);
        foreach (var identity in victims)
        {
            var person = await db.IncidentPeople.AsNoTracking()
                .Where(p => p.IdentityId == identity && incidents.Contains(p.IncidentId) && (p.Role == PersonRole.Victim || p.Role == PersonRole.Caller))
                .OrderByDescending(p => p.IncidentId).FirstOrDefaultAsync(ct);
            if (person is null)
            {
                continue;
            }
            var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == person.IncidentId, ct);
            await ScheduleAsync(incident, person, "closure", closedAt, safeChannel: false, ct);
        }
    }

    /// <summary>
    /// Schedules one survey for a person on an incident, 6–24 hours after the contact and never overnight. Answers
    /// why not when it does not (a sensitive type without a safe channel, no way to reach the person, already asked).
    /// </summary>
    public async Task<(SurveyInvitation? Invitation, string? Token, string? WhyNot)> ScheduleAsync(
        Incident incident, IncidentPerson person, string trigger, DateTimeOffset contactAt, bool safeChannel, CancellationToken ct)
    {
        var rules = await configuration.CurrentAsync<SurveyRules>(SurveyRules.Key, ct);
        var messaging = (await configuration.CurrentAsync<MessagingRules>(MessagingRules.Key, ct)).Value;
        if (rules.Value.ExcludedUnlessSafe.Contains(incident.TypeCode) && !safeChannel)
        {
            return (null, null, "Not surveyed: domestic abuse and sexual offences need a channel recorded as safe");
        }
        if (await db.SurveyInvitations.AnyAsync(i => i.IncidentId == incident.Id && i.PersonId == person.Id && i.Trigger == trigger, ct))
        {
            return (null, null, "Already invited for this incident");
        }
        SurveyRoute route;
        if (person.Email is not null)
        {
            route = SurveyRoute.Email;
        }
        else if (person.Phone is not null)
        {
            // Where the force allows no links in texts, the crime service team asks by telephone.
            route = messaging.LinksInTexts ? SurveyRoute.Sms : SurveyRoute.Telephone;
        }
        else
        {
            return (null, null, "No e-mail address or phone number to reach the person");
        }
        var r = rules.Value;
        // Six hours on, moved out of the night (20:00–08:00); with a 12-hour night that is always within 24 hours.
        var sendAt = messaging.NextAllowed(contactAt.AddHours(r.DelayHours));
        if (sendAt > contactAt.AddHours(r.WithinHours))
        {
            return (null, null, "No time outside the night falls within the survey window");
        }
        var template = r.TemplateFor(incident.TypeCode);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow();
        var invitation = new SurveyInvitation
        {
            TokenHash = Hash(token),
            IncidentId = incident.Id,
            PersonId = person.Id,
            IncidentTypeCode = incident.TypeCode,
            TeamId = incident.OwningTeamId,
            OfficerId = incident.OfficerInCaseId,
            CallHandler = incident.CreatedBy,
            ContactChannel = incident.Channel.ToString(),
            Route = route,
            Trigger = trigger,
            CreatedAt = now,
            ContactAt = contactAt,
            SendAt = sendAt,
            ExpiresAt = sendAt.AddDays(r.LinkValidDays),
            Status = SurveyStatus.Scheduled,
            TemplateName = template.Name,
            TemplateVersion = rules.Version,
        };
        db.SurveyInvitations.Add(invitation);
        var link = $"{publicAddress.Url}/s/{token}";
        // Only the incident reference travels: no crime details in e-mails or texts.
        if (route == SurveyRoute.Email)
        {
            outbox.Enqueue(MessageChannel.Email, person.Email!, $"How did we do? Reference {incident.Reference}",
                $"Hertfordshire Constabulary would like to know how we did with your report {incident.Reference}.\n\n" +
                $"Answer a few short questions: {link}\n\nThe link works once and for {r.LinkValidDays} days. We will never ask for your password or bank details.",
                Outbox.SurveyPurpose, incident.Reference, sendAt);
        }
        else if (route == SurveyRoute.Sms)
        {
            outbox.Enqueue(MessageChannel.Sms, person.Phone!, null,
                $"Hertfordshire Police: how did we do with {incident.Reference}? {link}", Outbox.SurveyPurpose, incident.Reference, sendAt);
        }
        await db.SaveChangesAsync(ct);
        return (invitation, token, null);
    }

    public async Task<(SurveyLinkState State, OpenSurvey? Survey)> OpenAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (SurveyLinkState.Unknown, null);
        }
        var hash = Hash(token);
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        return await DescribeAsync(invitation, ct);
    }

    private async Task<(SurveyLinkState, OpenSurvey?)> DescribeAsync(SurveyInvitation? invitation, CancellationToken ct)
    {
        if (invitation is null)
        {
            return (SurveyLinkState.Unknown, null);
        }
        if (invitation.AnsweredAt is not null)
        {
            return (SurveyLinkState.Used, null);
        }
        if (invitation.ExpiresAt <= time.GetUtcNow())
        {
            return (SurveyLinkState.Expired, null);
        }
        var rules = await configuration.CurrentAsync<SurveyRules>(SurveyRules.Key, ct);
        var template = rules.Value.Templates.FirstOrDefault(t => t.Name == invitation.TemplateName) ?? rules.Value.TemplateFor(invitation.IncidentTypeCode);
        var reference = await db.Incidents.Where(i => i.Id == invitation.IncidentId).Select(i => i.Reference).FirstAsync(ct);
        return (SurveyLinkState.Open, new OpenSurvey(invitation.Id, reference, template.Name, template.Questions));
    }

    /// <summary>Takes the answers of a public link once: a used, expired or unknown link records nothing.</summary>
    public Task<(SurveyLinkState State, IDictionary<string, string[]> Errors)> AnswerByLinkAsync(string? token, SurveyAnswers answers, CancellationToken ct) =>
        AnswerAsync(string.IsNullOrWhiteSpace(token) || token.Length > 100 ? null : Hash(token), null, answers, null, ct);

    /// <summary>The crime service team takes the same survey by telephone.</summary>
    public Task<(SurveyLinkState State, IDictionary<string, string[]> Errors)> AnswerByTelephoneAsync(long invitationId, SurveyAnswers answers, CancellationToken ct) =>
        AnswerAsync(null, invitationId, answers, user.Name, ct);

    private async Task<(SurveyLinkState, IDictionary<string, string[]>)> AnswerAsync(string? hash, long? invitationId, SurveyAnswers answers, string? takenBy, CancellationToken ct)
    {
        var invitation = hash is not null
            ? await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, ct)
            : invitationId is { } id ? await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.Route == SurveyRoute.Telephone, ct) : null;
        var (state, survey) = await DescribeAsync(invitation, ct);
        var v = new Validation();
        if (state != SurveyLinkState.Open)
        {
            return (state, v.Errors);
        }
        // A link reaches the victim only when its message is sent; a telephone call keeps to the same timing.
        if (takenBy is not null && invitation!.SendAt > time.GetUtcNow())
        {
            return (SurveyLinkState.NotYetDue, v.Errors);
        }
        var scores = new Dictionary<string, int>();
        foreach (var question in survey!.Questions)
        {
            var score = answers.Scores.TryGetValue(question.Id, out var s) ? s : null;
            if (score is not (>= 1 and <= 5))
            {
                v.Add(question.Id, $"Select an answer from 1 to 5 for: {question.Text}");
            }
            else
            {
                scores[question.Id] = score.Value;
            }
        }
        var comment = v.MaxLength("comment", answers.Comment, "your comments", 2000);
        if (!v.IsValid)
        {
            return (SurveyLinkState.Open, v.Errors);
        }
        var rules = (await configuration.CurrentAsync<SurveyRules>(SurveyRules.Key, ct)).Value;
        var open = invitation!;
        var template = rules.Templates.FirstOrDefault(t => t.Name == open.TemplateName) ?? rules.TemplateFor(open.IncidentTypeCode);
        var overall = scores[template.OverallQuestionId];
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim: of two submissions of one link, only one finds it unanswered.
        var claimed = await db.SurveyInvitations.Where(i => i.Id == open.Id && i.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AnsweredAt, now).SetProperty(i => i.Status, SurveyStatus.Answered), ct);
        if (claimed == 0)
        {
            return (SurveyLinkState.Used, v.Errors);
        }
        var response = new SurveyResponse
        {
            InvitationId = open.Id,
            IncidentId = open.IncidentId,
            IncidentTypeCode = open.IncidentTypeCode,
            TeamId = open.TeamId,
            OfficerId = open.OfficerId,
            CallHandler = open.CallHandler,
            ContactChannel = open.ContactChannel,
            Route = open.Route,
            AnsweredAt = now,
            ContactHour = ForceClock.ToLocal(open.ContactAt).Hour,
            Overall = overall,
            Satisfied = overall >= 4,
            AnswersJson = JsonSerializer.Serialize(scores),
            Comment = comment,
            TakenBy = takenBy,
        };
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync(ct);
        if (overall <= 2)
        {
            db.ServiceRecoveryTasks.Add(new ServiceRecoveryTask
            {
                ResponseId = response.Id,
                IncidentId = open.IncidentId,
                TeamId = open.TeamId,
                CreatedAt = now,
                DueAt = now.AddHours(rules.RecoveryDueHours),
                Status = RecoveryStatus.Open,
            });
            var since = now.AddHours(-rules.PoorRunWindowHours);
            var poor = await db.SurveyResponses.CountAsync(r => r.TeamId == open.TeamId && r.Overall <= 2 && r.AnsweredAt >= since, ct);
            if (poor >= rules.PoorRunCount && !await db.TeamAlerts.AnyAsync(a => a.TeamId == open.TeamId && a.RaisedAt >= since && a.AcknowledgedAt == null, ct))
            {
                db.TeamAlerts.Add(new TeamAlert
                {
                    TeamId = open.TeamId,
                    RaisedAt = now,
                    PoorAnswers = poor,
                    Reason = $"{poor} dissatisfied answers in {rules.PoorRunWindowHours} hours",
                });
            }
        }
        audit.Add("survey.answer", "survey", open.Id.ToString(CultureInfo.InvariantCulture), actor: takenBy ?? "survey respondent", details: takenBy is null ? "link" : "telephone");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (SurveyLinkState.Open, v.Errors);
    }

    /// <summary>Marks invitations past their expiry.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.SurveyInvitations.Where(i => i.Status == SurveyStatus.Scheduled && i.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, SurveyStatus.Expired), ct);
    }
}
