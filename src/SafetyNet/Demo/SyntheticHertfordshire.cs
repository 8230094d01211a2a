using System.Globalization;
using System.Text.Json;
using SafetyNet.Assessments;
using SafetyNet.Crimes;
using SafetyNet.Incidents;
using SafetyNet.Locations;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Demo;

/// <summary>The rows one synthetic batch adds, with identifiers already assigned.</summary>
public sealed class SyntheticBatch
{
    public List<Incident> Incidents { get; } = [];
    public List<IncidentPerson> People { get; } = [];
    public List<PersonIdentity> Identities { get; } = [];
    public List<ThriveAssessment> Thrive { get; } = [];
    public List<RiskAssessment> Assessments { get; } = [];
    public List<CrimeRecord> CrimeRecords { get; } = [];
    public List<CrimeDecision> CrimeDecisions { get; } = [];
    public List<SyntheticTruth> Truth { get; } = [];
}

/// <summary>Where the next identifiers start, so a seed adds to what is there.</summary>
public sealed record IdentifierStart(long Incident, long Person, long Thrive, long Assessment, long CrimeRecord, long CrimeDecision, int Identity, long PersonIdentity);

/// <summary>
/// Deterministic, realistic synthetic Hertfordshire: British names, people re-reported with the typos,
/// familiar names and missing fields of real call logs (the truth kept), repeat victims and repeat
/// locations, placed on real police.uk points and LSOAs. The same seed always gives the same data.
/// </summary>
public sealed class SyntheticHertfordshire(Gazetteer gazetteer, int seed)
{
    private sealed record Human(int Identity, string First, string Last, DateOnly DateOfBirth, Sex Sex, string Phone, string Email, GazetteerPlace Home, int HouseNumber, string Postcode);

    private static readonly (string Code, int Weight)[] TypeMix =
    [
        ("ASB-NUISANCE", 14), ("ASB-PERSONAL", 10), ("ASB-ENVIRONMENTAL", 5), ("DOMESTIC-ABUSE", 9), ("ASSAULT", 9), ("ASSAULT-SERIOUS", 2),
        ("HARASSMENT", 4), ("STALKING", 1), ("THEFT-OTHER", 8), ("SHOPLIFTING", 6), ("CRIMINAL-DAMAGE", 7), ("VEHICLE-CRIME", 5),
        ("BURGLARY-RESIDENTIAL", 4), ("BURGLARY-BUSINESS", 1), ("ROBBERY", 1), ("PUBLIC-ORDER", 4), ("DRUGS", 2), ("BICYCLE-THEFT", 1),
        ("THEFT-PERSON", 1), ("WEAPONS", 1), ("CONCERN-FOR-SAFETY", 3), ("MISSING-PERSON", 2), ("SEXUAL-OFFENCE", 1),
    ];

    private static readonly Dictionary<string, string[]> PostcodeAreas = new()
    {
        ["Broxbourne"] = ["EN8", "EN10", "EN11"], ["Dacorum"] = ["HP1", "HP2", "HP3", "HP4"], ["East Hertfordshire"] = ["SG12", "SG13", "SG14", "CM23"],
        ["Hertsmere"] = ["WD6", "WD7", "EN6"], ["North Hertfordshire"] = ["SG4", "SG5", "SG6", "SG7"], ["St Albans"] = ["AL1", "AL2", "AL3", "AL4", "AL5"],
        ["Stevenage"] = ["SG1", "SG2"], ["Three Rivers"] = ["WD3", "WD5"], ["Watford"] = ["WD17", "WD18", "WD19", "WD24", "WD25"], ["Welwyn Hatfield"] = ["AL7", "AL8", "AL9", "AL10"],
    };

    private const string Letters = "ABDEFGHJLNPQRSTUWXYZ";

