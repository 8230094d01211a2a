using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Investigations.Forensics;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

public static class InvestigationsSetup
{
    public const string TeamCode = "INVESTIGATIONS";

    public static IHostApplicationBuilder AddInvestigations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InvestigationAccess>();
        builder.Services.AddScoped<InvestigationOpening>();
        builder.Services.AddScoped<InvestigationVolumeSeeder>();
        builder.Services.AddScoped<FileReviews>();
        builder.AddInvestigationAllocation();
        builder.AddInvestigationPlans();
        builder.Services.AddScoped<IStartupSeeder, InvestigationRulesSeeder>();
        builder.Services.AddScoped<IStartupSeeder, InvestigationsDemoSeeder>();
        builder.Services.AddScoped<IStartupSeeder, PlansDemoSeeder>();
        builder.AddInvestigationOutcomes();
        builder.AddForensics();
        builder.AddSupervision();
        return builder;
    }
}

/// <summary>
/// Demo mode: the PIP levels and ranks of the demo officers, and an investigation for each crime recorded in the last
/// <see cref="Days"/> days, opened under the current rules; those older than three days are allocated within the
/// investigator's level, the newest wait in the allocation queue.
/// </summary>
internal sealed class InvestigationsDemoSeeder(AppDb db, ForceConfiguration configuration, IConfiguration settings, TimeProvider time) : IStartupSeeder
{
    public const int Days = 90;

    private static readonly (string Email, int Pip, Rank Rank)[] Officers =
    [
        ($"investigator@{AccountSeeder.DemoDomain}", 1, Rank.Constable),
        ($"detective@{AccountSeeder.DemoDomain}", 2, Rank.Constable),
        ($"detective.sergeant@{AccountSeeder.DemoDomain}", 2, Rank.Sergeant),
        ($"detective.inspector@{AccountSeeder.DemoDomain}", 2, Rank.Inspector),
        ($"officer@{AccountSeeder.DemoDomain}", 1, Rank.Constable),
        ($"supervisor@{AccountSeeder.DemoDomain}", 1, Rank.Sergeant),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<Investigator>().AnyAsync(cancellationToken))
        {
            return;
        }
        var emails = Officers.Select(o => o.Email.ToUpperInvariant()).ToList();
        var users = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, cancellationToken);
        foreach (var (email, pip, rank) in Officers.Where(o => users.ContainsKey(o.Email.ToUpperInvariant())))
        {
            db.Add(new Investigator { UserId = users[email.ToUpperInvariant()], PipLevel = pip, Rank = rank });
        }
        await db.SaveChangesAsync(cancellationToken);

        var rules = await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, cancellationToken);
        var now = time.GetUtcNow();
        var since = now.AddDays(-Days);
        var crimes = await db.CrimeRecords.AsNoTracking()
            .Where(c => c.Status == CrimeRecordingStatus.Recorded && c.DecidedAt >= since && !db.Set<Investigation>().Any(i => i.CrimeRecordId == c.Id))
            .OrderBy(c => c.DecidedAt).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var incidentIds = crimes.Select(c => c.IncidentId).Distinct().ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => incidentIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => new { i.TypeCode, i.Sensitive, i.VulnerablePerson }, cancellationToken);
        var levels = (await db.RiskAssessments.AsNoTracking().Where(r => incidentIds.Contains(r.IncidentId) && !r.Incomplete)
            .Select(r => new { r.IncidentId, r.Level }).ToListAsync(cancellationToken)).ToLookup(r => r.IncidentId, r => r.Level);
        var team = await db.Teams.Where(t => t.Code == InvestigationsSetup.TeamCode).Select(t => t.Id).FirstAsync(cancellationToken);
        string[] allocatable = [$"investigator@{AccountSeeder.DemoDomain}", $"detective@{AccountSeeder.DemoDomain}"];
        var investigators = Officers.Where(o => allocatable.Contains(o.Email) && users.ContainsKey(o.Email.ToUpperInvariant()))
            .Select(o => (Id: users[o.Email.ToUpperInvariant()], o.Pip)).ToList();
        var allocator = $"detective.sergeant@{AccountSeeder.DemoDomain}";
        var added = new List<Investigation>();
        foreach (var crime in crimes)
        {
            var incident = incidents[crime.IncidentId];
            var investigation = InvestigationOpening.Build(crime, incident.TypeCode, incident.Sensitive, incident.VulnerablePerson,
                InvestigationOpening.RiskOf(levels[crime.IncidentId]), rules, now);
            if (investigation.OpenedAt < now.AddDays(-3) && investigators.Count > 0)
            {
                var able = investigators.Where(i => i.Pip >= investigation.RequiredPipLevel).ToList();
                var (id, _) = able.Count > 0 ? able[added.Count % able.Count] : investigators[^1];
                investigation.Status = InvestigationStatus.Allocated;
                (investigation.InvestigatorId, investigation.TeamId) = (id, team);
                (investigation.AllocatedAt, investigation.AllocatedBy) = (investigation.OpenedAt.AddHours(6), allocator);
                if (able.Count == 0)
                {
                    investigation.BelowLevelReason = "No investigator of the level needed is on duty; the detective inspector oversees";
                }
            }
            added.Add(investigation);
        }
        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var investigation in added)
        {
            db.Add(new InvestigationEvent { InvestigationId = investigation.Id, Kind = "Opened", Text = "Opened when the crime was recorded", At = investigation.OpenedAt, By = "system" });
            if (investigation.AllocatedAt is { } allocated)
            {
                db.Add(new InvestigationEvent { InvestigationId = investigation.Id, Kind = "Allocated", Text = "Allocated from the queue", At = allocated, By = allocator });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
