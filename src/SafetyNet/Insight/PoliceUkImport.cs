using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.Insight.PoliceUk;

namespace SafetyNet.Insight;

public sealed record ImportReport(
    int StreetRowsRead, int OutcomeRowsRead, int CrimesImported, int OutcomesImported, int AlreadyPresent,
    IReadOnlyDictionary<string, int> Rejected, int OutcomesJoined, int WithoutCoordinates)
{
    public int RejectedTotal => Rejected.Values.Sum();
}

/// <summary>
/// Imports police.uk archives into the open-data tables: every row is either imported, found already present
/// (a second import of the same files changes nothing), or rejected with its reason — none dropped silently.
/// </summary>
public sealed class PoliceUkImport(AppDb db)
{
    public async Task<ImportReport> ImportAsync(PoliceUkData data, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var rejected = new Dictionary<string, int>(StringComparer.Ordinal);
        void Reject(string reason) => rejected[reason] = rejected.GetValueOrDefault(reason) + 1;

        var existingCrimes = (await db.Set<OpenDataCrime>().Select(c => c.RowKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var existingOutcomes = (await db.Set<OpenDataOutcome>().Select(o => o.RowKey).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var nextCrime = (await db.Set<OpenDataCrime>().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0) + 1;
        var nextOutcome = (await db.Set<OpenDataOutcome>().MaxAsync(o => (long?)o.Id, cancellationToken) ?? 0) + 1;

        var crimes = new List<OpenDataCrime>();
        var present = 0;
        var withoutCoordinates = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in data.Street)
        {
            if (string.IsNullOrWhiteSpace(row.CrimeType))
            {
                Reject("street row without a crime type");
                continue;
            }
            if (row.CrimeId is null && !row.IsAntiSocialBehaviour)
            {
                Reject("crime row without a Crime ID");
                continue;
            }
            string key;
            if (row.CrimeId is { } id)
            {
                key = $"C:{id}";
                if (!seen.Add(key))
                {
                    Reject("Crime ID repeated in the files");
                    continue;
                }
            }
            else
            {
                // ASB rows have no identity of their own: identical rows in a month are told apart by their order.
                var content = RowHash(row);
                var ordinal = ordinals[content] = ordinals.GetValueOrDefault(content) + 1;
                key = $"A:{content}:{ordinal}";
            }
            if (existingCrimes.Contains(key))
            {
                present++;
                continue;
            }
            if (!row.HasLocation)
            {
                withoutCoordinates++;
            }
            crimes.Add(new OpenDataCrime
            {
                Id = nextCrime++, RowKey = key, CrimeId = row.CrimeId, Month = new DateOnly(row.Month.Year, row.Month.Month, 1),
                ReportedBy = row.ReportedBy, FallsWithin = row.FallsWithin,
                Longitude = row.HasLocation ? row.Longitude : null, Latitude = row.HasLocation ? row.Latitude : null,
                Location = row.Location, LsoaCode = row.LsoaCode, LsoaName = row.LsoaName, District = Hertfordshire.DistrictOf(row.LsoaName),
                CrimeType = row.CrimeType, LastOutcome = row.LastOutcome, Context = string.IsNullOrEmpty(row.Context) ? null : row.Context,
            });
        }

        var knownCrimeIds = seen.Select(k => k[2..]).ToHashSet(StringComparer.Ordinal);
        var outcomes = new List<OpenDataOutcome>();
        var outcomeOrdinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var joined = 0;
        foreach (var row in data.Outcomes)
        {
            if (string.IsNullOrWhiteSpace(row.CrimeId))
            {
                Reject("outcome row without a Crime ID");
                continue;
            }
            var content = $"O:{row.CrimeId}:{row.Month.Year:D4}-{row.Month.Month:D2}:{row.OutcomeType}";
            var key = $"{content}:{outcomeOrdinals[content] = outcomeOrdinals.GetValueOrDefault(content) + 1}";
            if (knownCrimeIds.Contains(row.CrimeId))
            {
                joined++;
            }
            if (existingOutcomes.Contains(key))
            {
                present++;
                continue;
            }
            outcomes.Add(new OpenDataOutcome
            {
                Id = nextOutcome++, RowKey = key, CrimeId = row.CrimeId, Month = new DateOnly(row.Month.Year, row.Month.Month, 1),
                OutcomeType = row.OutcomeType, LsoaCode = string.IsNullOrEmpty(row.LsoaCode) ? null : row.LsoaCode,
            });
        }

        progress?.Report($"writing {crimes.Count:N0} crimes and {outcomes.Count:N0} outcomes");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BulkWriter.WriteAsync(db, crimes, cancellationToken);
        await BulkWriter.WriteAsync(db, outcomes, cancellationToken);
        await BulkWriter.ResetSequencesAsync(db, [typeof(OpenDataCrime), typeof(OpenDataOutcome)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport(data.Street.Length, data.Outcomes.Length, crimes.Count, outcomes.Count, present, rejected, joined, withoutCoordinates);
    }

    private static string RowHash(StreetCrime row)
    {
        var text = string.Join('\u001f', row.Month.Year.ToString(CultureInfo.InvariantCulture), row.Month.Month.ToString(CultureInfo.InvariantCulture),
            row.FallsWithin, row.Longitude.ToString("R", CultureInfo.InvariantCulture), row.Latitude.ToString("R", CultureInfo.InvariantCulture),
            row.Location, row.LsoaCode, row.CrimeType, row.Context);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}