    public SyntheticBatch Generate(int incidents, DateTimeOffset now, IdentifierStart start, string recordedBy, RiskInstrumentSet instruments)
    {
        var random = new Random(seed);
        var places = gazetteer.Places.Where(p => p.Reports >= 2).ToArray();
        if (places.Length == 0)
        {
            places = gazetteer.Places.ToArray();
        }
        // A few places draw many reports, as town centres and problem estates do.
        var hotPlaces = Enumerable.Range(0, Math.Max(1, places.Length / 40)).Select(_ => places[random.Next(places.Length)]).ToArray();
        var population = Enumerable.Range(0, Math.Max(30, incidents / 3)).Select(i => NewHuman(random, start.Identity + i, places)).ToArray();
        var batch = new SyntheticBatch();
        var (incidentId, personId, thriveId, assessmentId, crimeId, decisionId) = (start.Incident, start.Person, start.Thrive, start.Assessment, start.CrimeRecord, start.CrimeDecision);
        var totalWeight = TypeMix.Sum(t => t.Weight);

        for (var n = 0; n < incidents; n++)
        {
            var type = IncidentType.Find(Pick(random, totalWeight))!;
            var reportedAt = now.AddMinutes(-random.Next(30, 90 * 24 * 60));
            var place = random.NextDouble() < 0.3 ? hotPlaces[random.Next(hotPlaces.Length)] : places[random.Next(places.Length)];
            var victim = population[Skewed(random, population.Length)];
            var emergency = type.Code is "DOMESTIC-ABUSE" or "ASSAULT-SERIOUS" or "ROBBERY" && random.NextDouble() < 0.4;
            var grade = emergency ? GradeTable.Emergency : type.MandatoryAttendance ? "PRIORITY" : type.IsAsb ? "SCHEDULED" : random.NextDouble() < 0.5 ? "SCHEDULED" : "RESOLVED";
            var attendMinutes = grade switch { GradeTable.Emergency => 15, "PRIORITY" => 60, "SCHEDULED" => 2880, _ => (int?)null };
            // Burglary, domestic abuse and ASB aimed at a household (neighbours targeting a family) happen at the victim's home: so a
            // repeat victim's personal ASB reports are about one problem, as the Community Trigger counts them.
            var atHome = type.Code is "BURGLARY-RESIDENTIAL" or "DOMESTIC-ABUSE" or "ASB-PERSONAL";
            var where = atHome ? victim.Home : place;
            var incident = new Incident
            {
                Id = incidentId++,
                Channel = emergency ? IncidentChannel.Emergency999 : random.NextDouble() < 0.25 ? IncidentChannel.Online : IncidentChannel.NonEmergency101,
                ReportedAt = reportedAt,
                OccurredFrom = reportedAt.AddMinutes(-random.Next(5, 600)),
                TypeCode = type.Code,
                Narrative = Narrative(type, where),
                LocationText = atHome ? $"{victim.HouseNumber} {victim.Home.Street}, {victim.Home.District}" : $"{place.Street}, {place.District}",
                Latitude = where.Latitude,
                Longitude = where.Longitude,
                LsoaCode = where.LsoaCode,
                District = where.District,
                Sensitive = type.Sensitive,
                VulnerablePerson = ForceClock.DayOf(reportedAt).Year - victim.DateOfBirth.Year >= 75,
                GradeCode = grade,
                GradeConfigVersion = 1,
                GradedAt = reportedAt.AddMinutes(2),
                GradedBy = recordedBy,
                AttendanceDueAt = attendMinutes is { } m ? reportedAt.AddMinutes(m) : null,
                ThriveCompletedAt = reportedAt.AddMinutes(3),
                CreatedAt = reportedAt,
                CreatedBy = recordedBy,
                Version = 1,
            };
            if (attendMinutes is { } minutes && reportedAt.AddMinutes(minutes + 240) < now)
            {
                incident.ArrivedAt = reportedAt.AddMinutes(random.NextDouble() < 0.85 ? random.Next(5, minutes) : minutes + random.Next(1, 120));
            }
            if (grade == "RESOLVED" && type.MandatoryAttendance)
            {
                (incident.NoAttendanceOverrideBy, incident.NoAttendanceOverrideReason) = (recordedBy, "Caller declined attendance; supervisor agreed");
            }
            incident.Reference = IncidentIntake.ReferenceFor(incident);
            batch.Incidents.Add(incident);

            var victimEntry = Entry(random, victim, PersonRole.Victim, personId++, incident, reportedAt);
            batch.People.Add(victimEntry);
            batch.Truth.Add(new SyntheticTruth { IncidentPersonId = victimEntry.Id, Identity = victim.Identity });
            if (random.NextDouble() < 0.3)
            {
                var caller = population[random.Next(population.Length)];
                var entry = Entry(random, caller, PersonRole.Caller, personId++, incident, reportedAt);
                batch.People.Add(entry);
                batch.Truth.Add(new SyntheticTruth { IncidentPersonId = entry.Id, Identity = caller.Identity });
            }
            if (type.PossibleCrime && random.NextDouble() < 0.4)
            {
                var suspect = population[random.Next(population.Length)];
                var entry = Entry(random, suspect, PersonRole.Suspect, personId++, incident, reportedAt);
                batch.People.Add(entry);
                batch.Truth.Add(new SyntheticTruth { IncidentPersonId = entry.Id, Identity = suspect.Identity });
            }

            batch.Thrive.Add(new ThriveAssessment
            {
                Id = thriveId++, IncidentId = incident.Id, CreatedAt = reportedAt.AddMinutes(3), CreatedBy = recordedBy,
                Threat = type.Sensitive ? "Risk of further harm from a known person" : "No ongoing threat reported",
                Harm = "As described by the caller", Risk = type.Sensitive ? "Elevated" : "Standard",
                Investigation = "Speak to the caller; check CCTV and witnesses", Vulnerability = incident.VulnerablePerson ? "Elderly victim living alone" : "None identified",
                Engagement = "Caller wants to be kept informed", VulnerablePerson = incident.VulnerablePerson, SafeguardingAdvice = type.Sensitive, CrimePreventionAdvice = type.PossibleCrime,
            });
            if (type.Instrument is { } code && instruments.Find(code) is { } instrument)
            {
                var yesShare = random.NextDouble() * (type.Code == "DOMESTIC-ABUSE" ? 0.7 : 0.5);
                var answers = instrument.Value.Questions.Where(q => !q.FreeText).ToDictionary(q => q.Key, q => (string?)(random.NextDouble() < yesShare ? "yes" : "no"));
                var (score, _) = instrument.Value.Score(answers);
                var level = instrument.Value.LevelFor(score);
                var referral = instrument.Value.ReferralThreshold is { } threshold && score >= threshold;
                batch.Assessments.Add(new RiskAssessment
                {
                    Id = assessmentId++, IncidentId = incident.Id, PersonId = victimEntry.Id, InstrumentCode = instrument.Value.Code, InstrumentVersion = instrument.Version,
                    AnswersJson = JsonSerializer.Serialize(answers), Score = score, ComputedLevel = level, Level = level,
                    ReferralFlag = referral, ReferralName = referral ? instrument.Value.ReferralName : null, CreatedAt = reportedAt.AddMinutes(4), CreatedBy = recordedBy,
                });
            }
            if (type.PossibleCrime)
            {
                var record = new CrimeRecord
                {
                    Id = crimeId++, IncidentId = incident.Id, VictimId = victimEntry.Id, DueAt = reportedAt.AddHours(24), Status = CrimeRecordingStatus.Pending, Version = 1,
                };
                // Older reports have been decided, mostly on time; the newest are still in the queue.
                if (reportedAt.AddHours(30) < now)
                {
                    var decidedAt = reportedAt.AddHours(random.NextDouble() < 0.9 ? random.Next(1, 24) : random.Next(25, 96));
                    var recorded = random.NextDouble() < 0.9;
                    record.Status = recorded ? CrimeRecordingStatus.Recorded : CrimeRecordingStatus.NotACrime;
                    record.OffenceSubgroup = recorded ? type.DefaultSubgroup : null;
                    record.PoliceUkCategory = recorded ? OffenceSubgroups.CategoryOf(type.DefaultSubgroup) : null;
                    record.CrimeReference = recorded ? $"HC/{ForceClock.ToLocal(decidedAt):yy}/{record.Id:D6}" : null;
                    (record.DecidedAt, record.DecidedBy) = (decidedAt, recordedBy);
                    batch.CrimeDecisions.Add(new CrimeDecision
                    {
                        Id = decisionId++, CrimeRecordId = record.Id, Kind = recorded ? CrimeDecisionKind.Recorded : CrimeDecisionKind.NotACrime,
                        OffenceSubgroup = record.OffenceSubgroup, CrimeReference = record.CrimeReference, DecidedAt = decidedAt, DecidedBy = recordedBy,
                        Reason = recorded ? null : NotCrimeReasons.All[0], Details = recorded ? null : "Caller confirmed no offence took place",
                    });
                }
                batch.CrimeRecords.Add(record);
            }
        }
        // Each entry starts an identity of its own, as one typed at intake does; resolution joins them.
        var identityId = start.PersonIdentity;
        foreach (var entry in batch.People)
        {
            entry.IdentityId = identityId;
            batch.Identities.Add(new PersonIdentity { Id = identityId++, DisplayName = entry.DisplayName, DateOfBirth = entry.DateOfBirth, CreatedAt = entry.CreatedAt, Version = 1 });
        }
        return batch;
    }

