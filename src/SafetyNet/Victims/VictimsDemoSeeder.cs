using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Feedback;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Victims;

/// <summary>
/// In demo mode, after the synthetic incidents: contracts for the latest recorded crimes with a believable mix of
/// contacts made on time, late and not yet, and a year of survey answers near the force's published figure.
/// </summary>
internal sealed class VictimsDemoSeeder(AppDb db, VictimsCode code, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.VictimContactContracts.AnyAsync(cancellationToken)
            || !await db.CrimeRecords.AnyAsync(c => c.Status == CrimeRecordingStatus.Recorded, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var random = new Random(5);
        var teams = await db.Teams.Where(t => t.Code == "RESPONSE" || t.Code.StartsWith("SNT-")).Select(t => t.Id).ToListAsync(cancellationToken);
        var crimes = await db.CrimeRecords.Where(c => c.Status == CrimeRecordingStatus.Recorded && c.VictimId != null && c.DecidedAt > now.AddDays(-45))
            .OrderByDescending(c => c.DecidedAt).Take(80).ToListAsync(cancellationToken);
        foreach (var crime in crimes)
        {
            var incident = await db.Incidents.FirstAsync(i => i.Id == crime.IncidentId, cancellationToken);
            incident.OwningTeamId ??= teams[random.Next(teams.Count)];
            await db.SaveChangesAsync(cancellationToken);
            await code.OpenAsync(crime, cancellationToken);
        }
        // Most contacts were made, some late; the rest are still open or overdue.
        foreach (var due in await db.VictimContactDues.Where(d => d.DueAt < now).ToListAsync(cancellationToken))
        {
            var roll = random.NextDouble();
            if (roll < 0.7)
            {
                due.MetAt = due.StartedAt + (due.DueAt - due.StartedAt) * random.NextDouble();
            }
            else if (roll < 0.85)
            {
                due.MetAt = due.DueAt.AddHours(random.Next(2, 60)) is var late && late < now ? late : now;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await SurveysAsync(random, now, cancellationToken);
    }

    private async Task SurveysAsync(Random random, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ReportedAt > now.AddDays(-365))
            .Select(i => new { i.Id, i.TypeCode, i.OwningTeamId, i.OfficerInCaseId, i.CreatedBy, i.Channel, i.ReportedAt, i.Sensitive })
            .Where(i => !i.Sensitive).OrderBy(i => i.Id).Take(2500).ToListAsync(cancellationToken);
        var people = await db.IncidentPeople.AsNoTracking().Where(p => p.Role == PersonRole.Victim || p.Role == PersonRole.Caller)
            .GroupBy(p => p.IncidentId).Select(g => new { IncidentId = g.Key, PersonId = g.Min(p => p.Id) }).ToDictionaryAsync(x => x.IncidentId, x => x.PersonId, cancellationToken);
        var teams = await db.Teams.Where(t => t.Code == "RESPONSE" || t.Code.StartsWith("SNT-")).Select(t => t.Id).ToListAsync(cancellationToken);
        var weakTeam = teams.LastOrDefault();
        var rules = SurveyRules.Default;
        // Invitations, then answers, then recovery tasks, each saved at once rather than two saves per answer.
        var answered = new List<(SurveyInvitation Invitation, SurveyResponse Response)>();
        foreach (var incident in incidents)
        {
            if (!people.TryGetValue(incident.Id, out var person) || random.NextDouble() > 0.8)
            {
                continue;
            }
            var team = incident.OwningTeamId ?? teams[random.Next(teams.Count)];
            var hour = ForceClock.ToLocal(incident.ReportedAt).Hour;
            // Late-night contacts and one team fare worse: the picture the dashboard should reveal.
            var satisfiedChance = 0.9 - (hour is >= 22 or < 6 ? 0.12 : 0) - (team == weakTeam ? 0.1 : 0);
            var satisfied = random.NextDouble() < satisfiedChance;
            var overall = satisfied ? random.Next(4, 6) : random.Next(1, 4);
            var answeredAt = incident.ReportedAt.AddHours(6 + random.Next(0, 48));
            if (answeredAt > now)
            {
                continue;
            }
            var template = rules.TemplateFor(incident.TypeCode);
            var invitation = new SurveyInvitation
            {
                TokenHash = SurveyService.Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
                IncidentId = incident.Id, PersonId = person, IncidentTypeCode = incident.TypeCode, TeamId = team, OfficerId = incident.OfficerInCaseId,
                CallHandler = incident.CreatedBy, ContactChannel = incident.Channel.ToString(), Route = SurveyRoute.Email, Trigger = "contact",
                CreatedAt = incident.ReportedAt, ContactAt = incident.ReportedAt, SendAt = incident.ReportedAt.AddHours(6), ExpiresAt = incident.ReportedAt.AddDays(14),
                AnsweredAt = answeredAt, Status = SurveyStatus.Answered, TemplateName = template.Name, TemplateVersion = 1,
            };
            var scores = template.Questions.ToDictionary(q => q.Id, q => q.Id == template.OverallQuestionId ? overall : Math.Clamp(overall + random.Next(-1, 2), 1, 5));
            answered.Add((invitation, new SurveyResponse
            {
                IncidentId = incident.Id, IncidentTypeCode = incident.TypeCode, TeamId = team, OfficerId = incident.OfficerInCaseId,
                CallHandler = incident.CreatedBy, ContactChannel = invitation.ContactChannel, Route = SurveyRoute.Email, AnsweredAt = answeredAt, ContactHour = hour,
                Overall = overall, Satisfied = satisfied, AnswersJson = JsonSerializer.Serialize(scores),
                Comment = satisfied ? null : "I was not kept informed about what was happening",
            }));
        }
        db.SurveyInvitations.AddRange(answered.Select(a => a.Invitation));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (invitation, response) in answered)
        {
            response.InvitationId = invitation.Id;
            db.SurveyResponses.Add(response);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (_, response) in answered.Where(a => a.Response.Overall <= 2 && a.Response.AnsweredAt > now.AddDays(-7)))
        {
            db.ServiceRecoveryTasks.Add(new ServiceRecoveryTask
            {
                ResponseId = response.Id, IncidentId = response.IncidentId, TeamId = response.TeamId, CreatedAt = response.AnsweredAt,
                DueAt = response.AnsweredAt.AddHours(48), Status = RecoveryStatus.Open,
            });
        }
        if (weakTeam != 0)
        {
            db.TeamAlerts.Add(new TeamAlert { TeamId = weakTeam, RaisedAt = now.AddHours(-5), PoorAnswers = 3, Reason = "3 dissatisfied answers in 72 hours" });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
