using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Victims;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>A supervisor's finalisation: the Home Office outcome, and what its rules need said on the way.</summary>
public sealed record FinalisationRequest(
    int? Version, string? OutcomeCode, string? SuspectName = null, bool? VictimSupportsAction = null, bool RightToReviewExplained = false);

public sealed record ReopeningRequest(int? Version, string? Reason);

/// <summary>
/// An investigation has just been finalised with a Home Office outcome: the features that follow the victim react to the
/// decision (the Victims' Code contact for a charge, an out-of-court outcome or no further action).
/// </summary>
public sealed class InvestigationFinalised(Investigation investigation, HomeOfficeOutcome outcome) : Happening
{
    public Investigation Investigation { get; } = investigation;
    public HomeOfficeOutcome Outcome { get; } = outcome;
}

/// <summary>What the finalise page shows before a supervisor chooses: whether each rule is already met.</summary>
public sealed record FinalisationReadiness(bool Reviewed, bool NamedSuspect, bool VictimViewRecorded);

/// <summary>
/// Finalising an investigation with a Home Office outcome type, under the rules the outcome carries (DOMAIN §5, §6):
/// a supervisor's review before finalisation, completed since the investigation was last opened again; a named suspect
/// for the outcomes that need one; the victim's view recorded on their Victims' Code contract before an out-of-court
/// outcome or an outcome 15; whether the victim supports action for 14 to 16; the Victims' Right to Review explained for
/// no further action. The victim is then owed the Victims' Code contact for the decision (decision 0117). Re-opening
/// returns the investigation to its investigator and keeps every line of its history.
/// </summary>
public sealed class Finalisation(AppDb db, InvestigationAccess access, ForceConfiguration configuration, Reactions reactions, CurrentUser user, TimeProvider time)
{
    public async Task<FinalisationReadiness> ReadinessAsync(long id, CancellationToken ct)
    {
        var investigation = await db.Set<Investigation>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
        return new(await ReviewedAsync(id, ct), await NamedSuspectAsync(investigation.IncidentId, ct), await VictimViewAsync(investigation.CrimeRecordId, ct));
    }

