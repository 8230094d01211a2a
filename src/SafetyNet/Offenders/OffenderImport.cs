using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Offenders;

/// <summary>A row the import did not take, with its line in the file and every reason.</summary>
public sealed record ImportRejection(int Line, string Record, string Reasons);

/// <summary>What an import did: rows added, rows already in the register (unchanged), and rows rejected.</summary>
public sealed record ImportResult(int Added, int Unchanged, IReadOnlyList<ImportRejection> Rejected)
{
    /// <summary>The rejected rows as CSV (line, record, reasons), for the rejects file.</summary>
    public string RejectsCsv()
    {
        var csv = new StringBuilder("line,record,reasons\n");
        foreach (var r in Rejected)
        {
            csv.Append(r.Line.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Escape(r.Record)).Append(',').Append(Escape(r.Reasons)).Append('\n');
        }
        return csv.ToString();
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// Imports the register from the CSV layout of decision 0122: one fact per row, the identity it is about, checked by the
/// very rules the pages and the API use. Idempotent: a fact already in the register (the same arrest, sanction, custody,
/// conditions, marker or intelligence) is left unchanged, so importing a file twice changes nothing. A row is saved
/// whole in its own save or not at all, and a rejected row is listed with its line and every reason.
/// </summary>
public sealed class OffenderImport(AppDb db, OffenderAccess access, AuditTrail audit, TimeProvider time, CurrentUser user)
{
    public const int MaxRows = 50_000;

    public static readonly IReadOnlyList<string> Records = ["offender", "arrest", "charge", "conviction", "caution", "custody", "licence", "bail", "marker", "intelligence"];

    /// <summary>The layout, as <c>--help</c> and the import page give it.</summary>
    public const string Layout =
        "CSV with a header row; columns in any order, others ignored. record: offender, arrest, charge, conviction, caution, custody, licence, bail, " +
        "marker or intelligence. identity_id: the person's identity number. date: yyyy-MM-dd (an arrest's may add a time, yyyy-MM-ddTHH:mm, UK time). " +
        "end_date: the release (custody) or expiry (licence, bail). offence_code: five-digit Home Office code. outcome: an arrest's outcome. " +
        "disposal: a conviction's or caution's sentence. place, district, latitude, longitude: where an arrest was made, or where an offender lives. " +
        "pnc_id: an offender's PNC ID. details: the conditions, the establishment, a marker's note or the intelligence. marker: the marker's kind. " +
        "grading: 3x5x2 as three characters, like 2BC. handling_conditions: needed with handling code C.";

    /// <summary>Imports a file; null with a message when the file itself cannot be read (no header, no record column, too many rows).</summary>
    public async Task<(ImportResult? Result, string? Problem)> ImportAsync(TextReader reader, string source, CancellationToken ct)
    {
        if (!access.CanRecord)
        {
            return (null, "You may not import into the offender register");
        }
        var rows = Csv.ReadAll(reader);
        if (rows.Count == 0)
        {
            return (null, "The file is empty: it needs a header row naming its columns");
        }
        var header = rows[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("record") || !header.Contains("identity_id"))
        {
            return (null, "The header must name the columns record and identity_id");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return (null, $"The file has more than {MaxRows:N0} rows: split it");
        }
        var rules = await access.RulesAsync(ct);
        var (added, unchanged) = (0, 0);
        var rejected = new List<ImportRejection>();
        // Offenders first, so a row about an offender's history finds the home the file gives them.
        var ordered = rows.Skip(1).Select(r => (r.Line, Row: new Row(header, r.Fields)))
            .OrderBy(r => r.Row["record"]?.ToLowerInvariant() == "offender" ? 0 : 1).ThenBy(r => r.Line).ToList();
        foreach (var (line, row) in ordered)
        {
            var kind = row["record"]?.ToLowerInvariant() ?? "";
            var errors = new Validation();
            try
            {
                var done = await ImportRowAsync(kind, row, rules, errors, ct);
                if (done is null)
                {
                    rejected.Add(new ImportRejection(line, kind, string.Join("; ", errors.Errors.SelectMany(e => e.Value.Select(m => $"{Column(e.Key, kind)}: {m}")))));
                }
                else if (done.Value)
                {
                    added++;
                }
                else
                {
                    unchanged++;
                }
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        await audit.WriteAsync("offender.import", "offender", null, details: $"source={source} added={added} unchanged={unchanged} rejected={rejected.Count}", cancellationToken: ct);
        return (new ImportResult(added, unchanged, rejected), null);
    }

    /// <summary>True when the row added to the register, false when the register already held it, null when rejected (with the errors).</summary>
    private async Task<bool?> ImportRowAsync(string kind, Row row, OffenderRules rules, Validation v, CancellationToken ct)
    {
        if (!Records.Contains(kind))
        {
            v.Add("record", $"The record must be one of: {string.Join(", ", Records)}");
            return null;
        }
        long? identityId = null;
        if (!long.TryParse(row["identity_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var given))
        {
            v.Add("identity_id", "Give the person's identity number");
        }
        else if (await db.PersonIdentities.AsNoTracking().Where(i => i.Id == given).Select(i => new { i.MergedIntoId }).FirstOrDefaultAsync(ct) is not { } identity)
        {
            v.Add("identity_id", "There is no identity with this number");
        }
        else if (identity.MergedIntoId is { } merged)
        {
            v.Add("identity_id", $"This identity was merged into identity {merged}: use that one");
        }
        else
        {
            identityId = given;
        }
        var now = time.GetUtcNow();
        var today = access.Today;
        var latitude = Number(v, row, "latitude");
        var longitude = Number(v, row, "longitude");
        object? item = null;
        switch (kind)
        {
            case "offender":
                var home = OffenderRecording.Home(v, new OffenderRequest(identityId, row["pnc_id"], row["place"], latitude, longitude, row["district"]));
                if (!v.IsValid)
                {
                    return null;
                }
                if (await db.Set<OffenderRecord>().AnyAsync(o => o.IdentityId == identityId, ct))
                {
                    return false;
                }
                item = home;
                break;
            case "arrest":
                item = OffenderRecording.Arrest(v, new ArrestRequest(Instant(v, row["date"]), row["offence_code"], row["outcome"], row["place"], latitude, longitude, row["district"], null), now);
                break;
            case "charge":
                item = OffenderRecording.Charge(v, new ChargeRequest(Day(v, "date", row["date"]), row["offence_code"], null), today);
                break;
            case "conviction" or "caution":
                item = OffenderRecording.Sanction(v, new SanctionRequest(kind, Day(v, "date", row["date"]), row["offence_code"], row["disposal"], null), today);
                break;
            case "custody":
                item = OffenderRecording.Custody(v, new CustodyRequest(Day(v, "date", row["date"]), Day(v, "end_date", row["end_date"]), row["details"], null), today);
                break;
            case "licence" or "bail":
                item = OffenderRecording.Condition(v, new ConditionRequest(kind, row["details"], Day(v, "date", row["date"]), Day(v, "end_date", row["end_date"]), null), rules);
                break;
            case "marker":
                item = OffenderRecording.Marker(v, new MarkerRequest(row["marker"], row["details"], null), rules);
                break;
            case "intelligence":
                var grading = row["grading"]?.Trim().ToUpperInvariant();
                if (grading is not { Length: 3 })
                {
                    v.Add("grading", "Give the 3x5x2 grading as three characters, like 2BC");
                    return null;
                }
                item = OffenderRecording.Intelligence(v, new IntelligenceRequest(row["details"], grading[0] - '0', grading[1].ToString(), grading[2].ToString(), row["handling_conditions"], null));
                break;
        }
        if (!v.IsValid || identityId is not { } id)
        {
            return null;
        }
        if (item is OffenderRecord record)
        {
            (record.IdentityId, record.CreatedAt, record.CreatedBy, record.UpdatedAt) = (id, now, user.Name, now);
            db.Add(record);
            await db.SaveChangesAsync(ct);
            return true;
        }
        // One transaction: a new offender and its first fact are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var offender = await db.Set<OffenderRecord>().FirstOrDefaultAsync(o => o.IdentityId == id, ct);
        var add = true;
        if (offender is null)
        {
            offender = new OffenderRecord { IdentityId = id, CreatedAt = now, CreatedBy = user.Name, UpdatedAt = now };
            db.Add(offender);
            await db.SaveChangesAsync(ct);
        }
        else
        {
            var held = await HeldAsync(offender.Id, item!, ct);
            if (held == false)
            {
                return false;
            }
            // A new fact, or a release on the custody the register holds: the record moves on either way.
            add = held is null;
            offender.Version++;
            offender.UpdatedAt = now;
        }
        if (add)
        {
            OffenderRecording.Stamp(item!, offender.Id, now, user.Name);
            db.Add(item!);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Whether the register already holds the fact: true when the row changes a fact it holds (a release on the custody
    /// it started), false when it holds it as is, null when it does not hold it.
    /// </summary>
    private async Task<bool?> HeldAsync(long offenderId, object item, CancellationToken ct)
    {
        switch (item)
        {
            case OffenderArrest a:
                return await db.Set<OffenderArrest>().AnyAsync(x => x.OffenderId == offenderId && x.ArrestedAt == a.ArrestedAt && x.OffenceCode == a.OffenceCode, ct) ? false : null;
            case OffenderCharge c:
                return await db.Set<OffenderCharge>().AnyAsync(x => x.OffenderId == offenderId && x.ChargedOn == c.ChargedOn && x.OffenceCode == c.OffenceCode, ct) ? false : null;
            case OffenderSanction s:
                return await db.Set<OffenderSanction>().AnyAsync(x => x.OffenderId == offenderId && x.Kind == s.Kind && x.SanctionedOn == s.SanctionedOn && x.OffenceCode == s.OffenceCode, ct) ? false : null;
            case CustodySpell s:
                var spell = await db.Set<CustodySpell>().FirstOrDefaultAsync(x => x.OffenderId == offenderId && x.StartedOn == s.StartedOn, ct);
                if (spell is null)
                {
                    return null;
                }
                if (spell.ReleasedOn is null && s.ReleasedOn is not null)
                {
                    spell.ReleasedOn = s.ReleasedOn;
                    return true;
                }
                return false;
            case OffenderCondition c:
                return await db.Set<OffenderCondition>().AnyAsync(x => x.OffenderId == offenderId && x.Kind == c.Kind && x.StartsOn == c.StartsOn && x.ExpiresOn == c.ExpiresOn, ct) ? false : null;
            case WarningMarker m:
                return await db.Set<WarningMarker>().AnyAsync(x => x.OffenderId == offenderId && x.Kind == m.Kind, ct) ? false : null;
            case IntelligenceEntry e:
                return await db.Set<IntelligenceEntry>().AnyAsync(x => x.OffenderId == offenderId && x.Text == e.Text, ct) ? false : null;
            default:
                return null;
        }
    }

    /// <summary>The layout's column for a field the shared rules name as the API does.</summary>
    private static string Column(string field, string kind) => field switch
    {
        "offenceCode" => "offence_code",
        "arrestedAt" or "chargedOn" or "sanctionedOn" or "startedOn" or "startsOn" => "date",
        "releasedOn" or "expiresOn" => "end_date",
        "kind" => kind == "marker" ? "marker" : "record",
        "text" or "conditions" or "establishment" or "note" => "details",
        "sourceEvaluation" or "assessment" or "handlingCode" => "grading",
        "handlingConditions" => "handling_conditions",
        "homeDistrict" => "district",
        "homeAddress" => "place",
        "homeLatitude" => "latitude",
        "homeLongitude" => "longitude",
        "pncId" => "pnc_id",
        "identityId" => "identity_id",
        _ => field,
    };

    private static double? Number(Validation v, Row row, string column)
    {
        var text = row[column];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        v.Add(column, "Give a number, like 51.7526");
        return null;
    }

    private static DateOnly? Day(Validation v, string column, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        v.Add(column, "Give the date as yyyy-MM-dd, like 2026-03-27");
        return null;
    }

    private static DateTimeOffset? Instant(Validation v, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return ForceClock.FromLocal(local);
        }
        v.Add("date", "Give the date as yyyy-MM-dd or yyyy-MM-ddTHH:mm (UK time), like 2026-03-27T14:30");
        return null;
    }

    /// <summary>One row's fields by column name.</summary>
    private sealed class Row(IReadOnlyList<string> header, IReadOnlyList<string> fields)
    {
        public string? this[string column]
        {
            get
            {
                var index = -1;
                for (var i = 0; i < header.Count; i++)
                {
                    if (header[i] == column)
                    {
                        index = i;
                        break;
                    }
                }
                return index >= 0 && index < fields.Count && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;
            }
        }
    }

    /// <summary>A small RFC 4180 reader: quoted fields may hold commas, quotes and line breaks; each row keeps the line it starts on.</summary>
    private static class Csv
    {
        public static List<(int Line, List<string> Fields)> ReadAll(TextReader reader)
        {
            var text = reader.ReadToEnd();
            var rows = new List<(int, List<string>)>();
            var fields = new List<string>();
            var field = new StringBuilder();
            var (line, rowLine, quoted, any) = (1, 1, false, false);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (c == '"') { quoted = false; }
                    else { if (c == '\n') { line++; } field.Append(c); }
                    continue;
                }
                switch (c)
                {
                    case '"': quoted = true; any = true; break;
                    case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                    case '\r': break;
                    case '\n':
                        fields.Add(field.ToString());
                        field.Clear();
                        if (any || fields.Count > 1 || fields[0].Length > 0) { rows.Add((rowLine, fields)); }
                        fields = [];
                        (any, line) = (false, line + 1);
                        rowLine = line;
                        break;
                    default: field.Append(c); any = true; break;
                }
            }
            if (any || field.Length > 0)
            {
                fields.Add(field.ToString());
                rows.Add((rowLine, fields));
            }
            if (rows.Count > 0 && rows[0].Item2.Count > 0 && rows[0].Item2[0].StartsWith('\uFEFF'))
            {
                rows[0].Item2[0] = rows[0].Item2[0][1..];
            }
            return rows;
        }
    }
}
