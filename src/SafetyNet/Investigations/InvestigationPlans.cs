using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

public sealed record HypothesisRequest(string? Text);

public sealed record HypothesisStatusRequest(string? Status, int? Version);

public sealed record LineOfEnquiryRequest(string? Text, string? Objective, string? Direction);

public sealed record LineOfEnquiryStatusRequest(string? Status, int? Version);

public sealed record PlanActionRequest(string? Section, long? LineOfEnquiryId, string? Text, string? OwnerUserId, DateTimeOffset? DueAt);

public sealed record CompleteActionRequest(string? Result, string? Rationale, int? Version);

public sealed record PlanDecisionRequest(string? Decision, string? OptionsConsidered, string? Rationale);

public sealed record StrategyRequest(string? Text, int? Version);

public sealed record PlanStateRequest(bool? DevicesSeized, int? Version);

public sealed record PlanStateView(bool DevicesSeized, int Version);

public sealed record HypothesisView(long Id, string Text, string Status, DateTimeOffset CreatedAt, string CreatedBy, int Version);

public sealed record LineOfEnquiryView(long Id, string Text, string Objective, string Direction, string Status, DateTimeOffset CreatedAt, string CreatedBy, int Version);

public sealed record PlanActionView(
    long Id, long InvestigationId, string Section, long? LineOfEnquiryId, string Text, string OwnerUserId, string? OwnerName, DateTimeOffset DueAt, bool Overdue,
    string? Result, string? Rationale, DateTimeOffset? CompletedAt, string? CompletedBy, int Version);

public sealed record StrategySectionView(string Section, string Name, bool Required, string? Note, int NoteVersion, IReadOnlyList<PlanActionView> Actions);

public sealed record PlanDecisionView(long Id, string Decision, string OptionsConsidered, string Rationale, string By, DateTimeOffset At);

/// <summary>
/// An investigation's one plan: hypotheses, lines of enquiry, strategy sections with their actions, the decision log,
/// and the required sections that have neither an action nor a note yet (<see cref="Missing"/>).
/// </summary>
public sealed record PlanView(
    long InvestigationId, bool DevicesSeized, int Version, bool MayChange, IReadOnlyList<HypothesisView> Hypotheses, IReadOnlyList<LineOfEnquiryView> LinesOfEnquiry,
    IReadOnlyList<StrategySectionView> Sections, IReadOnlyList<PlanDecisionView> Decisions, IReadOnlyList<string> Missing);

/// <summary>The plan in one line, for the investigation's page.</summary>
public sealed record PlanSummaryView(int LinesOfEnquiry, int Actions, int OpenActions, int Overdue, IReadOnlyList<string> Missing);

public static class InvestigationPlansSetup
{
    public static IHostApplicationBuilder AddInvestigationPlans(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<InvestigationPlans>();
        return builder;
    }
}

/// <summary>
/// The one plan of an investigation (decision 0111). Reads go through <see cref="InvestigationAccess"/> (not found unless
/// entitled, a purpose when sensitive, audited); changes are made by the investigator, or by any supervisor (the
/// investigator's sergeant among them), to the plan of an investigation that is not finalised.
/// </summary>
public sealed class InvestigationPlans(AppDb db, InvestigationAccess access, ForceConfiguration configuration, CurrentUser user, AuditTrail audit, RecordReads reads, TimeProvider time)
{
    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the whole plan for the caller, as the investigation is read.</summary>
    public async Task<Read<PlanView>> ReadAsync(long id, string? purpose, CancellationToken ct)
    {
        var read = await ReadWithInvestigationAsync(id, purpose, ct);
        return read.Allowed ? read.With(read.Value.Plan) : read.Refused<PlanView>();
    }

    /// <summary>Reads the plan with the investigation it belongs to (one audited read), for the plan's page.</summary>
    public async Task<Read<(InvestigationView Investigation, PlanView Plan)>> ReadWithInvestigationAsync(long id, string? purpose, CancellationToken ct)
    {
        var read = await access.ReadAsync(id, purpose, ct);
        return read.Allowed ? read.With((read.Value!, await PlanAsync(read.Value!, ct))) : read.Refused<(InvestigationView, PlanView)>();
    }

