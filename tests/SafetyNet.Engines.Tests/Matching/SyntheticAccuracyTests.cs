using SafetyNet.Matching;
using Xunit.Abstractions;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>
/// Accuracy on SYNTHETIC files shaped like the ones the engine will meet (see <see cref="SyntheticPeople"/>): the
/// floors sit a little under what the engine reaches, so a change that loses accuracy fails here.
/// </summary>
public class SyntheticAccuracyTests(ITestOutputHelper output)
{
    private PairScore Dedupe(SyntheticPeople.Shape shape, int people, double corruption, int seed = 11)
    {
        var (entries, truth) = new SyntheticPeople(seed).Generate(shape, people, corruption);
        var resolution = PersonResolver.Dedupe(PersonTable.From(entries));
        var score = PairScore.OfClusters(resolution.Identity, truth);
        output.WriteLine($"synthetic {shape}, {entries.Count} entries, corruption {corruption}: {score}");
        return score;
    }

    [Fact]
    public void Voter_registers_with_a_fifth_of_entries_spoilt_and_no_date_of_birth_resolve_with_F1_of_at_least_0_965()
    {
        Assert.True(Dedupe(SyntheticPeople.Shape.VoterRegister, 10_000, 0.2).F1 >= 0.965);
    }

    [Fact]
    public void Voter_registers_with_two_fifths_of_entries_spoilt_resolve_with_F1_of_at_least_0_95()
    {
        Assert.True(Dedupe(SyntheticPeople.Shape.VoterRegister, 10_000, 0.4).F1 >= 0.95);
    }

    [Fact]
    public void Old_british_register_entries_with_dates_from_the_1600s_resolve_with_F1_of_at_least_0_97()
    {
        Assert.True(Dedupe(SyntheticPeople.Shape.BritishHistorical, 10_000, 0.5).F1 >= 0.97);
    }

    [Fact]
    public void A_20000_entry_febrl_style_file_resolves_with_F1_of_at_least_0_97()
    {
        Assert.True(Dedupe(SyntheticPeople.Shape.FebrlLike, 11_000, 0.5).F1 >= 0.97);
    }

    [Fact]
    public void British_nominal_records_with_every_field_resolve_with_F1_of_at_least_0_98()
    {
        Assert.True(Dedupe(SyntheticPeople.Shape.BritishNominal, 10_000, 0.5).F1 >= 0.98);
    }
}
