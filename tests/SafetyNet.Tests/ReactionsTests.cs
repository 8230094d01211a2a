using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafetyNet.Cases;
using SafetyNet.Desk;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Feedback;
using SafetyNet.Incidents;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Tests.Infrastructure;
using SafetyNet.Victims;

namespace SafetyNet.Tests;

/// <summary>
/// Features react to what another records (a report, a crime, a closed case) inside the recording's transaction,
/// and the recording feature names none of them.
/// </summary>
[Collection("app")]
public sealed class ReactionsTests(AppFixture fixture)
{
    [Fact]
    public void Recording_a_report_a_crime_or_a_case_closure_names_none_of_the_features_that_react()
    {
        static IEnumerable<Type> Needs(Type service) =>
            service.GetConstructors().Single().GetParameters().Select(p => p.ParameterType);

        var intake = Needs(typeof(IncidentIntake)).ToList();
        Assert.DoesNotContain(intake, t => t.Namespace is "SafetyNet.Desk" or "SafetyNet.Cases" or "SafetyNet.CommunityTrigger" or "SafetyNet.Feedback" or "SafetyNet.Victims");
        Assert.DoesNotContain(typeof(IdentityResolution), intake);
        Assert.DoesNotContain(typeof(PersonMatcher), intake);
        Assert.DoesNotContain(Needs(typeof(CrimeRecording)), t => t.Namespace is "SafetyNet.Victims" or "SafetyNet.Feedback");
        foreach (var caseWork in new[] { typeof(CaseLifecycle), typeof(CaseLinks), typeof(CaseSharing), typeof(CaseActions), typeof(CaseChronology), typeof(CaseReading) })
        {
            Assert.DoesNotContain(Needs(caseWork), t => t.Namespace is "SafetyNet.Feedback");
        }
    }

    [Fact]
    public void A_reaction_order_refuses_a_type_that_does_not_react_to_the_happening_and_a_happening_stated_twice()
    {
        var wrong = Assert.Throws<InvalidOperationException>(() => new ReactionOrder().On<CrimeRecorded>(typeof(DeskAtIntake)));
        Assert.Equal("DeskAtIntake does not react to CrimeRecorded.", wrong.Message);
        var twice = Assert.Throws<InvalidOperationException>(() =>
            new ReactionOrder().On<CaseClosed>(typeof(SurveysOnRecords)).On<CaseClosed>(typeof(SurveysOnRecords)));
        Assert.Equal("The reactions to CaseClosed are stated twice.", twice.Message);
    }

