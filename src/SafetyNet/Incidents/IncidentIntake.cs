using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Incidents;

public sealed record IntakeResult(Incident? Incident, bool Created, IDictionary<string, string[]> Errors)
{
    public bool Succeeded => Incident is not null;
}

/// <summary>
/// First contact: records an incident with its people, grade, THRIVE and risk instruments, and makes the
/// crime recording decisions fall due — all in one transaction, or nothing at all.
/// </summary>
public sealed partial class IncidentIntake(
    AppDb db, ForceConfiguration configuration, AuditTrail audit, CurrentUser user, IncidentAccess access, TimeProvider time,
    Identities identities, Reactions reactions)
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public async Task<IntakeResult> RecordAsync(CreateIncidentRequest request, CancellationToken cancellationToken = default)
    {
        if (request.SourceSystem is { Length: > 0 } system && request.SourceReference is { Length: > 0 } reference)
        {
            var existing = await db.Incidents.FirstOrDefaultAsync(i => i.SourceSystem == system && i.SourceReference == reference, cancellationToken);
            if (existing is not null)
            {
                return new IntakeResult(existing, false, new Dictionary<string, string[]>());
            }
        }

        var now = time.GetUtcNow();
        var v = new Validation();
        var channel = v.Enum<IncidentChannel>("channel", request.Channel, "the channel");
        var reportedAt = request.ReportedAt ?? now;
        if (reportedAt > now + FutureTolerance)
        {
            v.Add("reportedAt", "The time reported must not be in the future");
        }
        CheckOccurred(v, request.OccurredFrom, request.OccurredTo, reportedAt);
        var type = IncidentType.Find(request.TypeCode);
        if (type is null)
        {
            v.Add("typeCode", string.IsNullOrWhiteSpace(request.TypeCode) ? "Select the type of incident" : $"'{request.TypeCode}' is not an incident type");
        }
        var narrative = v.Required("narrative", request.Narrative, "what was reported", IncidentLimits.Narrative);
        var location = ReadLocation(v, request.Location);
        var people = ReadPeople(v, request.People);
        var choices = await ReadIdentityChoicesAsync(v, request.People, cancellationToken);
        var (sourceSystem, sourceReference) = (v.MaxLength("sourceSystem", request.SourceSystem, "the source system", 60), v.MaxLength("sourceReference", request.SourceReference, "the source reference", 100));
        if ((sourceSystem is null) != (sourceReference is null))
        {
            v.Add(sourceSystem is null ? "sourceSystem" : "sourceReference", "Give both the source system and its reference, or neither");
        }

        var grades = await configuration.CurrentAsync<GradeTable>(GradeTable.Key, cancellationToken);
        var rules = (await configuration.CurrentAsync<IntakeRules>(IntakeRules.Key, cancellationToken)).Value;
        var grade = grades.Value.Find(request.Grade);
        if (grade is null)
        {
            v.Add("grade", string.IsNullOrWhiteSpace(request.Grade) ? "Select a grade" : $"'{request.Grade}' is not a grade: use {string.Join(", ", grades.Value.Grades.Select(g => g.Code))}");
        }
        var emergency = grade?.Code == GradeTable.Emergency;
        var vulnerable = request.VulnerablePerson == true || request.Thrive?.VulnerablePerson == true;
        var offenderNearby = request.OffenderNearby == true;
        var overrideReason = v.MaxLength("noAttendanceOverrideReason", request.NoAttendanceOverrideReason, "the override reason", 1000);
        var officer = await OfficerAsync(v, request.OfficerInCaseId, cancellationToken);
        await TeamAsync(v, request.OwningTeamId, cancellationToken);

        ThriveAssessment? thrive = null;
        if (request.Thrive is not null)
        {
            thrive = ReadThrive(v, request.Thrive, "thrive.", now);
        }
        else if (!emergency && grade is not null)
        {
            v.Add("thrive", "Complete THRIVE before finishing intake (only an emergency may be dispatched first)");
        }

        var assessments = new List<(RiskAssessment Assessment, int? PersonIndex)>();
        foreach (var (item, index) in (request.Assessments ?? []).Select((a, i) => (a, i)))
        {
            var prefix = $"assessments[{index}].";
            if (item.PersonIndex is { } pi && (pi < 0 || pi >= people.Count))
            {
                v.Add(prefix + "personIndex", "personIndex must name a person in this report");
            }
            var scored = await ScoreAsync(v, item, prefix, now, cancellationToken);
            if (scored is not null)
            {
                assessments.Add((scored, item.PersonIndex));
            }
        }
        var neededInstrument = type is null ? null : RequiredInstrument(type, people);
        if (neededInstrument is not null && !emergency && grade is not null && !assessments.Any(a => a.Assessment.InstrumentCode == neededInstrument))
        {
            v.Add("assessments", $"Complete the {(await InstrumentAsync(neededInstrument, cancellationToken)).Value.Name} for {type!.Name.ToLowerInvariant()}");
        }

        var factors = await configuration.CurrentAsync<VulnerabilityFactors>(VulnerabilityFactors.Key, cancellationToken);
        var vulnerability = await ReadVulnerabilityAsync(v, request.Vulnerability, people, choices, assessments, factors, reportedAt, now, cancellationToken);
        if (grade is { Attends: false } && type is not null && MandatoryAttendance(type, vulnerable, offenderNearby))
        {
            if (!access.IsSupervisor)
            {
                v.Add("grade", $"{type.Name}{(vulnerable ? " with a vulnerable person" : "")}{(offenderNearby ? " with the offender nearby" : "")} must be attended: only a supervisor may grade it for no attendance, with a reason");
            }
            else if (overrideReason is null)
            {
                v.Add("noAttendanceOverrideReason", "Give the reason for overriding mandatory attendance");
            }
        }
        var highRiskAsb = type is { IsAsb: true } && grade?.Code == GradeTable.Scheduled && await HighRiskAsync(assessments, cancellationToken);
        if (highRiskAsb)
        {
            if (!access.IsSupervisor)
            {
                v.Add("grade", "A high-risk ASB victim cannot be graded Scheduled: only a supervisor may, with a reason");
            }
            else if (overrideReason is null)
            {
                v.Add("noAttendanceOverrideReason", "Give the reason for grading a high-risk ASB victim Scheduled");
            }
        }

        if (!v.IsValid)
        {
            return new IntakeResult(null, false, v.Errors);
        }

        var mayBeCrimeReason = CrimeInTheAccount.ReasonFor(type!,
            request.Assessments?.FirstOrDefault(a => string.Equals(a.Instrument, "ASB", StringComparison.OrdinalIgnoreCase))?.Answers, narrative);
        var incident = new Incident
        {
            Channel = channel!.Value,
            ReportedAt = reportedAt,
            OccurredFrom = request.OccurredFrom,
            OccurredTo = request.OccurredTo,
            TypeCode = type!.Code,
            Narrative = narrative!,
            LocationText = location.Text ?? "",
            Uprn = location.Uprn,
            Latitude = location.Latitude,
            Longitude = location.Longitude,
            LsoaCode = location.LsoaCode,
            District = location.District ?? PlaceKey.DistrictOf(location.Text),
            Rural = location.Rural ?? false,
            SourceSystem = sourceSystem,
            SourceReference = sourceReference,
            OffenderNearby = offenderNearby,
            VulnerablePerson = vulnerable,
            MayBeCrime = request.MayBeCrime == true || mayBeCrimeReason is not null,
            MayBeCrimeReason = mayBeCrimeReason ?? (request.MayBeCrime == true ? CrimeInTheAccount.MarkedByHand : null),
            Sensitive = type.Sensitive,
            OfficerInCaseId = officer,
            OwningTeamId = request.OwningTeamId,
            CreatedAt = now,
            CreatedBy = user.Name,
            People = people,
        };
        ApplyGrade(incident, grade!, grades.Version, now, overrideReason);
        if (highRiskAsb)
        {
            // The supervisor's recorded reason for the grade, kept where every override of the grading policy is kept.
            incident.NoAttendanceOverrideBy = user.Name;
            incident.NoAttendanceOverrideReason = overrideReason;
        }
        if (thrive is null || (neededInstrument is not null && !assessments.Any(a => a.Assessment.InstrumentCode == neededInstrument && !a.Assessment.Incomplete)))
        {
            // Dispatched first, or the risk assessment could not be judged: it falls due to the attending officer.
            incident.ThriveDueAt = now.AddHours(rules.AssessmentDueHours);
        }
        else
        {
            incident.ThriveCompletedAt = now;
        }

        var recorded = new IncidentRecorded(incident, people, choices);
        try
        {
            await SaveAsync(recorded, thrive, assessments, vulnerability, rules, cancellationToken);
        }
        catch (DbUpdateException) when (sourceSystem is not null && sourceReference is not null)
        {
            // The same import arrived twice at once: both found nothing, and the unique index let only the first insert.
            // The second answers as a repeated import does, with the first's record; nothing of its own was kept.
            db.ChangeTracker.Clear();
            var first = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.SourceSystem == sourceSystem && i.SourceReference == sourceReference, cancellationToken);
            if (first is null)
            {
                throw;
            }
            return new IntakeResult(first, false, new Dictionary<string, string[]>());
        }
        recorded.Committed();
        return new IntakeResult(incident, true, new Dictionary<string, string[]>());
    }

    /// <summary>
    /// Saves a new incident with everything intake made of it, and everything other features make of it (they react to
    /// <see cref="IncidentRecorded"/>), in one transaction.
    /// </summary>
    private async Task SaveAsync(IncidentRecorded recorded, ThriveAssessment? thrive, List<(RiskAssessment Assessment, int? PersonIndex)> assessments,
        List<VictimVulnerability> vulnerability, IntakeRules rules, CancellationToken cancellationToken)
    {
        var (incident, people) = (recorded.Incident, recorded.People);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        incident.Reference = ReferenceFor(incident);
        if (thrive is not null)
        {
            thrive.IncidentId = incident.Id;
            db.ThriveAssessments.Add(thrive);
        }
        foreach (var (assessment, personIndex) in assessments)
        {
            assessment.IncidentId = incident.Id;
            assessment.PersonId = personIndex is { } i ? people[i].Id : assessment.PersonId;
            db.RiskAssessments.Add(assessment);
        }
        var liaison = vulnerability.Any(v => v.Judgement.Elderly is not null)
            ? await Referrals.ReferralRouting.ResolveAsync(db, Referrals.ReferralKind.OlderPersonLiaison, child: false, cancellationToken)
            : new Referrals.ReferralDestination(null, null);
        AddVulnerability(incident, people, vulnerability, liaison);
        CrimeRecording.OpenDecisions(db, incident, rules.CrimeRecordingHours);
        audit.Add("incident.create", "incident", incident.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: $"{incident.Reference} {incident.TypeCode}");
        foreach (var person in people)
        {
            audit.Add("person.create", "person", person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: $"on {incident.Reference}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await reactions.PublishAsync(recorded, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The identities the call handler confirmed or rejected for each person, resolved to the current identity.</summary>
    private async Task<Dictionary<int, IdentityChoice>> ReadIdentityChoicesAsync(Validation v, List<PersonRequest>? requested, CancellationToken cancellationToken)
    {
        var choices = new Dictionary<int, IdentityChoice>();
        for (var i = 0; i < (requested?.Count ?? 0) && i < IncidentLimits.People; i++)
        {
            var p = requested![i];
            if (p.IdentityId is null && (p.NotIdentityIds?.Count ?? 0) == 0)
            {
                continue;
            }
            long? confirmed = null;
            if (p.IdentityId is { } id)
            {
                confirmed = await identities.CurrentIdAsync(id, cancellationToken);
                if (confirmed is null || !access.CanRead)
                {
                    v.Add($"people[{i}].identityId", "There is no such identity");
                }
            }
            var rejected = new List<long>();
            foreach (var not in (p.NotIdentityIds ?? []).Take(20))
            {
                if (await identities.CurrentIdAsync(not, cancellationToken) is { } current && current != confirmed)
                {
                    rejected.Add(current);
                }
            }
            choices[i] = new IdentityChoice(confirmed, rejected);
        }
        return choices;
    }

    /// <summary>The officer in the case: one of SafetyNet's users, named by their id.</summary>
    public async Task<string?> OfficerAsync(Validation v, string? officerInCaseId, CancellationToken cancellationToken)
    {
        var officer = v.MaxLength("officerInCaseId", officerInCaseId, "the officer in the case", 64);
        if (officer is not null && v.IsValidField("officerInCaseId") && !await db.Users.AnyAsync(u => u.Id == officer, cancellationToken))
        {
            v.Add("officerInCaseId", "Select the officer in the case from SafetyNet's users");
        }
        return officer;
    }

    /// <summary>The team that owns the incident: one of the force's teams.</summary>
    public async Task TeamAsync(Validation v, int? owningTeamId, CancellationToken cancellationToken)
    {
        if (owningTeamId is { } team && !await db.Teams.AnyAsync(t => t.Id == team, cancellationToken))
        {
            v.Add("owningTeamId", "Select a team that exists");
        }
    }

    /// <summary>
    /// The instrument a type asks on top of THRIVE. An environmental ASB report with no victim named (a passer-by's
    /// report of fly-tipping, say) asks no victim questionnaire.
    /// </summary>
    public static string? RequiredInstrument(IncidentType type, IEnumerable<IncidentPerson> people) =>
        type.AsbCategory == "Environmental" && !people.Any(p => p.Role == PersonRole.Victim) ? null : type.Instrument;

    private async Task<bool> HighRiskAsync(List<(RiskAssessment Assessment, int? PersonIndex)> assessments, CancellationToken cancellationToken)
    {
        foreach (var (assessment, _) in assessments.Where(a => a.Assessment.InstrumentCode == "ASB"))
        {
            var instrument = (await InstrumentAsync(assessment.InstrumentCode, cancellationToken)).Value;
            if (instrument.LevelIndex(assessment.Level) == instrument.Levels.Count - 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A victim's vulnerability assessment as intake made it, with what it means.</summary>
    public sealed record VictimVulnerability(int PersonIndex, VulnerabilityAssessment Assessment, VulnerabilityJudgement Judgement);

    public const string AskedOfCaller = "Asked at first contact";

    /// <summary>
    /// The vulnerability assessment of each victim (DOMAIN §3): the answers given, and for those left out what SafetyNet
    /// already knows — the age band from the date of birth, repeat victimisation from the identity the call handler
    /// confirmed or the ASB risk assessment's "reported before" — each with where it came from.
    /// </summary>
    private async Task<List<VictimVulnerability>> ReadVulnerabilityAsync(Validation v, List<VulnerabilityRequest>? requested, List<IncidentPerson> people,
        Dictionary<int, IdentityChoice> choices, List<(RiskAssessment Assessment, int? PersonIndex)> assessments, Versioned<VulnerabilityFactors> config,
        DateTimeOffset reportedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var factors = config.Value;
        var given = new Dictionary<int, VulnerabilityRequest>();
        foreach (var (item, index) in (requested ?? []).Select((r, i) => (r, i)))
        {
            var prefix = $"vulnerability[{index}].";
            if (item.PersonIndex is not { } pi || pi < 0 || pi >= people.Count || people[pi].Role != PersonRole.Victim)
            {
                v.Add(prefix + "personIndex", "personIndex must name a victim in this report");
                continue;
            }
            if (!given.TryAdd(pi, item))
            {
                v.Add(prefix + "personIndex", "Give one vulnerability assessment for each victim");
            }
            if (!string.IsNullOrWhiteSpace(item.AgeBand) && factors.FindBand(item.AgeBand) is null)
            {
                v.Add(prefix + "ageBand", $"Select the age band: {string.Join(", ", factors.AgeBands.Select(b => b.Code))}");
            }
            foreach (var (key, answer) in item.Answers ?? [])
            {
                if (!factors.Factors.Any(f => f.Key == key))
                {
                    v.Add($"{prefix}answers.{key}", $"'{key}' is not a vulnerability factor");
                }
                else if (answer is not (null or "" or "yes" or "no" or "dont-know"))
                {
                    v.Add($"{prefix}answers.{key}", $"'{answer}' is not an answer: use yes, no or dont-know");
                }
            }
        }
        var result = new List<VictimVulnerability>();
        var today = ForceClock.DayOf(reportedAt);
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i];
            if (person.Role != PersonRole.Victim)
            {
                continue;
            }
            given.TryGetValue(i, out var item);
            var answers = new List<VulnerabilityAnswer>();
            int? age = null;
            AgeBand? band = null;
            if (person.DateOfBirth is { } born)
            {
                age = today.Year - born.Year - (born > today.AddYears(born.Year - today.Year) ? 1 : 0);
                band = factors.BandFor(age.Value);
                answers.Add(new("age-band", band?.Code ?? "", $"Date of birth (aged {age})"));
            }
            else if (factors.FindBand(item?.AgeBand) is { } stated)
            {
                band = stated;
                answers.Add(new("age-band", stated.Code, AskedOfCaller));
            }
            foreach (var factor in factors.Factors)
            {
                if (item?.Answers?.GetValueOrDefault(factor.Key) is { Length: > 0 } answer)
                {
                    answers.Add(new(factor.Key, answer, AskedOfCaller));
                }
                else if (factor.Key == factors.RepeatFactor && await KnownRepeatAsync(i, choices, assessments, reportedAt, cancellationToken) is { } known)
                {
                    answers.Add(new(factor.Key, known.Answer, known.Source));
                }
            }
            var judgement = factors.Judge(age, band, answers.ToDictionary(a => a.Key, a => a.Answer));
            result.Add(new(i, new VulnerabilityAssessment
            {
                ConfigVersion = config.Version,
                AgeBand = band?.Code,
                AnswersJson = JsonSerializer.Serialize(answers),
                Vulnerable = judgement.Vulnerable,
                Enhanced = judgement.EnhancedReasons.Count > 0,
                Elderly = judgement.Elderly is not null,
                DeskReasons = judgement.DeskReasons.Count > 0 ? string.Join("; ", judgement.DeskReasons) : null,
                EnhancedReasons = judgement.EnhancedReasons.Count > 0 ? string.Join("; ", judgement.EnhancedReasons) : null,
                CreatedAt = now,
                CreatedBy = user.Name,
            }, judgement));
        }
        return result;
    }

    /// <summary>Whether the victim is known to have reported before: from the identity confirmed, else from the ASB matrix.</summary>
    private async Task<(string Answer, string Source)?> KnownRepeatAsync(int index, Dictionary<int, IdentityChoice> choices,
        List<(RiskAssessment Assessment, int? PersonIndex)> assessments, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        if (choices.GetValueOrDefault(index)?.Confirmed is { } identityId)
        {
            var status = await identities.StatusAsync(identityId, reportedAt, cancellationToken);
            return (status.RepeatVictim ? "yes" : "no", $"Earlier reports of the same person: {status.Summary}");
        }
        var asb = assessments.FirstOrDefault(a => a.Assessment.InstrumentCode == "ASB" && (a.PersonIndex is null || a.PersonIndex == index)).Assessment;
        if (asb is not null && JsonSerializer.Deserialize<Dictionary<string, string?>>(asb.AnswersJson)?.GetValueOrDefault("reported-before") is "yes" or "no")
        {
            var answer = JsonSerializer.Deserialize<Dictionary<string, string?>>(asb.AnswersJson)!["reported-before"]!;
            return (answer, "ASB risk assessment: reported before");
        }
        return null;
    }

    /// <summary>
    /// Keeps each victim's vulnerability assessment; a vulnerable or elderly victim routes the incident to the community
    /// focus desk with the reasons, and an elderly victim of a crime brings the older person liaison referral now, at
    /// intake. The incident and its people are saved (they have ids); the caller saves these.
    /// </summary>
    private void AddVulnerability(Incident incident, IReadOnlyList<IncidentPerson> people, List<VictimVulnerability> vulnerability,
        Referrals.ReferralDestination liaison)
    {
        var now = incident.CreatedAt;
        foreach (var (index, assessment, judgement) in vulnerability)
        {
            var person = people[index];
            assessment.IncidentId = incident.Id;
            assessment.PersonId = person.Id;
            db.VulnerabilityAssessments.Add(assessment);
            if (judgement.Vulnerable && person.IdentityId is { } identityId)
            {
                db.DeskRoutings.Add(new DeskRouting
                {
                    IncidentId = incident.Id, PersonId = person.Id, IdentityId = identityId, Reason = DeskRoutingReason.VulnerableVictim,
                    Detail = $"Vulnerable victim: {assessment.DeskReasons}", RuleVersion = assessment.ConfigVersion, RoutedAt = now,
                    RoutedBy = IdentityLinkSource.CallHandler,
                });
            }
            if (judgement.Elderly is { } elderly && (IncidentType.Find(incident.TypeCode)?.PossibleCrime == true || incident.MayBeCrime))
            {
                db.Referrals.Add(new Referrals.Referral
                {
                    IncidentId = incident.Id, PersonId = person.Id, Kind = Referrals.ReferralKind.OlderPersonLiaison, ToAgencyId = liaison.AgencyId, ToTeamId = liaison.TeamId,
                    Status = Referrals.ReferralStatus.Suggested, DueAt = Victims.WorkingDays.EnglandAndWales.DueAfter(now, 5),
                    Reason = $"Older person liaison officer: {elderly}", LawfulBasis = Referrals.ReferralRules.VictimSupportBasis,
                    CreatedAt = now, CreatedBy = incident.CreatedBy,
                });
            }
        }
    }

    public static bool MandatoryAttendance(IncidentType type, bool vulnerable, bool offenderNearby) =>
        type.MandatoryAttendance || vulnerable || (offenderNearby && type.PossibleCrime);

    public static string ReferenceFor(Incident incident) =>
        $"HC-{ForceClock.ToLocal(incident.ReportedAt):yyMMdd}-{incident.Id:D5}";

    public static void ApplyGrade(Incident incident, Grade grade, int configVersion, DateTimeOffset now, string? overrideReason, string? by = null)
    {
        incident.GradeCode = grade.Code;
        incident.GradeConfigVersion = configVersion;
        incident.GradedAt = now;
        incident.GradedBy = by ?? incident.CreatedBy;
        var minutes = incident.Rural ? grade.RuralMinutes : grade.UrbanMinutes;
        incident.AttendanceDueAt = grade.Attends && minutes is { } m ? incident.ReportedAt.AddMinutes(m) : null;
        if (!grade.Attends && overrideReason is not null)
        {
            incident.NoAttendanceOverrideBy = by ?? incident.CreatedBy;
            incident.NoAttendanceOverrideReason = overrideReason;
        }
    }

    public static void CheckOccurred(Validation v, DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset reportedAt)
    {
        if (from is { } f && f > reportedAt + FutureTolerance)
        {
            v.Add("occurredFrom", "The incident cannot have started after it was reported");
        }
        if (from is { } start && to is { } end && end < start)
        {
            v.Add("occurredTo", "The end of the incident must be after its start");
        }
    }

    public static LocationRequest ReadLocation(Validation v, LocationRequest? location)
    {
        var text = v.Required("location.text", location?.Text, "where it happened", 500);
        v.MaxLength("location.uprn", location?.Uprn, "the UPRN", 12);
        if (location?.Uprn is { Length: > 0 } uprn && !uprn.All(char.IsAsciiDigit))
        {
            v.Add("location.uprn", "A UPRN is up to 12 digits");
        }
        if (location?.Latitude is { } lat && (lat < 49 || lat > 61))
        {
            v.Add("location.latitude", "Latitude must be in the United Kingdom (49 to 61)");
        }
        if (location?.Longitude is { } lon && (lon < -9 || lon > 3))
        {
            v.Add("location.longitude", "Longitude must be in the United Kingdom (-9 to 3)");
        }
        if ((location?.Latitude is null) != (location?.Longitude is null))
        {
            v.Add("location.latitude", "Give both latitude and longitude, or neither");
        }
        var lsoa = v.MaxLength("location.lsoaCode", location?.LsoaCode, "the LSOA code", 9);
        if (lsoa is not null && !LsoaCode().IsMatch(lsoa))
        {
            v.Add("location.lsoaCode", "An LSOA code is E01 or W01 and six digits, like E01023706");
        }
        var district = v.District("location.district", location?.District);
        return new LocationRequest(text ?? "", location?.Uprn, location?.Latitude, location?.Longitude, lsoa, district, location?.Rural);
    }

    public List<IncidentPerson> ReadPeople(Validation v, List<PersonRequest>? requested)
    {
        var people = new List<IncidentPerson>();
        if (requested is null)
        {
            return people;
        }
        if (requested.Count > IncidentLimits.People)
        {
            v.Add("people", $"An incident can name at most {IncidentLimits.People} people");
            return people;
        }
        var today = ForceClock.DayOf(time.GetUtcNow());
        for (var i = 0; i < requested.Count; i++)
        {
            var p = requested[i];
            var prefix = $"people[{i}].";
            var role = v.Enum<PersonRole>(prefix + "role", p.Role, "the person's role");
            var first = v.MaxLength(prefix + "firstName", p.FirstName, "the first name", 100);
            var middle = v.MaxLength(prefix + "middleName", p.MiddleName, "the middle name", 100);
            var last = v.MaxLength(prefix + "lastName", p.LastName, "the last name", 100);
            if (first is null && last is null && role != PersonRole.Suspect)
            {
                v.Add(prefix + "lastName", "Enter a first name or a last name (only a suspect may be unnamed)");
            }
            if (p.DateOfBirth is { } dob && (dob > today || dob.Year < 1900))
            {
                v.Add(prefix + "dateOfBirth", "The date of birth must be in the past and after 1900");
            }
            var sex = v.Enum<Sex>(prefix + "sex", p.Sex, "sex", required: false) ?? Sex.Unknown;
            var postcode = v.MaxLength(prefix + "postcode", p.Postcode, "the postcode", 10);
            if (p.VictimSupportOptOut == true && role is not PersonRole.Victim)
            {
                v.Add(prefix + "victimSupportOptOut", "Only a victim can decline a referral to victim support");
            }
            people.Add(new IncidentPerson
            {
                Role = role ?? PersonRole.Caller,
                FirstName = first,
                MiddleName = middle,
                LastName = last,
                DateOfBirth = p.DateOfBirth,
                Sex = sex,
                Phone = v.Phone(prefix + "phone", p.Phone),
                Email = v.Email(prefix + "email", p.Email),
                Address = v.MaxLength(prefix + "address", p.Address, "the address", 500),
                Postcode = postcode?.ToUpperInvariant(),
                VictimSupportOptOut = p.VictimSupportOptOut == true,
                MatchKey = IncidentPerson.KeyOf(first, last, p.DateOfBirth),
                CreatedAt = time.GetUtcNow(),
            });
            people[^1].Identity = PersonIdentity.StartedBy(people[^1]);
        }
        return people;
    }

    public ThriveAssessment? ReadThrive(Validation v, ThriveRequest t, string prefix, DateTimeOffset now)
    {
        var threat = v.Required(prefix + "threat", t.Threat, "the threat", 2000);
        var harm = v.Required(prefix + "harm", t.Harm, "the harm", 2000);
        var risk = v.Required(prefix + "risk", t.Risk, "the risk", 2000);
        var investigation = v.Required(prefix + "investigation", t.Investigation, "the investigation opportunities", 2000);
        var vulnerability = v.Required(prefix + "vulnerability", t.Vulnerability, "the vulnerability", 2000);
        var engagement = v.Required(prefix + "engagement", t.Engagement, "the engagement", 2000);
        var reason = v.MaxLength(prefix + "reason", t.Reason, "the reason", 1000);
        if (threat is null || harm is null || risk is null || investigation is null || vulnerability is null || engagement is null)
        {
            return null;
        }
        return new ThriveAssessment
        {
            Threat = threat,
            Harm = harm,
            Risk = risk,
            Investigation = investigation,
            Vulnerability = vulnerability,
            Engagement = engagement,
            VulnerablePerson = t.VulnerablePerson == true,
            SafeguardingAdvice = t.SafeguardingAdvice == true,
            ScenePreservationAdvice = t.ScenePreservationAdvice == true,
            CrimePreventionAdvice = t.CrimePreventionAdvice == true,
            Reason = reason,
            CreatedAt = now,
            CreatedBy = user.Name,
        };
    }

    public Task<Versioned<RiskInstrument>> InstrumentAsync(string code, CancellationToken cancellationToken) =>
        configuration.CurrentAsync<RiskInstrument>(RiskInstrument.KeyFor(code), cancellationToken);

    /// <summary>
    /// Scores an instrument by DOMAIN §3: an override only raises the computed level, with a reason; a
    /// reviewer's reassessment may set any level, with a reason.
    /// </summary>
    public async Task<RiskAssessment?> ScoreAsync(Validation v, AssessmentRequest item, string prefix, DateTimeOffset now, CancellationToken cancellationToken, RiskAssessment? previous = null)
    {
        var code = item.Instrument?.ToUpperInvariant();
        if (code is null || !await db.ConfigurationVersions.AnyAsync(c => c.Key == RiskInstrument.KeyFor(code) && c.IsCurrent, cancellationToken))
        {
            v.Add(prefix + "instrument", code is null ? "Select the risk instrument" : $"'{item.Instrument}' is not a risk instrument");
            return null;
        }
        var (instrument, version) = await InstrumentAsync(code, cancellationToken);
        var answers = item.Answers ?? [];
        var (score, answerErrors) = instrument.Score(answers);
        v.AddRange(answerErrors, prefix);
        var computed = instrument.LevelFor(score);
        var level = computed;
        var rules = (await configuration.CurrentAsync<IntakeRules>(IntakeRules.Key, cancellationToken)).Value;
        var scored = instrument.Questions.Where(q => !q.FreeText).ToList();
        var incomplete = rules.IsIncomplete(scored.Count(q => string.Equals(answers.GetValueOrDefault(q.Key), "dont-know", StringComparison.OrdinalIgnoreCase)), scored.Count);
        string? overrideReason = null;
        if (item.Reassessment == true)
        {
            if (!access.IsReviewer)
            {
                v.Add(prefix + "reassessment", "Only a supervisor or the community focus desk may reassess risk");
            }
            if (instrument.LevelIndex(item.Level) < 0)
            {
                v.Add(prefix + "level", $"Select the level: {string.Join(", ", instrument.Levels)}");
            }
            overrideReason = v.Required(prefix + "reason", item.Reason, "the reason for the reassessment", 1000);
            level = item.Level is { } given && instrument.LevelIndex(given) >= 0 ? instrument.Levels[instrument.LevelIndex(given)] : computed;
        }
        else if (!string.IsNullOrWhiteSpace(item.LevelOverride))
        {
            var index = instrument.LevelIndex(item.LevelOverride);
            if (index < 0)
            {
                v.Add(prefix + "levelOverride", $"Select the level: {string.Join(", ", instrument.Levels)}");
            }
            else if (index < instrument.LevelIndex(computed))
            {
                v.Add(prefix + "levelOverride", $"Professional judgement may raise the level, never lower it below the computed {computed}");
            }
            else if (index > instrument.LevelIndex(computed))
            {
                overrideReason = v.Required(prefix + "overrideReason", item.OverrideReason, "why you are raising the level", 1000);
                level = instrument.Levels[index];
            }
        }
        if (!v.IsValid)
        {
            return null;
        }
        var referral = instrument.ReferralThreshold is { } threshold
            && (score >= threshold || instrument.LevelIndex(level) == instrument.Levels.Count - 1);
        return new RiskAssessment
        {
            PersonId = item.PersonId,
            InstrumentCode = instrument.Code,
            InstrumentVersion = version,
            AnswersJson = JsonSerializer.Serialize(answers),
            Score = score,
            ComputedLevel = computed,
            Level = level,
            OverrideReason = overrideReason,
            IsReassessment = item.Reassessment == true,
            SupersedesId = previous?.Id,
            ReferralFlag = referral,
            ReferralName = referral ? instrument.ReferralName : null,
            Incomplete = incomplete,
            CreatedAt = now,
            CreatedBy = user.Name,
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[EW]01[0-9]{6}$")]
    private static partial System.Text.RegularExpressions.Regex LsoaCode();
}
