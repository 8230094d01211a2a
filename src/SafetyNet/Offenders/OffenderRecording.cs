using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Offenders;

public sealed record OffenderRequest(long? IdentityId, string? PncId, string? HomeAddress, double? HomeLatitude, double? HomeLongitude, string? HomeDistrict);

public sealed record ArrestRequest(DateTimeOffset? ArrestedAt, string? OffenceCode, string? Outcome, string? Place, double? Latitude, double? Longitude, string? District, int? Version);

public sealed record ChargeRequest(DateOnly? ChargedOn, string? OffenceCode, int? Version);

public sealed record SanctionRequest(string? Kind, DateOnly? SanctionedOn, string? OffenceCode, string? Disposal, int? Version);

public sealed record CustodyRequest(DateOnly? StartedOn, DateOnly? ReleasedOn, string? Establishment, int? Version);

public sealed record ReleaseRequest(DateOnly? ReleasedOn, int? Version);

public sealed record ConditionRequest(string? Kind, string? Conditions, DateOnly? StartsOn, DateOnly? ExpiresOn, int? Version);

public sealed record BreachRequest(DateTimeOffset? BreachedAt, string? Details, int? Version);

public sealed record MarkerRequest(string? Kind, string? Note, int? Version);

public sealed record IntelligenceRequest(string? Text, int? SourceEvaluation, string? Assessment, string? HandlingCode, string? HandlingConditions, int? Version);

/// <summary>What a change to the register answers: the offender, the item added and the record's version now.</summary>
public sealed record OffenderChange(long OffenderId, long ItemId, int Version);

/// <summary>
/// Adds to the register: a record for an identity, then each item of its history. Each addition is refused as not
/// found unless the caller may record (decision 0121), checked field by field with every error named, made only when
/// the version sent back is current (409 otherwise), audited, and saved whole or not at all. The rules that check
/// each item are static so that the import checks a file's rows by the very same rules.
/// </summary>
public sealed class OffenderRecording(AppDb db, OffenderAccess access, AuditTrail audit, TimeProvider time, CurrentUser user)
{
    private const string VersionMissing = "Send back the version of the record you read, so an addition made since is not missed";