    [Theory, Providers]
    public async Task A_feature_added_to_the_order_reacts_in_the_same_transaction_and_its_failure_saves_nothing(DatabaseProvider provider)
    {
        var seen = new ConcurrentQueue<string>();
        var order = new ReactionOrder()
            .On<IncidentRecorded>(typeof(IdentitiesAtIntake), typeof(DeskAtIntake), typeof(SurveysOnRecords), typeof(ReportWatcher))
            .On<CrimeRecorded>(typeof(ContractOnCrimeRecorded), typeof(CrimeRefuser))
            .On<CaseClosed>(typeof(SurveysOnRecords));
        await using var app = await new SafetyNetApp(provider, settings: new Dictionary<string, string?> { ["Demo:Incidents"] = "20", ["Demo:ImportOpenData"] = "false" },
            services: services =>
            {
                services.AddReactions(order);
                services.AddSingleton(seen);
            }).ReadyAsync();
        var handler = await app.ClientForAsync(Roles.CallHandler);

        // A report: the new feature sees it inside intake's transaction (already saved there), and its after-commit work runs after.
        var created = await handler.PostAsJsonAsync("/api/v1/incidents", Reports.Burglary());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var incident = await created.Content.ReadFromJsonAsync<JsonElement>();
        var reference = incident.GetProperty("reference").GetString()!;
        Assert.Equal([$"in transaction {reference}", $"committed {reference}"], seen.ToArray());

        // A report the new feature refuses: nothing of it is kept, its people and its crime record included.
        var refused = Reports.Burglary();
        refused["narrative"] = "Refuse this one: shed broken into and a bicycle taken.";
        var before = await app.WithDbAsync(async db => (Incidents: await db.Incidents.CountAsync(), People: await db.IncidentPeople.CountAsync()));
        Assert.Equal(HttpStatusCode.InternalServerError, (await handler.PostAsJsonAsync("/api/v1/incidents", refused)).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(async db => (Incidents: await db.Incidents.CountAsync(), People: await db.IncidentPeople.CountAsync())));

        // A crime decision whose reaction fails is not saved either: the crime stays pending with no contract opened.
        var record = incident.GetProperty("crimeRecords")[0];
        var supervisor = await app.ClientForAsync(Roles.Supervisor);
        var decided = await supervisor.PostAsJsonAsync($"/api/v1/incidents/{incident.GetProperty("id").GetInt64()}/crime-decisions",
            new { crimeRecordId = record.GetProperty("id").GetInt64(), decision = "crime", offenceSubgroup = "Residential burglary", version = record.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.InternalServerError, decided.StatusCode);
        var recordId = record.GetProperty("id").GetInt64();
        var after = await app.WithDbAsync(async db => (
            Status: await db.CrimeRecords.Where(c => c.Id == recordId).Select(c => c.Status).SingleAsync(),
            Decisions: await db.CrimeDecisions.CountAsync(d => d.CrimeRecordId == recordId),
            Contracts: await db.VictimContactContracts.CountAsync(c => c.CrimeRecordId == recordId)));
        Assert.Equal((CrimeRecordingStatus.Pending, 0, 0), after);
    }

    [Theory, Providers]
    public async Task The_current_identity_follows_a_chain_of_merges_and_a_loop_ends_with_none(DatabaseProvider provider)
    {
        var app = await fixture.App(provider);
        var ids = await app.WithDbAsync(async db =>
        {
            var made = Enumerable.Range(0, 5).Select(n => new PersonIdentity { DisplayName = $"Chain {n}", CreatedAt = app.Time.GetUtcNow() }).ToList();
            db.PersonIdentities.AddRange(made);
            await db.SaveChangesAsync();
            // 0 → 1 → 2 is a chain of two merges; 3 ↔ 4 loop, which no merge makes but a damaged database could hold.
            (made[0].MergedIntoId, made[1].MergedIntoId, made[3].MergedIntoId, made[4].MergedIntoId) = (made[1].Id, made[2].Id, made[4].Id, made[3].Id);
            await db.SaveChangesAsync();
            return made.Select(i => i.Id).ToArray();
        });

        var current = await app.WithServiceAsync<Identities, long?[]>(async identities =>
            [await identities.CurrentIdAsync(ids[0]), await identities.CurrentIdAsync(ids[1]), await identities.CurrentIdAsync(ids[2]),
             await identities.CurrentIdAsync(ids[3]), await identities.CurrentIdAsync(-1)]);
        Assert.Equal([ids[2], ids[2], ids[2], null, null], current);
        var withMerged = await app.WithServiceAsync<Identities, List<long>>(identities => identities.WithMergedAsync([ids[0]]));
        Assert.Equal([ids[1], ids[2]], withMerged.Order());
    }

    /// <summary>A feature that watches reports: it finds each in the database inside intake's transaction, and notes the commit.</summary>
    public sealed class ReportWatcher(AppDb db, ConcurrentQueue<string> seen) : IReaction<IncidentRecorded>
    {
        public async Task OnAsync(IncidentRecorded happened, CancellationToken cancellationToken)
        {
            if (happened.Incident.Narrative.StartsWith("Refuse", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("refused by the watching feature");
            }
            var reference = happened.Incident.Reference;
            if (await db.Incidents.AnyAsync(i => i.Reference == reference, cancellationToken))
            {
                seen.Enqueue($"in transaction {reference}");
            }
            happened.WhenCommitted(() => seen.Enqueue($"committed {reference}"));
        }
    }

    public sealed class CrimeRefuser : IReaction<CrimeRecorded>
    {
        public Task OnAsync(CrimeRecorded happened, CancellationToken cancellationToken) => throw new InvalidOperationException("refused by the watching feature");
    }
}