    /// <summary>The force's investigators, who may own plan actions.</summary>
    public async Task<IReadOnlyList<(string Id, string Name)>> OwnersAsync(CancellationToken ct) =>
        (await (from i in db.Set<Investigator>().AsNoTracking()
                join u in db.Users.AsNoTracking() on i.UserId equals u.Id
                orderby u.DisplayName
                select new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();

    /// <summary>The plan in one line, for an investigation the caller has already read.</summary>
    public async Task<PlanSummaryView> SummaryAsync(InvestigationView investigation, CancellationToken ct)
    {
        var plan = await PlanAsync(investigation, ct);
        var actions = plan.Sections.SelectMany(s => s.Actions).ToList();
        return new PlanSummaryView(plan.LinesOfEnquiry.Count, actions.Count, actions.Count(a => a.CompletedAt is null), actions.Count(a => a.Overdue), plan.Missing);
    }

    /// <summary>Whether the caller may change this investigation's plan: its investigator, or a supervisor.</summary>
    public bool MayChange(InvestigationView investigation) =>
        access.CanRead && investigation.Status != InvestigationStatus.Finalised && (access.IsSupervisor || (user.Id is { } me && investigation.InvestigatorId == me));

    private async Task<PlanView> PlanAsync(InvestigationView investigation, CancellationToken ct)
    {
        var id = investigation.Id;
        var now = time.GetUtcNow();
        var state = await db.Set<PlanState>().AsNoTracking().FirstOrDefaultAsync(s => s.InvestigationId == id, ct);
        var hypotheses = await db.Set<Hypothesis>().AsNoTracking().Where(h => h.InvestigationId == id).OrderBy(h => h.Id)
            .Select(h => new HypothesisView(h.Id, h.Text, h.Status.ToString(), h.CreatedAt, h.CreatedBy, h.Version)).ToListAsync(ct);
        var lines = await db.Set<LineOfEnquiry>().AsNoTracking().Where(l => l.InvestigationId == id).OrderBy(l => l.Id)
            .Select(l => new LineOfEnquiryView(l.Id, l.Text, l.Objective, l.Direction.ToString(), l.Status.ToString(), l.CreatedAt, l.CreatedBy, l.Version)).ToListAsync(ct);
        var actions = await ActionsAsync(db.Set<PlanAction>().Where(a => a.InvestigationId == id), now, ct);
        var notes = await db.Set<StrategyNote>().AsNoTracking().Where(n => n.InvestigationId == id).ToDictionaryAsync(n => n.Section, ct);
        var decisions = await db.Set<PlanDecision>().AsNoTracking().Where(d => d.InvestigationId == id).OrderBy(d => d.At).ThenBy(d => d.Id)
            .Select(d => new PlanDecisionView(d.Id, d.Decision, d.OptionsConsidered, d.Rationale, d.By, d.At)).ToListAsync(ct);
        var required = await RequiredAsync(id, state?.DevicesSeized ?? false, ct);
        var sections = StrategySections.All.Select(s => new StrategySectionView(
            s, StrategySections.Describe(s), required.Contains(s), notes.GetValueOrDefault(s)?.Text, notes.GetValueOrDefault(s)?.Version ?? 0,
            [.. actions.Where(a => a.Section == s)])).ToList();
        var missing = sections.Where(s => s.Required && s.Note is null && s.Actions.Count == 0).Select(s => s.Section).ToList();
        return new PlanView(id, state?.DevicesSeized ?? false, state?.Version ?? 0, MayChange(investigation), hypotheses, lines, sections, decisions, missing);
    }

    /// <summary>The sections the force's rules require of this investigation's plan (<see cref="InvestigationRules.RequiredStrategiesFor"/>).</summary>
    private async Task<IReadOnlyList<string>> RequiredAsync(long id, bool devicesSeized, CancellationToken ct)
    {
        var investigation = await db.Set<Investigation>().AsNoTracking().FirstAsync(i => i.Id == id, ct);
        var rules = (await configuration.CurrentAsync<InvestigationRules>(InvestigationRules.Key, ct)).Value;
        return rules.RequiredStrategiesFor(investigation, devicesSeized);
    }

    private async Task<List<PlanActionView>> ActionsAsync(IQueryable<PlanAction> actions, DateTimeOffset now, CancellationToken ct) =>
        await (from a in actions.AsNoTracking()
               join u in db.Users.AsNoTracking() on a.OwnerUserId equals u.Id into owners
               from u in owners.DefaultIfEmpty()
               orderby a.DueAt, a.Id
               select new PlanActionView(a.Id, a.InvestigationId, a.Section, a.LineOfEnquiryId, a.Text, a.OwnerUserId, u == null ? null : u.DisplayName, a.DueAt,
                   a.CompletedAt == null && a.DueAt < now, a.Result, a.Rationale, a.CompletedAt, a.CompletedBy, a.Version)).ToListAsync(ct);

    /// <summary>
    /// The open plan actions the caller owns, on investigations they may see, soonest due first (overdue ones first of
    /// all). A work queue: one audit event names the investigations listed.
    /// </summary>
    public async Task<IReadOnlyList<PlanActionView>> MineAsync(CancellationToken ct)
    {
        if (!access.CanRead || user.Id is not { } me)
        {
            return [];
        }
        var visible = access.Visible.Select(i => i.Id);
        var mine = await ActionsAsync(db.Set<PlanAction>().Where(a => a.OwnerUserId == me && a.CompletedAt == null && visible.Contains(a.InvestigationId)), time.GetUtcNow(), ct);
        var mineList = mine.Take(500).ToList();
        var ids = mineList.Select(a => a.InvestigationId).Distinct().ToList();
        var sensitive = await db.Set<Investigation>().AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new ListedRecord(i.Id, i.Sensitive)).ToListAsync(ct);
        await reads.AuditListAsync(sensitive, "investigation.actions.mine", "investigation", null, null, ct);
        return mineList;
    }

    // ─────────────────────────────── changes ───────────────────────────────

    /// <summary>
    /// Opens the investigation for a change of its plan: not found unless the caller may see it and is its investigator or
    /// a supervisor; a purpose when it is sensitive; refused once finalised.
    /// </summary>
    private async Task<(Investigation? Investigation, Outcome<T>? Refusal)> ForChangeAsync<T>(long id, string? purpose, CancellationToken ct)
    {
        // Whether the plan is the caller's to change is decided before a purpose is asked, as a read decides 404 first.
        var investigation = await access.Visible.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (investigation is null || (!access.IsSupervisor && (user.Id is null || investigation.InvestigatorId != user.Id)))
        {
            return (null, Outcome<T>.NotFound);
        }
        if (await access.MayOpenAsync(id, purpose, ct) == ReadOutcome.PurposeRequired)
        {
            return (null, Outcome<T>.PurposeRequired);
        }
        if (investigation.Status == InvestigationStatus.Finalised)
        {
            return (null, Outcome<T>.Invalid("investigation", "The investigation is finalised: re-open it before changing its plan"));
        }
        return (investigation, null);
    }

    /// <summary>A hypothesis, line of enquiry or action of this investigation's plan, tracked for a change; null when the plan has no such part.</summary>
    private Task<T?> PartAsync<T>(long id, long partId, CancellationToken ct) where T : PlanPart =>
        db.Set<T>().FirstOrDefaultAsync(p => p.Id == partId && p.InvestigationId == id, ct);

    public async Task<Outcome<HypothesisView>> AddHypothesisAsync(long id, HypothesisRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<HypothesisView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var v = new Validation();
        var text = v.Required("text", request.Text, "the hypothesis", 2000);
        if (!v.IsValid)
        {
            return Outcome<HypothesisView>.Invalid(v.Errors);
        }
        var hypothesis = new Hypothesis { InvestigationId = id, Text = text!, Status = HypothesisStatus.Open, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name };
        db.Add(hypothesis);
        audit.Add("investigation.plan.hypothesis", "investigation", Key(id));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ToView(hypothesis));
    }