    public async Task<Outcome<OffenderChange>> CreateAsync(OffenderRequest request, CancellationToken ct)
    {
        if (!access.CanRecord)
        {
            return Outcome<OffenderChange>.NotFound;
        }
        var v = new Validation();
        var identity = request.IdentityId is { } identityId
            ? await db.PersonIdentities.AsNoTracking().Where(i => i.Id == identityId).Select(i => new { i.Id, i.MergedIntoId }).FirstOrDefaultAsync(ct)
            : null;
        if (request.IdentityId is null)
        {
            v.Add("identityId", "Enter the identity number of the person");
        }
        else if (identity is null)
        {
            v.Add("identityId", "There is no identity with this number");
        }
        else if (identity.MergedIntoId is { } merged)
        {
            v.Add("identityId", $"This identity was merged into identity {merged}: use that one");
        }
        else if (await db.Set<OffenderRecord>().AnyAsync(o => o.IdentityId == identity.Id, ct))
        {
            v.Add("identityId", "This person is already in the register");
        }
        var record = Home(v, request);
        if (!v.IsValid)
        {
            return Outcome<OffenderChange>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        record.IdentityId = identity!.Id;
        (record.CreatedAt, record.CreatedBy, record.UpdatedAt) = (now, user.Name, now);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync("offender.create", "offender", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: $"identity={record.IdentityId}", cancellationToken: ct);
        return Outcome.Done(new OffenderChange(record.Id, record.Id, record.Version));
    }

    /// <summary>Where the offender lives; a record with no identity yet.</summary>
    public static OffenderRecord Home(Validation v, OffenderRequest request)
    {
        var pnc = v.MaxLength("pncId", request.PncId, "the PNC ID", 20);
        var address = v.MaxLength("homeAddress", request.HomeAddress, "the home address", 300);
        var district = v.District("homeDistrict", request.HomeDistrict, label: "the home district");
        Point(v, "homeLatitude", "homeLongitude", request.HomeLatitude, request.HomeLongitude);
        return new OffenderRecord
        {
            PncId = pnc, HomeAddress = address, HomeDistrict = district, HomeLatitude = request.HomeLatitude, HomeLongitude = request.HomeLongitude, CreatedBy = "",
        };
    }

    public Task<Outcome<OffenderChange>> AddArrestAsync(long id, ArrestRequest request, CancellationToken ct) =>
        AddAsync(id, request.Version, "offender.arrest", v => Arrest(v, request, time.GetUtcNow()), ct);

    public Task<Outcome<OffenderChange>> AddChargeAsync(long id, ChargeRequest request, CancellationToken ct) =>
        AddAsync(id, request.Version, "offender.charge", v => Charge(v, request, access.Today), ct);

    public Task<Outcome<OffenderChange>> AddSanctionAsync(long id, SanctionRequest request, CancellationToken ct) =>
        AddAsync(id, request.Version, "offender.sanction", v => Sanction(v, request, access.Today), ct);

    public Task<Outcome<OffenderChange>> AddCustodyAsync(long id, CustodyRequest request, CancellationToken ct) =>
        AddAsync(id, request.Version, "offender.custody", v => Custody(v, request, access.Today), ct);

    public async Task<Outcome<OffenderChange>> AddConditionAsync(long id, ConditionRequest request, CancellationToken ct)
    {
        var rules = await access.RulesAsync(ct);
        return await AddAsync(id, request.Version, "offender.condition", v => Condition(v, request, rules), ct);
    }

    public async Task<Outcome<OffenderChange>> AddMarkerAsync(long id, MarkerRequest request, CancellationToken ct)
    {
        var rules = await access.RulesAsync(ct);
        return await AddAsync(id, request.Version, "offender.marker", v => Marker(v, request, rules), ct);
    }

    public Task<Outcome<OffenderChange>> AddIntelligenceAsync(long id, IntelligenceRequest request, CancellationToken ct) =>
        AddAsync(id, request.Version, "offender.intelligence", v => Intelligence(v, request), ct);

    /// <summary>A breach of a condition of this offender's; the condition must be theirs, and the breach within its dates.</summary>
    public async Task<Outcome<OffenderChange>> AddBreachAsync(long id, long conditionId, BreachRequest request, CancellationToken ct)
    {
        var condition = await db.Set<OffenderCondition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conditionId && c.OffenderId == id, ct);
        if (condition is null)
        {
            return Outcome<OffenderChange>.NotFound;
        }
        return await AddAsync(id, request.Version, "offender.breach", v =>
        {
            var details = v.Required("details", request.Details, "what the breach was", 2000);
            if (request.BreachedAt is not { } at)
            {
                v.Add("breachedAt", "Enter when the breach happened");
            }
            else if (at > time.GetUtcNow())
            {
                v.Add("breachedAt", "The breach must be in the past");
            }
            else if (ForceClock.DayOf(at) < condition.StartsOn || ForceClock.DayOf(at) > condition.ExpiresOn)
            {
                v.Add("breachedAt", $"The breach must fall while the conditions were in force ({ForceClock.FormatDay(condition.StartsOn)} to {ForceClock.FormatDay(condition.ExpiresOn)})");
            }
            return new ConditionBreach { ConditionId = conditionId, BreachedAt = request.BreachedAt ?? default, Details = details ?? "", RecordedBy = "" };
        }, ct);
    }

    /// <summary>The release from a custody spell of this offender's still open.</summary>
    public async Task<Outcome<OffenderChange>> ReleaseAsync(long id, long spellId, ReleaseRequest request, CancellationToken ct)
    {
        if (!access.CanRecord || await access.Visible.Where(o => o.Id == id).FirstOrDefaultAsync(ct) is not { } record)
        {
            return Outcome<OffenderChange>.NotFound;
        }
        var spell = await db.Set<CustodySpell>().FirstOrDefaultAsync(s => s.Id == spellId && s.OffenderId == id, ct);
        if (spell is null)
        {
            return Outcome<OffenderChange>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<OffenderChange, OffenderRecord>(record, request.Version, v, VersionMissing) is { } refused)
        {
            return refused;
        }
        if (spell.ReleasedOn is not null)
        {
            v.Add("releasedOn", "The release from this custody is already recorded");
        }
        else if (request.ReleasedOn is not { } released)
        {
            v.Add("releasedOn", "Enter the date of release");
        }
        else if (released < spell.StartedOn || released > access.Today)
        {
            v.Add("releasedOn", "The release must be between the start of custody and today");
        }
        if (!v.IsValid)
        {
            return Outcome<OffenderChange>.Invalid(v.Errors);
        }
        spell.ReleasedOn = request.ReleasedOn;
        Moved(record);
        return await SaveAsync(record, spellId, "offender.release", ct);
    }

    private async Task<Outcome<OffenderChange>> AddAsync<T>(long id, int? version, string action, Func<Validation, T> build, CancellationToken ct) where T : class
    {
        if (!access.CanRecord || await access.Visible.Where(o => o.Id == id).FirstOrDefaultAsync(ct) is not { } record)
        {
            return Outcome<OffenderChange>.NotFound;
        }
        var v = new Validation();
        if (db.Unchanged<OffenderChange, OffenderRecord>(record, version, v, VersionMissing) is { } refused)
        {
            return refused;
        }
        var item = build(v);
        if (!v.IsValid)
        {
            return Outcome<OffenderChange>.Invalid(v.Errors);
        }
        var now = time.GetUtcNow();
        Stamp(item, id, now, user.Name);
        db.Add(item);
        Moved(record);
        return await SaveAsync(record, item, action, ct);
    }