    private static string Pick(Random random, int total)
    {
        var roll = random.Next(total);
        foreach (var (code, weight) in TypeMix)
        {
            if ((roll -= weight) < 0)
            {
                return code;
            }
        }
        return TypeMix[0].Code;
    }

    /// <summary>Repeat victims: a small share of people are the victims in a large share of reports.</summary>
    private static int Skewed(Random random, int count) =>
        random.NextDouble() < 0.35 ? random.Next(Math.Max(1, count / 20)) : random.Next(count);

    private Human NewHuman(Random random, int identity, GazetteerPlace[] places)
    {
        var sex = random.NextDouble() < 0.52 ? Sex.Female : Sex.Male;
        var first = sex == Sex.Female ? BritishNames.Female[random.Next(BritishNames.Female.Length)] : BritishNames.Male[random.Next(BritishNames.Male.Length)];
        var last = BritishNames.Surnames[random.Next(BritishNames.Surnames.Length)];
        var dob = new DateOnly(1935 + random.Next(72), 1 + random.Next(12), 1 + random.Next(28));
        var home = places[random.Next(places.Length)];
        var areas = PostcodeAreas[home.District];
        var postcode = $"{areas[random.Next(areas.Length)]} {random.Next(1, 10)}{Letters[random.Next(Letters.Length)]}{Letters[random.Next(Letters.Length)]}";
        // Ofcom's numbers reserved for drama, and the reserved example domains: nothing here reaches a real person.
        var phone = random.NextDouble() < 0.7 ? $"07700 900{random.Next(1000):D3}" : $"01632 960{random.Next(1000):D3}";
        var email = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal)}{random.Next(100)}@example.{(random.NextDouble() < 0.5 ? "com" : "org")}";
        return new Human(identity, first, last, dob, sex, phone, email, home, 1 + random.Next(120), postcode);
    }

    /// <summary>One entry of a human as a call handler typed it: sometimes a familiar name, a typo, a missing or transposed date.</summary>
    private static IncidentPerson Entry(Random random, Human h, PersonRole role, long id, Incident incident, DateTimeOffset at)
    {
        var first = h.First;
        if (random.NextDouble() < 0.15 && BritishNames.Familiar.TryGetValue(first, out var familiar))
        {
            first = familiar[random.Next(familiar.Length)];
        }
        else if (random.NextDouble() < 0.08)
        {
            first = Typo(random, first);
        }
        var last = random.NextDouble() < 0.12 ? Typo(random, h.Last) : h.Last;
        DateOnly? dob = random.NextDouble() switch
        {
            < 0.22 => null,
            < 0.25 when h.DateOfBirth.Day <= 12 => new DateOnly(h.DateOfBirth.Year, h.DateOfBirth.Day, h.DateOfBirth.Month),
            < 0.27 => h.DateOfBirth.AddDays(random.Next(1, 10)),
            _ => h.DateOfBirth,
        };
        return new IncidentPerson
        {
            Id = id, IncidentId = incident.Id, Role = role,
            FirstName = random.NextDouble() < 0.03 ? null : first,
            LastName = last,
            DateOfBirth = dob,
            Sex = random.NextDouble() < 0.1 ? Sex.Unknown : h.Sex,
            Phone = random.NextDouble() < 0.35 ? null : h.Phone,
            Email = random.NextDouble() < 0.6 ? null : h.Email,
            Address = random.NextDouble() < 0.25 ? null : $"{h.HouseNumber} {h.Home.Street}, {h.Home.District}",
            Postcode = random.NextDouble() < 0.4 ? null : h.Postcode,
            MatchKey = IncidentPerson.KeyOf(first, last, dob),
            CreatedAt = at,
            Version = 1,
        };
    }

    private static string Typo(Random random, string name)
    {
        if (name.Length < 4)
        {
            return name;
        }
        var chars = name.ToCharArray();
        var i = 1 + random.Next(chars.Length - 2);
        switch (random.Next(3))
        {
            case 0:
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                return new string(chars);
            case 1:
                return name.Remove(i, 1);
            default:
                chars[i] = "aeioulnrst"[random.Next(10)];
                return new string(chars);
        }
    }

    private static string Narrative(IncidentType type, GazetteerPlace place) => type.Code switch
    {
        "ASB-NUISANCE" => $"Group of youths causing a nuisance near {place.Street}, shouting and throwing litter.",
        "ASB-PERSONAL" => $"Caller says neighbours near {place.Street} are targeting her family with abuse.",
        "ASB-ENVIRONMENTAL" => $"Fly-tipping and graffiti reported on {place.Street}.",
        "DOMESTIC-ABUSE" => "Caller reports an argument with her partner that became physical; partner has left the address.",
        "BURGLARY-RESIDENTIAL" => "Caller returned home to find a rear door forced and jewellery and a laptop taken.",
        "VEHICLE-CRIME" => $"Car window smashed overnight on {place.Street}; items taken from the glovebox.",
        "SHOPLIFTING" => $"Store security detained a male leaving without paying, {place.Street}.",
        "MISSING-PERSON" => "Family report a relative has not returned home and is not answering the phone.",
        _ => $"{type.Name} reported on or near {place.Street}, {place.District}.",
    };
}

/// <summary>The current risk instruments, looked up once per seed.</summary>
public sealed class RiskInstrumentSet(IReadOnlyDictionary<string, Versioned<RiskInstrument>> instruments)
{
    public Versioned<RiskInstrument>? Find(string code) => instruments.GetValueOrDefault(code);
}