    public async Task<Outcome<HypothesisView>> ChangeHypothesisAsync(long id, long hypothesisId, HypothesisStatusRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<HypothesisView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var hypothesis = await PartAsync<Hypothesis>(id, hypothesisId, ct);
        if (hypothesis is null)
        {
            return Outcome<HypothesisView>.NotFound;
        }
        var v = new Validation();
        var status = v.Enum<HypothesisStatus>("status", request.Status, "whether the hypothesis is open, supported or eliminated");
        if (db.Unchanged<HypothesisView, Hypothesis>(hypothesis, request.Version, v, "Send the version of the hypothesis you read") is { } stale)
        {
            return stale;
        }
        if (!v.IsValid)
        {
            return Outcome<HypothesisView>.Invalid(v.Errors);
        }
        hypothesis.Status = status!.Value;
        audit.Add("investigation.plan.hypothesis", "investigation", Key(id), details: $"hypothesis {hypothesisId} {status}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ToView(hypothesis));
    }

    public async Task<Outcome<LineOfEnquiryView>> AddLineOfEnquiryAsync(long id, LineOfEnquiryRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<LineOfEnquiryView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var v = new Validation();
        var text = v.Required("text", request.Text, "the line of enquiry", 2000);
        var objective = v.Required("objective", request.Objective, "what the line of enquiry is to establish", 2000);
        var direction = v.Enum<EnquiryDirection>("direction", request.Direction, "whether it points towards or away from the suspect");
        if (!v.IsValid)
        {
            return Outcome<LineOfEnquiryView>.Invalid(v.Errors);
        }
        var line = new LineOfEnquiry
        {
            InvestigationId = id, Text = text!, Objective = objective!, Direction = direction!.Value, Status = EnquiryStatus.Open,
            CreatedAt = time.GetUtcNow(), CreatedBy = user.Name,
        };
        db.Add(line);
        audit.Add("investigation.plan.line", "investigation", Key(id));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ToView(line));
    }

