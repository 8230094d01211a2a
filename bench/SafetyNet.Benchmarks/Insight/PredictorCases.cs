using System.Globalization;
using System.Text;
using SafetyNet.Insight;
using SafetyNet.Insight.Offenders;

namespace SafetyNet.Benchmarks.Insight;

/// <summary>
/// SYNTHETIC case files for the static predictors: varied sexes, ages, careers, offences and dates from one seed, with
/// about one row in a hundred that the verb must refuse or report (no sanction, more violent sanctions than sanctions,
/// an unmapped or UNKNOWN offence code, an impossible date, a follow-up date missing or on the day of birth).
/// </summary>
public static class PredictorCases
{
    public const string Header = "id,sex,date_of_birth,assessment_date,conviction_date,follow_up_start,offence_code,total_sanctions,violent_sanctions,age_at_first_sanction";

    /// <summary><c>predictor-cases N FILE [SEED]</c>: writes N cases to FILE.</summary>
    public static int Run(string[] args)
    {
        if (args.Length < 3 || !int.TryParse(args[1], CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            Console.Error.WriteLine("usage: predictor-cases N FILE [SEED]");
            return 2;
        }
        var seed = args.Length > 3 ? ulong.Parse(args[3], CultureInfo.InvariantCulture) : 1UL;
        using var file = new StreamWriter(args[2], false, new UTF8Encoding(false), 1 << 16);
        Write(file, count, seed);
        return 0;
    }

    public static void Write(TextWriter writer, int count, ulong seed)
    {
        var codes = OffenceActuarialMap.Ministry.Rows.Select(r => r.Code).ToArray();
        var random = new SplitMix(seed);
        var assessedFrom = new DateOnly(2025, 1, 1);
        var line = new StringBuilder(128);
        writer.Write(Header);
        writer.Write('\n');
        for (var i = 0; i < count; i++)
        {
            var female = random.NextInt(100) < 18;
            var assessed = assessedFrom.AddDays(random.NextInt(365));
            var born = assessed.AddDays(-(int)(365.25 * (15 + random.NextInt(60))) - random.NextInt(365));
            var ageNow = StaticReoffendingPredictors.CompletedYears(born, assessed);
            var convictionAge = 12 + random.NextInt(Math.Max(1, ageNow - 12));
            var conviction = born.AddYears(convictionAge).AddDays(random.NextInt(360));
            if (conviction > assessed.AddMonths(2))
            {
                conviction = assessed.AddDays(-random.NextInt(60));
            }
            var firstAge = 10 + random.NextInt(Math.Max(1, StaticReoffendingPredictors.CompletedYears(born, conviction) - 9));
            // Careers are mostly short: half have 1–3 sanctions, a few have dozens.
            var sanctions = random.NextInt(2) == 0 ? 1 + random.NextInt(3) : 1 + (int)(random.NextDouble() * random.NextDouble() * 80);
            var violent = random.NextInt(3) == 0 ? 0 : random.NextInt(sanctions + 1);
            DateOnly? followUp = random.NextInt(10) < 3 ? null : conviction.AddMonths(random.NextInt(40));
            var code = codes[random.NextInt(codes.Length)];
            var dateOfBirth = Iso(born);
            switch (random.NextInt(100) == 0 ? random.NextInt(5) : -1)
            {
                case 0: sanctions = 0; break;
                case 1: violent = sanctions + 1; break;
                case 2: code = random.NextInt(2) == 0 ? "00000" : "12345"; break;
                case 3: dateOfBirth = $"{born.Year}-02-30"; break;
                case 4: followUp = born; break;
            }
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"case-{i + 1:D7},{(female ? 'F' : 'M')},{dateOfBirth},{Iso(assessed)},{Iso(conviction)},{(followUp is { } f ? Iso(f) : "")},{code},{sanctions},{violent},{firstAge}\n");
            writer.Write(line);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
