using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight;
using SafetyNet.Insight.PoliceUk;
using SafetyNet.Locations;
using SafetyNet.Platform;

namespace SafetyNet.Investigations;

/// <summary>
/// The force's own finalised outcomes in police.uk's outcomes file layout (the layout <see cref="PoliceUkArchive"/>
/// reads): one row per crime finalised in the month, with its police.uk outcome category, a Crime ID that stays the
/// same for the same crime, and the crime's place moved to police.uk's anonymised map point ("On or near …") with its
/// LSOA, never the address. Reading it is audited as an export (decision 0113).
/// </summary>
public sealed class PoliceUkOutcomes(AppDb db, InvestigationAccess access, AuditTrail audit, CurrentUser user)
{
    public const string Header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type";

    public bool CanUse => access.CanCount;

    /// <summary>
    /// The crime's police.uk Crime ID: SHA-256 of the UTF-8 text "force agency code|crime reference" (for example
    /// "HERTS-POLICE|41/12345/26"), as 64 lowercase hexadecimal characters.
    /// </summary>
    public static string CrimeId(string forceCode, string crimeReference) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{forceCode}|{crimeReference}")));

    public async Task<byte[]> CsvAsync(CalendarMonth month, string? purpose, CancellationToken ct)
    {
        var query = new OutcomeRateQuery(month, month, "none", "month");
        var (start, end) = query.Instants();
        var rows = await (from i in access.Counted.AsNoTracking()
                          join c in db.CrimeRecords.AsNoTracking() on i.CrimeRecordId equals c.Id
                          join n in db.Incidents.AsNoTracking() on i.IncidentId equals n.Id
                          where i.Status == InvestigationStatus.Finalised && i.OutcomeCode != null && i.FinalisedAt >= start && i.FinalisedAt < end
                              && c.CrimeReference != null
                          orderby i.FinalisedAt, i.Id
                          select new { i.OutcomeCode, c.CrimeReference, n.Latitude, n.Longitude }).ToListAsync(ct);
        var force = await db.Agencies.AsNoTracking().Where(a => a.Code == AccountSeeder.ForceCode).Select(a => a.Name).FirstAsync(ct);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var row in rows)
        {
            var place = row.Latitude is { } lat && row.Longitude is { } lon ? Gazetteer.Shared.Nearest(lat, lon) : null;
            csv.Append(CrimeId(AccountSeeder.ForceCode, row.CrimeReference!)).Append(',').Append(month.ToString()).Append(',')
                .Append(PackExport.Field(force)).Append(',').Append(PackExport.Field(force)).Append(',')
                .Append(place is null ? "" : place.Longitude.ToString("0.000000", CultureInfo.InvariantCulture)).Append(',')
                .Append(place is null ? "" : place.Latitude.ToString("0.000000", CultureInfo.InvariantCulture)).Append(',')
                .Append(PackExport.Field(place is null ? "No location" : $"On or near {place.Street}")).Append(',')
                .Append(PackExport.Field(place?.LsoaCode ?? "")).Append(',').Append(PackExport.Field(place?.LsoaName ?? "")).Append(',')
                .Append(PackExport.Field(HomeOfficeOutcomes.Find(row.OutcomeCode)?.PoliceUkCategory ?? row.OutcomeCode!)).Append('\n');
        }
        await audit.WriteAsync("investigation.outcomes.export", "police-uk-outcomes", month.ToString(), purpose,
            $"format=csv rows={rows.Count} recipient={user.Name}", cancellationToken: ct);
        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