    public async Task<Outcome<LineOfEnquiryView>> ChangeLineOfEnquiryAsync(long id, long lineId, LineOfEnquiryStatusRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<LineOfEnquiryView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var line = await PartAsync<LineOfEnquiry>(id, lineId, ct);
        if (line is null)
        {
            return Outcome<LineOfEnquiryView>.NotFound;
        }
        var v = new Validation();
        var status = v.Enum<EnquiryStatus>("status", request.Status, "whether the line of enquiry is open, completed or closed");
        if (db.Unchanged<LineOfEnquiryView, LineOfEnquiry>(line, request.Version, v, "Send the version of the line of enquiry you read") is { } stale)
        {
            return stale;
        }
        if (!v.IsValid)
        {
            return Outcome<LineOfEnquiryView>.Invalid(v.Errors);
        }
        line.Status = status!.Value;
        audit.Add("investigation.plan.line", "investigation", Key(id), details: $"line {lineId} {status}");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ToView(line));
    }

    public async Task<Outcome<PlanActionView>> AddActionAsync(long id, PlanActionRequest request, string? purpose, CancellationToken ct)
    {
        var (investigation, refusal) = await ForChangeAsync<PlanActionView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var v = new Validation();
        if (string.IsNullOrWhiteSpace(request.Section))
        {
            v.Add("section", "Select the strategy the action belongs to");
        }
        else if (!StrategySections.All.Contains(request.Section))
        {
            v.Add("section", $"The strategy must be one of: {string.Join(", ", StrategySections.All)}");
        }
        if (request.LineOfEnquiryId is { } lineId && !await db.Set<LineOfEnquiry>().AnyAsync(l => l.Id == lineId && l.InvestigationId == id, ct))
        {
            v.Add("lineOfEnquiryId", "Select a line of enquiry of this investigation");
        }
        var text = v.Required("text", request.Text, "what is to be done", 2000);
        // The action is the investigator's unless it names someone else of the force.
        var owner = request.OwnerUserId ?? investigation!.InvestigatorId ?? user.Id!;
        var ownerName = await (from u in db.Users.AsNoTracking()
                               join a in db.Agencies.AsNoTracking() on u.AgencyId equals a.Id
                               where u.Id == owner && a.Kind == AgencyKind.Force
                               select u.DisplayName).FirstOrDefaultAsync(ct);
        if (ownerName is null)
        {
            v.Add("ownerUserId", "Select an officer of the force to own the action");
        }
        var now = time.GetUtcNow();
        if (request.DueAt is null)
        {
            v.Add("dueAt", "Enter the date the action is due");
        }
        else if (request.DueAt < now.AddDays(-1))
        {
            v.Add("dueAt", "The date the action is due must not be in the past");
        }
        if (!v.IsValid)
        {
            return Outcome<PlanActionView>.Invalid(v.Errors);
        }
        var action = new PlanAction
        {
            InvestigationId = id, Section = request.Section!, LineOfEnquiryId = request.LineOfEnquiryId, Text = text!, OwnerUserId = owner,
            DueAt = request.DueAt!.Value, CreatedAt = now, CreatedBy = user.Name,
        };
        db.Add(action);
        audit.Add("investigation.plan.action", "investigation", Key(id), details: action.Section);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(ToView(action, ownerName, now));
    }

    /// <summary>Completes an action with its result and the rationale for it: both are required, and neither is changed after.</summary>
    public async Task<Outcome<PlanActionView>> CompleteActionAsync(long id, long actionId, CompleteActionRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<PlanActionView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var action = await PartAsync<PlanAction>(id, actionId, ct);
        if (action is null)
        {
            return Outcome<PlanActionView>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<PlanActionView, PlanAction>(action, request.Version, v, "Send the version of the action you read") is { } stale)
        {
            return stale;
        }
        if (action.CompletedAt is not null)
        {
            v.Add("result", "The action is already complete");
        }
        var result = v.Required("result", request.Result, "the result of the action", 2000);
        var rationale = v.Required("rationale", request.Rationale, "the rationale: why the action was done this way, or why no more was done", 2000);
        if (!v.IsValid)
        {
            return Outcome<PlanActionView>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        (action.Result, action.Rationale, action.CompletedAt, action.CompletedBy) = (result, rationale, now, user.Name);
        audit.Add("investigation.plan.action", "investigation", Key(id), details: $"action {actionId} completed");
        await db.SaveChangesAsync(ct);
        var ownerName = await db.Users.AsNoTracking().Where(u => u.Id == action.OwnerUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return Outcome.Done(ToView(action, ownerName, now));
    }

    public async Task<Outcome<PlanDecisionView>> AddDecisionAsync(long id, PlanDecisionRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<PlanDecisionView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var v = new Validation();
        var decision = v.Required("decision", request.Decision, "the decision", 2000);
        var options = v.Required("optionsConsidered", request.OptionsConsidered, "the options considered", 2000);
        var rationale = v.Required("rationale", request.Rationale, "the rationale for the decision", 2000);
        if (!v.IsValid)
        {
            return Outcome<PlanDecisionView>.Invalid(v.Errors);
        }
        var entry = new PlanDecision { InvestigationId = id, Decision = decision!, OptionsConsidered = options!, Rationale = rationale!, By = user.Name, At = time.GetUtcNow() };
        db.Add(entry);
        audit.Add("investigation.plan.decision", "investigation", Key(id));
        await db.SaveChangesAsync(ct);
        return Outcome.Done(new PlanDecisionView(entry.Id, entry.Decision, entry.OptionsConsidered, entry.Rationale, entry.By, entry.At));
    }

    /// <summary>Writes a strategy section's text (the first time with no version, after that with the version read).</summary>
    public async Task<Outcome<StrategySectionView>> WriteStrategyAsync(long id, string section, StrategyRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<StrategySectionView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!StrategySections.All.Contains(section))
        {
            return Outcome<StrategySectionView>.NotFound;
        }
        var note = await db.Set<StrategyNote>().FirstOrDefaultAsync(n => n.InvestigationId == id && n.Section == section, ct);
        var v = new Validation();
        if (note is not null && request.Version is null)
        {
            v.Add("version", "Send the version of the strategy you read");
        }
        else if (note is not null && !db.Matches(note, request.Version!.Value))
        {
            return Outcome<StrategySectionView>.Stale(note.Version);
        }
        else if (note is null && request.Version is > 0)
        {
            return Outcome<StrategySectionView>.Stale(0);
        }
        var text = v.Required("text", request.Text, $"the {StrategySections.Describe(section).ToLowerInvariant()} strategy", 4000);
        if (!v.IsValid)
        {
            return Outcome<StrategySectionView>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        if (note is null)
        {
            note = new StrategyNote { InvestigationId = id, Section = section, Text = text!, ChangedAt = now, ChangedBy = user.Name };
            db.Add(note);
        }
        else
        {
            (note.Text, note.ChangedAt, note.ChangedBy) = (text!, now, user.Name);
        }
        audit.Add("investigation.plan.strategy", "investigation", Key(id), details: section);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(new StrategySectionView(section, StrategySections.Describe(section), false, note.Text, note.Version, []));
    }

    /// <summary>Records whether devices were seized: a seized device makes the rules' digital strategy required.</summary>
    public async Task<Outcome<PlanStateView>> SetDevicesSeizedAsync(long id, PlanStateRequest request, string? purpose, CancellationToken ct)
    {
        var (_, refusal) = await ForChangeAsync<PlanStateView>(id, purpose, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var state = await db.Set<PlanState>().FirstOrDefaultAsync(s => s.InvestigationId == id, ct);
        var v = new Validation();
        if (request.DevicesSeized is null)
        {
            v.Add("devicesSeized", "Say whether devices were seized");
        }
        if (request.Version is null)
        {
            v.Add("version", "Send the version of the plan you read (0 for a plan not yet changed)");
        }
        else if (state is null ? request.Version != 0 : !db.Matches(state, request.Version.Value))
        {
            return Outcome<PlanStateView>.Stale(state?.Version ?? 0);
        }
        if (!v.IsValid)
        {
            return Outcome<PlanStateView>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        if (state is null)
        {
            state = new PlanState { InvestigationId = id, ChangedBy = user.Name };
            db.Add(state);
        }
        (state.DevicesSeized, state.ChangedAt, state.ChangedBy) = (request.DevicesSeized!.Value, now, user.Name);
        audit.Add("investigation.plan.devices", "investigation", Key(id), details: state.DevicesSeized ? "devices seized" : "no devices seized");
        await db.SaveChangesAsync(ct);
        return Outcome.Done(new PlanStateView(state.DevicesSeized, state.Version));
    }

    private static HypothesisView ToView(Hypothesis h) => new(h.Id, h.Text, h.Status.ToString(), h.CreatedAt, h.CreatedBy, h.Version);

    private static LineOfEnquiryView ToView(LineOfEnquiry l) => new(l.Id, l.Text, l.Objective, l.Direction.ToString(), l.Status.ToString(), l.CreatedAt, l.CreatedBy, l.Version);

    private static PlanActionView ToView(PlanAction a, string? ownerName, DateTimeOffset now) =>
        new(a.Id, a.InvestigationId, a.Section, a.LineOfEnquiryId, a.Text, a.OwnerUserId, ownerName, a.DueAt, a.CompletedAt is null && a.DueAt < now,
            a.Result, a.Rationale, a.CompletedAt, a.CompletedBy, a.Version);
}