    public async Task<Outcome<Investigation>> FinaliseAsync(long id, FinalisationRequest request, string? purpose, CancellationToken ct)
    {
        if (await OpenAsync(id, purpose, ct) is { } refused)
        {
            return refused;
        }
        var investigation = await db.Set<Investigation>().FirstAsync(i => i.Id == id, ct);
        var v = new Validation();
        if (investigation.Status != InvestigationStatus.Allocated)
        {
            v.Add("investigation", investigation.Status == InvestigationStatus.Finalised
                ? "This investigation is already finalised"
                : "Allocate the investigation before finalising it");
        }
        if (request.Version is null)
        {
            v.Add("version", "Give the version of the investigation you read");
        }
        var outcome = HomeOfficeOutcomes.Find(request.OutcomeCode);
        if (outcome is null)
        {
            v.Add("outcomeCode", "Select the Home Office outcome type");
        }
        else if (v.IsValid)
        {
            await CheckAsync(v, investigation, outcome, request, ct);
        }
        var suspect = v.MaxLength("suspectName", request.SuspectName, "the suspect's name", 200);
        if (!v.IsValid)
        {
            return Outcome<Investigation>.Invalid(v.Errors);
        }
        if (investigation.Version != request.Version)
        {
            return Outcome<Investigation>.Stale(investigation.Version);
        }
        var now = time.GetUtcNow();
        (investigation.Status, investigation.OutcomeCode, investigation.FinalisedAt, investigation.FinalisedBy) = (InvestigationStatus.Finalised, outcome!.Code, now, user.Name);
        var text = $"Outcome {HomeOfficeOutcomes.Describe(outcome.Code)} (police.uk: {outcome.PoliceUkCategory})";
        if (suspect is not null)
        {
            text += $"; suspect named: {suspect}";
        }
        if (outcome.VictimSupportsAction is not null)
        {
            text += outcome.VictimSupportsAction.Value ? "; the victim supports action" : "; the victim does not support action";
        }
        if (outcome.NoFurtherAction)
        {
            text += "; the Victims' Right to Review was explained to the victim";
        }
        db.Add(new InvestigationEvent { InvestigationId = id, Kind = "Finalised", Text = text, At = now, By = user.Name });
        // The outcome and what follows from it (the victim told of the decision) are saved together or not at all.
        await using var transaction = await db.BeginOrJoinTransactionAsync(ct);
        var saved = await SaveAsync(investigation, ct);
        if (!saved.IsDone)
        {
            return saved;
        }
        var finalised = new InvestigationFinalised(investigation, outcome!);
        await reactions.PublishAsync(finalised, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        finalised.Committed();
        return saved;
    }

    public async Task<Outcome<Investigation>> ReopenAsync(long id, ReopeningRequest request, string? purpose, CancellationToken ct)
    {
        if (await OpenAsync(id, purpose, ct) is { } refused)
        {
            return refused;
        }
        var investigation = await db.Set<Investigation>().FirstAsync(i => i.Id == id, ct);
        var v = new Validation();
        if (investigation.Status != InvestigationStatus.Finalised)
        {
            v.Add("investigation", "Only a finalised investigation can be re-opened");
        }
        if (request.Version is null)
        {
            v.Add("version", "Give the version of the investigation you read");
        }
        var reason = v.Required("reason", request.Reason, "why the investigation is re-opened", 1000);
        if (!v.IsValid)
        {
            return Outcome<Investigation>.Invalid(v.Errors);
        }
        if (investigation.Version != request.Version)
        {
            return Outcome<Investigation>.Stale(investigation.Version);
        }
        var now = time.GetUtcNow();
        var was = HomeOfficeOutcomes.Describe(investigation.OutcomeCode!);
        (investigation.Status, investigation.OutcomeCode, investigation.FinalisedAt, investigation.FinalisedBy) = (InvestigationStatus.Allocated, null, null, null);
        // A re-opened investigation is reviewed again on the first review's clock, counted from now.
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        var due = now.AddHours(rules.FirstReviewHoursFor(investigation));
        var waiting = await db.Set<SupervisoryReview>().Where(r => r.InvestigationId == id && r.CompletedAt == null).FirstOrDefaultAsync(ct);
        if (waiting is null)
        {
            db.Add(new SupervisoryReview { InvestigationId = id, Kind = ReviewKind.Periodic, DueAt = due });
        }
        else
        {
            waiting.DueAt = due;
        }
        db.Add(new InvestigationEvent { InvestigationId = id, Kind = "Re-opened", Text = $"Re-opened (was {was}): {reason}", At = now, By = user.Name });
        return await SaveAsync(investigation, ct);
    }

    private async Task CheckAsync(Validation v, Investigation investigation, HomeOfficeOutcome outcome, FinalisationRequest request, CancellationToken ct)
    {
        if (!await ReviewedAsync(investigation.Id, ct))
        {
            v.Add("investigation", "A supervisor must complete a review before finalisation first");
        }
        if (outcome.NeedsNamedSuspect && string.IsNullOrWhiteSpace(request.SuspectName) && !await NamedSuspectAsync(investigation.IncidentId, ct))
        {
            v.Add("suspectName", $"Outcome {outcome.Code} needs a named suspect: name the suspect, or add them to the incident");
        }
        var viewNeeded = outcome.OutOfCourt || outcome.VictimSupportsAction == true;
        if (viewNeeded && !await VictimViewAsync(investigation.CrimeRecordId, ct))
        {
            v.Add("outcomeCode", outcome.OutOfCourt
                ? $"Record the victim's view on the out-of-court outcome on their Victims' Code contract before outcome {outcome.Code} is given"
                : $"Outcome {outcome.Code} needs the victim's view: record it on their Victims' Code contract first");
        }
        if (outcome.VictimSupportsAction is { } supports)
        {
            if (request.VictimSupportsAction is null)
            {
                v.Add("victimSupportsAction", "Say whether the victim supports action");
            }
            else if (request.VictimSupportsAction != supports)
            {
                v.Add("victimSupportsAction", supports
                    ? $"Outcome {outcome.Code} is for a victim who supports action: choose outcome 16 when they do not"
                    : $"Outcome {outcome.Code} is for a victim who does not support action: choose outcome 15 when they do");
            }
        }
        if (outcome.NoFurtherAction && !request.RightToReviewExplained)
        {
            v.Add("rightToReviewExplained", "Confirm that the Victims' Right to Review has been explained to the victim");
        }
    }

    /// <summary>Whether the latest completed review is one before finalisation, completed since the investigation was last re-opened.</summary>
    private async Task<bool> ReviewedAsync(long id, CancellationToken ct)
    {
        var reopened = await db.Set<InvestigationEvent>().AsNoTracking().Where(e => e.InvestigationId == id && e.Kind == "Re-opened")
            .OrderByDescending(e => e.At).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var last = await db.Set<SupervisoryReview>().AsNoTracking().Where(r => r.InvestigationId == id && r.CompletedAt != null)
            .OrderByDescending(r => r.CompletedAt).ThenByDescending(r => r.Id).Select(r => new { r.Kind, r.CompletedAt }).FirstOrDefaultAsync(ct);
        return last is { Kind: ReviewKind.BeforeFinalisation } && (reopened is null || last.CompletedAt >= reopened);
    }

    private Task<bool> NamedSuspectAsync(long incidentId, CancellationToken ct) =>
        db.IncidentPeople.AsNoTracking().AnyAsync(p => p.IncidentId == incidentId && p.Role == PersonRole.Suspect && (p.FirstName != null || p.LastName != null), ct);

    /// <summary>The victim's view, as the Victims' Code contract records it before an out-of-court outcome.</summary>
    private Task<bool> VictimViewAsync(long crimeRecordId, CancellationToken ct) =>
        db.Set<VictimContactContract>().AsNoTracking().AnyAsync(c => c.CrimeRecordId == crimeRecordId && c.OutOfCourtViewAt != null, ct);

    private async Task<Outcome<Investigation>?> OpenAsync(long id, string? purpose, CancellationToken ct)
    {
        if (!access.IsSupervisor)
        {
            return Outcome<Investigation>.NotFound;
        }
        return await access.MayOpenAsync(id, purpose, ct) switch
        {
            ReadOutcome.NotFound => Outcome<Investigation>.NotFound,
            ReadOutcome.PurposeRequired => Outcome<Investigation>.PurposeRequired,
            _ => null,
        };
    }

    private async Task<Outcome<Investigation>> SaveAsync(Investigation investigation, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Investigation>.Stale(await db.Set<Investigation>().AsNoTracking().Where(i => i.Id == investigation.Id).Select(i => i.Version).FirstAsync(ct));
        }
        return Outcome.Done(investigation);
    }
}