    /// <summary>An addition moves the record's version on (the save is conditional on the version read) even within one instant.</summary>
    private void Moved(OffenderRecord record)
    {
        record.UpdatedAt = time.GetUtcNow();
        record.Version++;
    }

    private async Task<Outcome<OffenderChange>> SaveAsync(OffenderRecord record, object item, string action, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<OffenderRecord>().AsNoTracking().Where(o => o.Id == record.Id).Select(o => o.Version).FirstAsync(ct);
            return Outcome<OffenderChange>.Stale(current);
        }
        var itemId = item is long given ? given : (long)db.Entry(item).Property("Id").CurrentValue!;
        await audit.WriteAsync(action, "offender", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), details: $"item={itemId}", cancellationToken: ct);
        return Outcome.Done(new OffenderChange(record.Id, itemId, record.Version));
    }

    /// <summary>Fills in whose the item is, when and by whom it was recorded.</summary>
    public static void Stamp(object item, long offenderId, DateTimeOffset now, string by)
    {
        switch (item)
        {
            case OffenderArrest a: (a.OffenderId, a.RecordedAt, a.RecordedBy) = (offenderId, now, by); break;
            case OffenderCharge c: (c.OffenderId, c.RecordedAt, c.RecordedBy) = (offenderId, now, by); break;
            case OffenderSanction s: (s.OffenderId, s.RecordedAt, s.RecordedBy) = (offenderId, now, by); break;
            case CustodySpell s: (s.OffenderId, s.RecordedAt, s.RecordedBy) = (offenderId, now, by); break;
            case OffenderCondition c: (c.OffenderId, c.RecordedAt, c.RecordedBy) = (offenderId, now, by); break;
            case ConditionBreach b: (b.OffenderId, b.RecordedAt, b.RecordedBy) = (offenderId, now, by); break;
            case WarningMarker m: (m.OffenderId, m.RecordedAt, m.RecordedBy) = (offenderId, now, by); break;
            case IntelligenceEntry e: (e.OffenderId, e.RecordedAt, e.RecordedBy) = (offenderId, now, by); break;
            default: throw new ArgumentException($"Not an item of the register: {item.GetType().Name}", nameof(item));
        }
    }

    private static string? Code(Validation v, string field, string? code)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            v.Add(field, "Enter the Home Office offence code");
            return null;
        }
        if (!OffenceCodes.IsWellFormed(trimmed))
        {
            v.Add(field, OffenceCodes.Message());
            return null;
        }
        return trimmed;
    }

    private static void Point(Validation v, string latField, string lonField, double? latitude, double? longitude)
    {
        if (latitude is null != longitude is null)
        {
            v.Add(latitude is null ? latField : lonField, "Give both the latitude and the longitude, or neither");
        }
        if (latitude is { } lat && lat is < 49 or > 61)
        {
            v.Add(latField, "The latitude must be in Great Britain (49 to 61)");
        }
        if (longitude is { } lon && lon is < -9 or > 2.5)
        {
            v.Add(lonField, "The longitude must be in Great Britain (-9 to 2.5)");
        }
    }

    private static void NotAfter(Validation v, string field, DateOnly? day, DateOnly today, string label)
    {
        if (day is null)
        {
            v.Add(field, $"Enter {label}");
        }
        else if (day > today)
        {
            v.Add(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be today or in the past");
        }
    }

    public static OffenderArrest Arrest(Validation v, ArrestRequest request, DateTimeOffset now)
    {
        if (request.ArrestedAt is not { } at)
        {
            v.Add("arrestedAt", "Enter when the arrest was made");
        }
        else if (at > now)
        {
            v.Add("arrestedAt", "The arrest must be in the past");
        }
        var code = Code(v, "offenceCode", request.OffenceCode);
        var outcome = v.Enum<ArrestOutcome>("outcome", request.Outcome, "the outcome of the arrest", required: false) ?? ArrestOutcome.Pending;
        var place = v.MaxLength("place", request.Place, "the place", 300);
        var district = v.District("district", request.District);
        Point(v, "latitude", "longitude", request.Latitude, request.Longitude);
        return new OffenderArrest
        {
            ArrestedAt = request.ArrestedAt ?? default, OffenceCode = code ?? "", Outcome = outcome, Place = place, District = district,
            Latitude = request.Latitude, Longitude = request.Longitude, RecordedBy = "",
        };
    }

    public static OffenderCharge Charge(Validation v, ChargeRequest request, DateOnly today)
    {
        NotAfter(v, "chargedOn", request.ChargedOn, today, "the date of the charge");
        var code = Code(v, "offenceCode", request.OffenceCode);
        return new OffenderCharge { ChargedOn = request.ChargedOn ?? default, OffenceCode = code ?? "", RecordedBy = "" };
    }

    public static OffenderSanction Sanction(Validation v, SanctionRequest request, DateOnly today)
    {
        var kind = v.Enum<SanctionKind>("kind", request.Kind, "whether it is a conviction or a caution");
        NotAfter(v, "sanctionedOn", request.SanctionedOn, today, "the date of the conviction or caution");
        var code = Code(v, "offenceCode", request.OffenceCode);
        var disposal = v.Required("disposal", request.Disposal, "the sentence or caution given", 300);
        return new OffenderSanction { Kind = kind ?? SanctionKind.Conviction, SanctionedOn = request.SanctionedOn ?? default, OffenceCode = code ?? "", Disposal = disposal ?? "", RecordedBy = "" };
    }

    public static CustodySpell Custody(Validation v, CustodyRequest request, DateOnly today)
    {
        NotAfter(v, "startedOn", request.StartedOn, today, "the date custody started");
        if (request.ReleasedOn is { } released && (released > today || (request.StartedOn is { } started && released < started)))
        {
            v.Add("releasedOn", "The release must be between the start of custody and today");
        }
        var establishment = v.MaxLength("establishment", request.Establishment, "the prison or establishment", 200);
        return new CustodySpell { StartedOn = request.StartedOn ?? default, ReleasedOn = request.ReleasedOn, Establishment = establishment, RecordedBy = "" };
    }

    public static OffenderCondition Condition(Validation v, ConditionRequest request, OffenderRules rules)
    {
        var kind = v.Enum<ConditionKind>("kind", request.Kind, "licence or bail");
        var conditions = v.Required("conditions", request.Conditions, "the conditions", 2000);
        if (request.StartsOn is null)
        {
            v.Add("startsOn", "Enter the date the conditions start");
        }
        if (request.ExpiresOn is null)
        {
            v.Add("expiresOn", "Enter the date the conditions expire");
        }
        else if (request.ExpiresOn.Value.Year < 1900)
        {
            v.Add("expiresOn", "Enter the real date the conditions expire");
        }
        else if (request.StartsOn is { } starts && request.ExpiresOn < starts)
        {
            v.Add("expiresOn", "The conditions must expire on or after the day they start");
        }
        var expires = request.ExpiresOn is { Year: >= 1900 } e ? e : default;
        return new OffenderCondition
        {
            Kind = kind ?? ConditionKind.Licence, Conditions = conditions ?? "", StartsOn = request.StartsOn ?? default, ExpiresOn = expires,
            // The reminder falls due at the start of the day, the set number of days before expiry.
            ReminderDueAt = expires == default ? default : ForceClock.StartOf(expires.AddDays(-rules.ReminderDays)), RecordedBy = "",
        };
    }

    public static WarningMarker Marker(Validation v, MarkerRequest request, OffenderRules rules)
    {
        MarkerKind? kind = null;
        if (string.IsNullOrWhiteSpace(request.Kind))
        {
            v.Add("kind", "Select the kind of warning marker");
        }
        else if ((kind = rules.Find(request.Kind.Trim())) is null)
        {
            v.Add("kind", $"The kind of warning marker must be one of: {string.Join(", ", rules.MarkerKinds.Select(k => k.Code))}");
        }
        var note = v.MaxLength("note", request.Note, "the note", 500);
        return new WarningMarker { Kind = kind?.Code ?? "", Note = note, RecordedBy = "" };
    }

    public static IntelligenceEntry Intelligence(Validation v, IntelligenceRequest request)
    {
        var text = v.Required("text", request.Text, "the intelligence", 4000);
        if (request.SourceEvaluation is not (1 or 2 or 3))
        {
            v.Add("sourceEvaluation", "Select the source evaluation: 1 reliable, 2 untested or 3 not reliable");
        }
        var assessment = request.Assessment?.Trim().ToUpperInvariant();
        if (assessment is not ("A" or "B" or "C" or "D" or "E"))
        {
            v.Add("assessment", "Select the intelligence assessment: A to E");
        }
        var handling = request.HandlingCode?.Trim().ToUpperInvariant();
        if (handling is not ("P" or "C"))
        {
            v.Add("handlingCode", "Select the handling code: P (may be shared lawfully) or C (shared only with conditions)");
        }
        var conditions = v.MaxLength("handlingConditions", request.HandlingConditions, "the handling conditions", 1000);
        if (handling == "C" && conditions is null)
        {
            v.Add("handlingConditions", "Say on what conditions intelligence with handling code C may be shared");
        }
        return new IntelligenceEntry
        {
            Text = text ?? "", SourceEvaluation = request.SourceEvaluation ?? 0, Assessment = assessment ?? "", HandlingCode = handling ?? "",
            HandlingConditions = handling == "C" ? conditions : null, RecordedBy = "",
        };
    }
}
