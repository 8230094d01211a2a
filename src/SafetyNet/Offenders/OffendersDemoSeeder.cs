using Microsoft.EntityFrameworkCore;
using SafetyNet.Data;
using SafetyNet.People;
using SafetyNet.Platform;

namespace SafetyNet.Offenders;

/// <summary>
/// Demo mode: a dozen suspects of the demo incidents, across the districts, in the offender register — living where
/// their incident was, with an arrest there, earlier convictions, markers and graded intelligence; four released this
/// week (one on a licence expiring in four days, so its reminder is due).
/// </summary>
internal sealed class OffendersDemoSeeder(AppDb db, IConfiguration settings, TimeProvider time, ForceConfiguration configuration) : IStartupSeeder
{
    public const int Offenders = 12;

    private static readonly (string Code, string Disposal)[] Offences =
    [
        ("02800", "Immediate custody, 18 months"), ("03401", "Immediate custody, 3 years"), ("04500", "Community order, 12 months"),
        ("10500", "Suspended sentence, 6 months"), ("09200", "Fine"), ("05800", "Conditional discharge"),
    ];

    private static readonly string[] Markers = ["WEAPONS", "VIOLENCE", "DRUGS", "MENTAL_HEALTH"];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!settings.GetValue("Demo:Enabled", false) || await db.Set<OffenderRecord>().AnyAsync(cancellationToken))
        {
            return;
        }
        var suspects = await (from p in db.IncidentPeople.AsNoTracking()
                              join i in db.Incidents.AsNoTracking() on p.IncidentId equals i.Id
                              where p.Role == PersonRole.Suspect && p.IdentityId != null && i.District != null && i.Latitude != null && i.Longitude != null
                              orderby i.Id, p.Id
                              select new { IdentityId = p.IdentityId!.Value, District = i.District!, Latitude = i.Latitude!.Value, Longitude = i.Longitude!.Value, i.LocationText, i.ReportedAt })
            .Take(2000).ToListAsync(cancellationToken);
        // One suspect per identity, taken in turn from each district, so the register spreads over the county.
        var chosen = suspects.DistinctBy(s => s.IdentityId).GroupBy(s => s.District).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Select((s, n) => (s, n))).OrderBy(x => x.n).ThenBy(x => x.s.District, StringComparer.Ordinal).Select(x => x.s).Take(Offenders).ToList();
        var rules = (await configuration.CurrentAsync<OffenderRules>(OffenderRules.Key, cancellationToken)).Value;
        var now = time.GetUtcNow();
        var today = ForceClock.DayOf(now);
        const string by = "demo";
        for (var k = 0; k < chosen.Count; k++)
        {
            var s = chosen[k];
            var offender = new OffenderRecord
            {
                IdentityId = s.IdentityId, HomeAddress = s.LocationText.Length <= 300 ? s.LocationText : null, HomeDistrict = s.District,
                HomeLatitude = s.Latitude, HomeLongitude = s.Longitude, PncId = $"{2010 + k}/00{4100 + k * 37}{(char)('A' + k)}", CreatedAt = now, CreatedBy = by, UpdatedAt = now,
            };
            db.Add(offender);
            await db.SaveChangesAsync(cancellationToken);
            var (code, disposal) = Offences[k % Offences.Length];
            var arrested = s.ReportedAt < now ? s.ReportedAt.AddHours(6) : now.AddDays(-3);
            db.Add(new OffenderArrest
            {
                OffenderId = offender.Id, ArrestedAt = arrested < now ? arrested : now.AddHours(-1), OffenceCode = code, Outcome = ArrestOutcome.ReleasedUnderInvestigation,
                Place = offender.HomeAddress, District = s.District, Latitude = s.Latitude, Longitude = s.Longitude, RecordedAt = now, RecordedBy = by,
            });
            for (var c = 0; c <= k % 3; c++)
            {
                db.Add(new OffenderSanction
                {
                    OffenderId = offender.Id, Kind = c == 0 && k % 2 == 1 ? SanctionKind.Caution : SanctionKind.Conviction, SanctionedOn = today.AddDays(-400 - 300 * c - 11 * k),
                    OffenceCode = Offences[(k + c) % Offences.Length].Code, Disposal = c == 0 && k % 2 == 1 ? "Simple caution" : Offences[(k + c) % Offences.Length].Disposal,
                    RecordedAt = now, RecordedBy = by,
                });
            }
            if (k % 3 == 0)
            {
                // Released this week (0 to 3 days ago), after time inside.
                var released = today.AddDays(-(k % 4));
                db.Add(new CustodySpell { OffenderId = offender.Id, StartedOn = released.AddDays(-240), ReleasedOn = released, Establishment = "HMP The Mount", RecordedAt = now, RecordedBy = by });
                var expires = k == 0 ? today.AddDays(4) : released.AddDays(180);
                db.Add(new OffenderCondition
                {
                    OffenderId = offender.Id, Kind = ConditionKind.Licence, Conditions = "Reside at the approved address; curfew 19:00 to 07:00; no contact with the victim",
                    StartsOn = released, ExpiresOn = expires, ReminderDueAt = ForceClock.StartOf(expires.AddDays(-rules.ReminderDays)), RecordedAt = now, RecordedBy = by,
                });
            }
            db.Add(new WarningMarker { OffenderId = offender.Id, Kind = Markers[k % Markers.Length], RecordedAt = now, RecordedBy = by });
            if (k % 2 == 0)
            {
                db.Add(new IntelligenceEntry
                {
                    OffenderId = offender.Id, Text = k % 4 == 0 ? "Seen selling jewellery at a car boot sale the weekend after a run of burglaries nearby" : "Associating with known shoplifters in the town centre",
                    SourceEvaluation = 1 + k % 3, Assessment = k % 4 == 0 ? "B" : "C", HandlingCode = k % 4 == 0 ? "C" : "P",
                    HandlingConditions = k % 4 == 0 ? "Not to be shared outside the force without the intelligence unit's agreement" : null, RecordedAt = now, RecordedBy = by,
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
