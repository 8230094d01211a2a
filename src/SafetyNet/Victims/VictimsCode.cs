using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.Incidents;
using SafetyNet.Messaging;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Referrals;
using SafetyNet.Web;

namespace SafetyNet.Victims;

/// <summary>
/// Whether a victim is persistently targeted: earlier incidents in which the same person — the victim's resolved
/// identity — was a victim.
/// </summary>
public sealed class RepeatVictims(AppDb db)
{
    public async Task<int> EarlierVictimIncidentsAsync(IncidentPerson victim, DateTimeOffset before, DateTimeOffset since, CancellationToken ct)
    {
        if (victim.IdentityId is not { } identityId)
        {
            return 0;
        }
        // Entries of one human resolved into one identity: a misspelt or nicknamed earlier report still counts.
        return await (from p in db.IncidentPeople.AsNoTracking()
                      join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                      where p.IdentityId == identityId && p.Role == PersonRole.Victim && p.IncidentId != victim.IncidentId
                            && i.ReportedAt < before && i.ReportedAt >= since
                      select i.Id).Distinct().CountAsync(ct);
    }
}

/// <summary>The Victims' Code in the software: contracts, clocks counted in working days, contacts, reminders and escalation.</summary>
public sealed class VictimsCode(
    AppDb db, ForceConfiguration configuration, IncidentAccess access, AuditTrail audit, RecordReads reads, CurrentUser user, TimeProvider time,
    Outbox outbox, RepeatVictims repeat, Feedback.SurveyService surveys, ILogger<VictimsCode> log)
{
    private static readonly WorkingDays Calendar = WorkingDays.EnglandAndWales;

    /// <summary>Opens the contract for the victim of a crime just recorded, and starts its first clocks and referrals.</summary>
    public async Task<VictimContactContract?> OpenAsync(CrimeRecord record, CancellationToken ct)
    {
        if (record.Status != CrimeRecordingStatus.Recorded || record.VictimId is not { } victimId
            || await db.VictimContactContracts.AnyAsync(c => c.CrimeRecordId == record.Id && c.VictimId == victimId, ct))
        {
            return null;
        }
        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == record.IncidentId, ct);
        var victim = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == victimId, ct);
        var rules = await configuration.CurrentAsync<VictimCodeRules>(VictimCodeRules.Key, ct);
        var now = time.GetUtcNow();
        var reasons = new List<string>();
        var child = victim.DateOfBirth is { } born && born.AddYears(18) > ForceClock.DayOf(now);
        // The Code counts every victim under 18 as vulnerable; the reason says which it is.
        if (child)
        {
            reasons.Add("Vulnerable (under 18)");
        }
        else if (await db.VulnerabilityAssessments.Where(a => a.IncidentId == incident.Id && a.PersonId == victimId && a.Enhanced)
                     .OrderByDescending(a => a.Id).Select(a => a.EnhancedReasons).FirstOrDefaultAsync(ct) is { } assessed)
        {
            // The victim's vulnerability assessment at intake says which factors entitle them.
            reasons.Add($"Vulnerable ({(assessed.Length > 200 ? assessed[..200] : assessed)})");
        }
        else if (incident.VulnerablePerson || await db.ThriveAssessments.AnyAsync(t => t.IncidentId == incident.Id && t.VulnerablePerson, ct))
        {
            reasons.Add("Vulnerable");
        }
        if (await db.RiskAssessments.AnyAsync(r => r.IncidentId == incident.Id && (r.PersonId == null || r.PersonId == victimId) && r.Level == "High", ct))
        {
            reasons.Add("Intimidated");
        }
        if (await repeat.EarlierVictimIncidentsAsync(victim, incident.ReportedAt, incident.ReportedAt.AddDays(-rules.Value.RepeatVictimWindowDays), ct)
            >= rules.Value.RepeatVictimEarlierIncidents)
        {
            reasons.Add("Persistently targeted");
        }
        if (rules.Value.MostSeriousCrimeTypes.Contains(incident.TypeCode))
        {
            reasons.Add("Most serious crime");
        }
        var contract = new VictimContactContract
        {
            CrimeRecordId = record.Id,
            IncidentId = incident.Id,
            VictimId = victimId,
            CrimeReference = record.CrimeReference,
            PreferredChannel = victim.Email is not null ? ContactChannel.Email : victim.Phone is not null ? ContactChannel.Phone : ContactChannel.Letter,
            // Asked when the report was taken: an opt-out then means no referral is ever sent.
            VictimSupportOptOut = victim.VictimSupportOptOut,
            Enhanced = reasons.Count > 0,
            EnhancedReasons = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            OfficerInCaseId = incident.OfficerInCaseId,
            TeamId = incident.OwningTeamId,
            RuleVersion = rules.Version,
            CreatedAt = now,
        };
        // The contract, its clocks and its referrals are saved together or not at all.
        await using var transaction = await db.BeginOrJoinTransactionAsync(ct);
        db.VictimContactContracts.Add(contract);
        await db.SaveChangesAsync(ct);
        var started = record.DecidedAt ?? now;
        AddDue(contract, VictimCodeEvent.CrimeRecorded, started, rules, "Written information on what to expect");
        AddRoutine(contract, started, rules, routineMet: 0);
        // Feedback on an automatic referral goes to the officer in the case, or else to whoever recorded the crime.
        var referrer = incident.OfficerInCaseId ?? user.Id;
        var referrerEmail = referrer is null ? null : await db.Users.Where(u => u.Id == referrer).Select(u => u.Email).FirstOrDefaultAsync(ct);
        await ReferralRules.OnContractOpenedAsync(db, incident, victim, contract, rules.Value, now, user.Name, referrerEmail, ct);
        audit.Add("victim-contract.open", "victim-contract", contract.Id.ToString(CultureInfo.InvariantCulture), details: $"{record.CrimeReference} enhanced={contract.Enhanced}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return contract;
    }

    /// <summary>
    /// Who may read a victim's contract: force staff in operational roles (<see cref="IncidentAccess.CanRead"/>);
    /// to anyone else no contract exists. Used only inside this class, by the reads below and by the changes.
    /// </summary>
    private IQueryable<VictimContactContract> Visible => access.CanRead ? db.VictimContactContracts : db.VictimContactContracts.Where(_ => false);

    /// <summary>The visible contracts, each with whether its crime is sensitive (taken from the incident it was reported in).</summary>
    private IQueryable<ContractRow> VisibleRows =>
        from c in Visible.AsNoTracking()
        join i in db.Incidents.AsNoTracking() on c.IncidentId equals i.Id
        select new ContractRow { Contract = c, Sensitive = i.Sensitive };

    // Set by member initialisation, not a constructor, so that queries can go on filtering by its members.
    private sealed class ContractRow
    {
        public required VictimContactContract Contract { get; init; }
        public bool Sensitive { get; init; }
    }

    private VictimContactDue AddDue(VictimContactContract contract, VictimCodeEvent what, DateTimeOffset started, Versioned<VictimCodeRules> rules, string? notes)
    {
        var scale = rules.Value.TimescaleFor(what);
        var due = Calendar.DueAfter(started, contract.Enhanced ? scale.EnhancedWorkingDays : scale.StandardWorkingDays);
        return AddDueAt(contract, what, started, due, rules, notes);
    }

    private VictimContactDue AddDueAt(VictimContactContract contract, VictimCodeEvent what, DateTimeOffset started, DateTimeOffset due, Versioned<VictimCodeRules> rules, string? notes)
    {
        var row = new VictimContactDue
        {
            ContractId = contract.Id,
            CrimeRecordId = contract.CrimeRecordId,
            Event = what,
            Enhanced = contract.Enhanced,
            StartedAt = started,
            DueAt = due,
            RemindAt = RemindAt(due, started, rules),
            Notes = notes,
            OfficerInCaseId = contract.OfficerInCaseId,
            TeamId = contract.TeamId,
            RuleVersion = rules.Version,
        };
        db.VictimContactDues.Add(row);
        return row;
    }

    /// <summary>The next routine update: first within 5 working days then every 28 days, or for enhanced victims 24 hours, 10 days, then 28; or as agreed.</summary>
    private void AddRoutine(VictimContactContract contract, DateTimeOffset from, Versioned<VictimCodeRules> rules, int routineMet)
    {
        var r = rules.Value;
        DateTimeOffset due;
        if (contract.AgreedFrequencyDays is { } agreed && routineMet > 0)
        {
            due = from.AddDays(agreed);
        }
        else if (contract.Enhanced)
        {
            due = routineMet switch
            {
                0 => from.AddHours(r.EnhancedFirstHours),
                1 => from.AddDays(r.EnhancedSecondDays),
                _ => from.AddDays(r.EnhancedEveryDays),
            };
        }
        else
        {
            due = routineMet == 0 ? Calendar.DueAfter(from, r.RoutineFirstWorkingDays) : from.AddDays(r.RoutineEveryDays);
        }
        AddDueAt(contract, VictimCodeEvent.RoutineUpdate, from, due, rules, null);
    }

    public async Task<Outcome<VictimContactDue>> RecordEventAsync(long contractId, VictimEventRequest request, CancellationToken ct)
    {
        var contract = await Visible.FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return Outcome<VictimContactDue>.NotFound;
        }
        var v = new Validation();
        var what = v.Enum<VictimCodeEvent>("event", request.Event, "what happened");
        var notes = v.MaxLength("notes", request.Notes, "the notes", 1000);
        var now = time.GetUtcNow();
        var at = request.OccurredAt ?? now;
        if (at > now)
        {
            v.Add("occurredAt", "The event cannot be in the future");
        }
        if (what == VictimCodeEvent.RoutineUpdate)
        {
            v.Add("event", "Routine updates are scheduled by the contract, not recorded as events");
        }
        if (what == VictimCodeEvent.OutOfCourtOutcome && contract.OutOfCourtViewAt is null)
        {
            v.Add("event", "Record the victim's view on the out-of-court outcome before it is given");
        }
        if (!v.IsValid)
        {
            return Outcome<VictimContactDue>.Invalid(v.Errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await StartClockAsync(contract, what!.Value, at, what == VictimCodeEvent.NoFurtherAction ? RightToReviewNote : notes, ct);
        await transaction.CommitAsync(ct);
        return Outcome.Done(due);
    }

    /// <summary>
    /// The decision an investigation was finalised with, for each victim of its crime: the Code's contact for that event
    /// (a charge, an out-of-court outcome, no further action with the Victims' Right to Review) falls due exactly as if it
    /// had been recorded on the contract. Within the finalisation's transaction.
    /// </summary>
    public async Task<IReadOnlyList<VictimContactDue>> DecidedAsync(long crimeRecordId, VictimCodeEvent what, DateTimeOffset at, string decision, CancellationToken ct)
    {
        var notes = what == VictimCodeEvent.NoFurtherAction ? $"{RightToReviewNote}: {decision}" : decision;
        var contracts = await db.VictimContactContracts.Where(c => c.CrimeRecordId == crimeRecordId).OrderBy(c => c.Id).ToListAsync(ct);
        var dues = new List<VictimContactDue>(contracts.Count);
        foreach (var contract in contracts)
        {
            dues.Add(await StartClockAsync(contract, what, at, notes, ct));
        }
        return dues;
    }

    /// <summary>
    /// One event of the Code on one contract: its contact falls due, the event is audited, and an event that ends the
    /// investigation for the victim asks them, 6 to 24 hours on, how the force did. The caller holds the transaction.
    /// </summary>
    private async Task<VictimContactDue> StartClockAsync(VictimContactContract contract, VictimCodeEvent what, DateTimeOffset at, string? notes, CancellationToken ct)
    {
        var rules = await configuration.CurrentAsync<VictimCodeRules>(VictimCodeRules.Key, ct);
        var due = AddDue(contract, what, at, rules, notes);
        audit.Add("victim-contract.event", "victim-contract", contract.Id.ToString(CultureInfo.InvariantCulture), details: what.ToString());
        await db.SaveChangesAsync(ct);
        if (ClosesTheInvestigation(what))
        {
            await surveys.AfterInvestigationClosedAsync(contract, at, ct);
        }
        return due;
    }

    private const string RightToReviewNote = "Tell the victim of the decision and of the Victims' Right to Review";

    /// <summary>The events after which the police investigation is over for the victim: the closure survey follows.</summary>
    public static bool ClosesTheInvestigation(VictimCodeEvent e) =>
        e is VictimCodeEvent.NotInvestigated or VictimCodeEvent.NoFurtherAction or VictimCodeEvent.OutOfCourtOutcome or VictimCodeEvent.SuspectCharged;

    /// <summary>
    /// Whether a contact meets a due point (decision 0103): only a contact made with the victim counts, and the written
    /// information on what to expect only when it went in writing (letter or e-mail). A victim who declines is owed
    /// nothing more on an offer (the written information); an update they decline to hear is still owed.
    /// </summary>
    public static bool Meets(ContactOutcome outcome, ContactChannel channel, VictimCodeEvent due) => outcome switch
    {
        ContactOutcome.Made => !NeedsWriting(due) || channel is ContactChannel.Letter or ContactChannel.Email,
        ContactOutcome.Declined => IsOffer(due),
        _ => false,
    };

    /// <summary>Due points the Code says are given in writing.</summary>
    public static bool NeedsWriting(VictimCodeEvent due) => due == VictimCodeEvent.CrimeRecorded;

    /// <summary>Due points that offer the victim something they may refuse; every other point tells them something they are owed.</summary>
    public static bool IsOffer(VictimCodeEvent due) => due == VictimCodeEvent.CrimeRecorded;

    public async Task<Outcome<VictimContact>> LogContactAsync(VictimContactRequest request, CancellationToken ct)
    {
        var v = new Validation();
        if (request.ContractId is not { } contractId)
        {
            v.Add("contractId", "Select the victim contract the contact concerns");
            return Outcome<VictimContact>.Invalid(v.Errors);
        }
        var contract = await Visible.FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return Outcome<VictimContact>.NotFound;
        }
        var channel = v.Enum<ContactChannel>("channel", request.Channel, "how you contacted the victim");
        // A client that does not say what came of the contact is taken to have made it, as every contact was before outcomes were asked.
        var outcome = request.Outcome is null ? ContactOutcome.Made : v.Enum<ContactOutcome>("outcome", request.Outcome, "what came of the contact");
        var summary = v.Required("summary", request.Summary, "what the victim was told", 4000);
        var now = time.GetUtcNow();
        var at = request.ContactedAt ?? now;
        if (at > now)
        {
            v.Add("contactedAt", "The contact cannot be in the future");
        }
        var open = await db.VictimContactDues.Where(d => d.ContractId == contract.Id && d.MetAt == null && d.StartedAt <= at).ToListAsync(ct);
        if (outcome == ContactOutcome.Made && open.Any(d => d.Event == VictimCodeEvent.NoFurtherAction) && request.RightToReviewExplained != true)
        {
            v.Add("rightToReviewExplained", "Tell the victim about the Victims' Right to Review and confirm that you did");
        }
        if (!v.IsValid)
        {
            return Outcome<VictimContact>.Invalid(v.Errors);
        }
        var contact = new VictimContact
        {
            ContractId = contract.Id,
            CrimeRecordId = contract.CrimeRecordId,
            ContactedAt = at,
            Channel = channel!.Value,
            Outcome = outcome!.Value,
            Summary = summary!,
            RightToReviewExplained = outcome == ContactOutcome.Made && request.RightToReviewExplained == true,
            RecordedAt = now,
            RecordedBy = user.Name,
        };
        var met = open.Where(d => Meets(contact.Outcome, contact.Channel, d.Event)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.VictimContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        foreach (var due in met)
        {
            due.MetAt = at;
            due.ContactId = contact.Id;
        }
        var rules = await configuration.CurrentAsync<VictimCodeRules>(VictimCodeRules.Key, ct);
        // Only an update given starts the next one's clock: an unanswered call leaves the one running as it is.
        if (contact.Outcome == ContactOutcome.Made && (met.Any(d => d.Event == VictimCodeEvent.RoutineUpdate)
            || !await db.VictimContactDues.AnyAsync(d => d.ContractId == contract.Id && d.Event == VictimCodeEvent.RoutineUpdate && d.MetAt == null, ct)))
        {
            var given = await db.VictimContactDues.CountAsync(d => d.ContractId == contract.Id && d.Event == VictimCodeEvent.RoutineUpdate && d.MetAt != null, ct)
                + met.Count(d => d.Event == VictimCodeEvent.RoutineUpdate);
            AddRoutine(contract, at, rules, Math.Max(1, given));
        }
        audit.Add("victim-contact.log", "victim-contract", contract.Id.ToString(CultureInfo.InvariantCulture), details: $"{contact.Channel} {contact.Outcome} met={met.Count}");
        await db.SaveChangesAsync(ct);
        if (contact.Outcome == ContactOutcome.Made)
        {
            // Only a victim who was reached is asked how the contact went.
            await surveys.AfterVictimContactAsync(contract, at, ct);
        }
        await transaction.CommitAsync(ct);
        return Outcome.Done(contact);
    }

    public async Task<Outcome<Nothing>> UpdateAsync(long id, ContractUpdateRequest request, CancellationToken ct)
    {
        var contract = await Visible.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return Outcome<Nothing>.NotFound;
        }
        if (request.Version is not { } version)
        {
            return Outcome<Nothing>.Invalid("version", "Send the version of the contract you read");
        }
        if (!db.Matches(contract, version))
        {
            return Outcome<Nothing>.Stale(contract.Version);
        }
        var v = new Validation();
        var now = time.GetUtcNow();
        if (request.PreferredChannel is not null && v.Enum<ContactChannel>("preferredChannel", request.PreferredChannel, "the preferred channel") is { } channel)
        {
            contract.PreferredChannel = channel;
        }
        if (request.AgreedFrequencyDays is { } days)
        {
            if (days is < 1 or > 90)
            {
                v.Add("agreedFrequencyDays", "Agree updates every 1 to 90 days");
            }
            contract.AgreedFrequencyDays = days;
        }
        contract.SafeToContact = request.SafeToContact ?? contract.SafeToContact;
        contract.AgreedUpdatePoints = request.AgreedUpdatePoints is null ? contract.AgreedUpdatePoints : v.MaxLength("agreedUpdatePoints", request.AgreedUpdatePoints, "the agreed update points", 1000);
        contract.NeedsAssessment = request.NeedsAssessment is null ? contract.NeedsAssessment : v.MaxLength("needsAssessment", request.NeedsAssessment, "the needs assessment", 2000);
        contract.SpecialMeasures = request.SpecialMeasures is null ? contract.SpecialMeasures : v.MaxLength("specialMeasures", request.SpecialMeasures, "the special measures", 1000);
        var becameBereaved = request.Bereaved == true && !contract.Bereaved;
        contract.Bereaved = request.Bereaved ?? contract.Bereaved;
        var becameEnhanced = false;
        if (request.Enhanced is { } enhanced && enhanced != contract.Enhanced)
        {
            var reason = v.Required("enhancedReason", request.EnhancedReason, "why the entitlement changes", 1000);
            becameEnhanced = enhanced;
            contract.Enhanced = enhanced;
            contract.EnhancedByHandReason = reason;
        }
        if (request.Vps is not null && v.Enum<VpsStatus>("vps", request.Vps, "what happened with the Victim Personal Statement") is { } vps)
        {
            contract.Vps = vps;
            switch (vps)
            {
                case VpsStatus.Offered: contract.VpsOfferedAt = now; break;
                case VpsStatus.Taken: contract.VpsOfferedAt ??= now; contract.VpsTakenAt = now; break;
                case VpsStatus.Declined: contract.VpsOfferedAt ??= now; contract.VpsDeclinedAt = now; break;
            }
        }
        if (request.OutOfCourtView is not null)
        {
            contract.OutOfCourtView = v.Required("outOfCourtView", request.OutOfCourtView, "the victim's view on the out-of-court outcome", 2000);
            contract.OutOfCourtViewAt = now;
        }
        if (request.VictimSupportOptOut is { } optOut)
        {
            contract.VictimSupportOptOut = optOut;
        }
        if (request.VictimSupportOptIn is { } optIn)
        {
            contract.VictimSupportOptIn = optIn;
        }
        if (contract.VictimSupportOptIn && contract.VictimSupportOptOut)
        {
            v.Add("victimSupportOptIn", "The victim either opts in to victim support or opts out, not both");
        }
        if (!v.IsValid)
        {
            return Outcome<Nothing>.Invalid(v.Errors);
        }
        var rules = await configuration.CurrentAsync<VictimCodeRules>(VictimCodeRules.Key, ct);
        if (becameEnhanced)
        {
            await TightenOpenDuesAsync(contract, now, rules, ct);
        }
        if (becameBereaved)
        {
            await ReferralRules.OnBereavedAsync(db, contract, now, ct);
        }
        await ReferralRules.OnConsentChangedAsync(db, contract, rules.Value, now, ct);
        audit.Add("victim-contract.update", "victim-contract", contract.Id.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return Outcome.Done();
    }

    /// <summary>
    /// A victim newly given enhanced rights is owed the enhanced timescales on what is already running: each open
    /// due falls due at the earlier of its own time and the enhanced timescale counted from now (time already
    /// passed does not put the officer in breach). Taking the rights away leaves running clocks as they are.
    /// </summary>
    private async Task TightenOpenDuesAsync(VictimContactContract contract, DateTimeOffset now, Versioned<VictimCodeRules> rules, CancellationToken ct)
    {
        var open = await db.VictimContactDues.Where(d => d.ContractId == contract.Id && d.MetAt == null && !d.Enhanced).ToListAsync(ct);
        // The routine update keeps its place in the enhanced cadence: within 24 hours if none has been given yet, then 10 days.
        var routineGiven = await db.VictimContactDues.AnyAsync(d => d.ContractId == contract.Id && d.Event == VictimCodeEvent.RoutineUpdate && d.MetAt != null, ct);
        foreach (var due in open)
        {
            var enhancedDue = due.Event == VictimCodeEvent.RoutineUpdate
                ? routineGiven ? now.AddDays(rules.Value.EnhancedSecondDays) : now.AddHours(rules.Value.EnhancedFirstHours)
                : Calendar.DueAfter(now, rules.Value.TimescaleFor(due.Event).EnhancedWorkingDays);
            due.Enhanced = true;
            if (enhancedDue < due.DueAt)
            {
                due.DueAt = enhancedDue;
                due.RemindAt = RemindAt(enhancedDue, now, rules);
                due.RemindedAt = null;
            }
        }
    }

    /// <summary>The reminder's time: the lead time before the due point on a working day, and never before the clock started.</summary>
    private static DateTimeOffset RemindAt(DateTimeOffset due, DateTimeOffset started, Versioned<VictimCodeRules> rules)
    {
        var remind = Calendar.RemindBefore(due, rules.Value.ReminderLeadHours);
        return remind < started ? started : remind;
    }

    /// <summary>
    /// Reads one contract: not found unless the caller may read it (<see cref="Visible"/>), then a stated purpose if
    /// its crime is sensitive, and the read audited with that purpose before anything is returned.
    /// </summary>
    public async Task<Read<ContractResponse>> ReadAsync(long id, string? purpose, CancellationToken ct, string? details = null)
    {
        var row = await VisibleRows.FirstOrDefaultAsync(r => r.Contract.Id == id, ct);
        return await reads.OneAsync(row?.Sensitive, "victim-contract.read", "victim-contract", id, purpose, details,
            token => ToResponseAsync(row!.Contract, token), ct);
    }

    /// <summary>
    /// Decides whether the caller may open a contract to change it, as a read would be decided (not found, then a purpose
    /// if sensitive), without reading it: the change writes its own audit event and the answer is a read of its own.
    /// </summary>
    public async Task<ReadOutcome> MayChangeAsync(long id, string? purpose, CancellationToken ct)
    {
        var sensitive = await VisibleRows.Where(r => r.Contract.Id == id).Select(r => (bool?)r.Sensitive).FirstOrDefaultAsync(ct);
        return RecordReads.MayOpen(sensitive, purpose);
    }

    /// <summary>The contact log of one contract, read as the contract is.</summary>
    public async Task<Read<IReadOnlyList<ContactResponse>>> ContactsAsync(long contractId, string? purpose, CancellationToken ct)
    {
        var sensitive = await VisibleRows.Where(r => r.Contract.Id == contractId).Select(r => (bool?)r.Sensitive).FirstOrDefaultAsync(ct);
        return await reads.OneAsync<IReadOnlyList<ContactResponse>>(sensitive, "victim-contract.read", "victim-contract", contractId, purpose, "contacts",
            async token => (await db.VictimContacts.AsNoTracking().Where(c => c.ContractId == contractId).OrderByDescending(c => c.ContactedAt).ToListAsync(token))
                .Select(ContractResponse.ToContact).ToList(), ct);
    }

    /// <summary>
    /// A page of contracts, filtered by incident or crime. The caller sees only the contracts they may read; a page
    /// holding a sensitive contract needs a stated purpose; one audit event names every contract on the page.
    /// </summary>
    public async Task<Read<PagedList<ContractResponse>>> ListAsync(long? incidentId, long? crimeRecordId, Paging paging, string? purpose, CancellationToken ct)
    {
        var query = VisibleRows;
        if (incidentId is { } i)
        {
            query = query.Where(r => r.Contract.IncidentId == i);
        }
        if (crimeRecordId is { } c)
        {
            query = query.Where(r => r.Contract.CrimeRecordId == c);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(r => r.Contract.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var filter = $"incidentId={incidentId} crimeRecordId={crimeRecordId} page={paging.Page}";
        var decided = await reads.ListAsync(rows.Select(r => new ListedRecord(r.Contract.Id, r.Sensitive)).ToList(), "victim-contract.list", "victim-contract", purpose, filter, ct);
        if (!decided.Allowed)
        {
            return decided.Refused<PagedList<ContractResponse>>();
        }
        var items = new List<ContractResponse>();
        foreach (var row in rows)
        {
            items.Add(await ToResponseAsync(row.Contract, ct));
        }
        return decided.With(new PagedList<ContractResponse>(items, paging.Page, paging.PageSize, total));
    }

    /// <summary>The contracts of one incident's crimes, for the incident page: read as <see cref="ListAsync"/> reads them.</summary>
    public async Task<Read<IReadOnlyList<ContractResponse>>> ForIncidentAsync(long incidentId, string? purpose, CancellationToken ct)
    {
        var read = await ListAsync(incidentId, null, new Paging(1, 100), purpose, ct);
        return read.Allowed ? read.With<IReadOnlyList<ContractResponse>>(read.Value!.Items) : read.Refused<IReadOnlyList<ContractResponse>>();
    }

    private async Task<ContractResponse> ToResponseAsync(VictimContactContract contract, CancellationToken ct)
    {
        var victim = await db.IncidentPeople.AsNoTracking().FirstAsync(p => p.Id == contract.VictimId, ct);
        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == contract.IncidentId).Select(i => new { i.Reference, i.TypeCode }).FirstAsync(ct);
        var dues = await db.VictimContactDues.AsNoTracking().Where(d => d.ContractId == contract.Id).OrderBy(d => d.DueAt).ThenBy(d => d.Id).ToListAsync(ct);
        var contacts = await db.VictimContacts.AsNoTracking().Where(c => c.ContractId == contract.Id).OrderByDescending(c => c.ContactedAt).ToListAsync(ct);
        var now = time.GetUtcNow();
        return ContractResponse.From(contract, victim.DisplayName, incident.Reference, incident.TypeCode, dues, contacts, now);
    }

    /// <summary>The officer's list: victims whose update is due soon or overdue, on the officer's crimes and those with no officer yet.</summary>
    public async Task<IReadOnlyList<DueItem>> DueForMeAsync(CancellationToken ct)
    {
        if (!access.CanRead)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var me = user.Id;
        var all = access.IsSupervisor || user.IsInRole(Roles.CrimeServiceTeam);
        return await DueItemsAsync("due", d => d.MetAt == null && d.RemindAt <= now && (all || d.OfficerInCaseId == null || d.OfficerInCaseId == me), now, ct);
    }

    /// <summary>The crime service team's queue: every contact past its due time and not made.</summary>
    public async Task<IReadOnlyList<DueItem>> EscalationsAsync(CancellationToken ct)
    {
        if (!access.CanRead)
        {
            return [];
        }
        var now = time.GetUtcNow();
        return await DueItemsAsync("escalations", d => d.MetAt == null && d.DueAt < now, now, ct);
    }

    private async Task<IReadOnlyList<DueItem>> DueItemsAsync(string queue, System.Linq.Expressions.Expression<Func<VictimContactDue, bool>> filter, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await (from d in db.VictimContactDues.AsNoTracking().Where(filter)
                          join c in db.VictimContactContracts.AsNoTracking() on d.ContractId equals c.Id
                          join p in db.IncidentPeople.AsNoTracking() on c.VictimId equals p.Id
                          join i in db.Incidents.AsNoTracking() on c.IncidentId equals i.Id
                          orderby d.DueAt, d.Id
                          select new { d, c.CrimeReference, c.IncidentId, i.Reference, i.Sensitive, p.FirstName, p.MiddleName, p.LastName, c.PreferredChannel })
            .Take(500).ToListAsync(ct);
        // A queue is worked without stating a purpose for each row: a sensitive row names the crime, not the victim,
        // whose name is on the contract behind the purpose. The queue read is one audit event naming its contracts.
        await reads.AuditListAsync(rows.Select(r => new ListedRecord(r.d.ContractId, r.Sensitive)).ToList(), "victim-contract.queue", "victim-contract", null, queue, ct);
        return rows.Select(r => new DueItem(r.d.Id, r.d.ContractId, r.IncidentId, r.Reference, r.CrimeReference,
            r.Sensitive ? null : string.Join(' ', new[] { r.FirstName, r.MiddleName, r.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            r.d.Event.ToString(), r.d.Enhanced, r.d.DueAt, r.d.DueAt < now, r.PreferredChannel.ToString(), r.d.EscalatedAt, r.Sensitive)).ToList();
    }

    /// <summary>On time, late and missed contacts by team, for contacts due in [from, to).</summary>
    public async Task<IReadOnlyList<ComplianceRow>> ComplianceAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        if (!access.CanRead)
        {
            return [];
        }
        var now = time.GetUtcNow();
        var rows = await db.VictimContactDues.AsNoTracking().Where(d => d.DueAt >= from && d.DueAt < to)
            .Select(d => new { d.TeamId, d.DueAt, d.MetAt }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return rows.GroupBy(r => r.TeamId).Select(g => new ComplianceRow(
                g.Key, g.Key is { } t && teams.TryGetValue(t, out var name) ? name : "No team",
                g.Count(r => r.MetAt is { } m && m <= r.DueAt),
                g.Count(r => r.MetAt is { } m && m > r.DueAt),
                g.Count(r => r.MetAt is null && r.DueAt < now),
                g.Count(r => r.MetAt is null && r.DueAt >= now)))
            .OrderBy(r => r.Team, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reminds officers before each due point and marks overdue contacts escalated. Idempotent: each due is
    /// reminded and escalated once, whichever node runs it.
    /// </summary>
    public async Task<(int Reminded, int Escalated)> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A due is marked reminded in the same transaction that queues its e-mail: a crash loses neither.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var remind = await db.VictimContactDues.Where(d => d.MetAt == null && d.RemindedAt == null && d.RemindAt <= now)
            .OrderBy(d => d.Id).Take(500).ToListAsync(ct);
        var reminded = 0;
        foreach (var due in remind)
        {
            var claimed = await db.VictimContactDues.Where(d => d.Id == due.Id && d.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.RemindedAt, now), ct);
            if (claimed == 0)
            {
                continue;
            }
            reminded++;
            var reference = await db.VictimContactContracts.Where(c => c.Id == due.ContractId).Select(c => c.CrimeReference).FirstAsync(ct);
            var email = due.OfficerInCaseId is null ? null : await db.Users.Where(u => u.Id == due.OfficerInCaseId).Select(u => u.Email).FirstOrDefaultAsync(ct);
            if (email is not null)
            {
                outbox.Enqueue(MessageChannel.Email, email, $"Victim update due: {reference}",
                    $"A victim update on {reference} is due by {ForceClock.Format(due.DueAt)}. Open SafetyNet, Victims due an update, to log it.",
                    "victim-update-reminder", reference);
            }
        }
        var escalated = await db.VictimContactDues.Where(d => d.MetAt == null && d.EscalatedAt == null && d.DueAt < now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.EscalatedAt, now), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (reminded + escalated > 0)
        {
            LogSwept(log, reminded, escalated);
        }
        return (reminded, escalated);
    }

    private static readonly Action<ILogger, int, int, Exception?> LogSweptMessage =
        LoggerMessage.Define<int, int>(LogLevel.Information, new EventId(5001, "VictimSweep"), "Victim contacts: {Reminded} reminded, {Escalated} escalated");

    private static void LogSwept(ILogger logger, int reminded, int escalated) => LogSweptMessage(logger, reminded, escalated, null);
}
