using SafetyNet.Matching;
using Xunit.Abstractions;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>
/// The engine's probability measured against labelled pairs: among the links it makes, how many it expects to be
/// right (the sum of their probabilities) against how many are.
/// </summary>
public class PosteriorCalibrationTests(ITestOutputHelper output)
{
    private (double Expected, int Right, int Links, int Judgeable) Measure(LabelledPeople data, PersonTable table, Resolution resolution, double from, double to)
    {
        Span<byte> levels = stackalloc byte[Comparison.FieldCount];
        double expected = 0;
        int right = 0, links = 0, judgeable = 0;
        foreach (var link in resolution.Links)
        {
            if (link.Probability < from || link.Probability >= to)
            {
                continue;
            }
            links++;
            expected += link.Probability;
            right += data.Truth[link.A] == data.Truth[link.B] ? 1 : 0;
            Comparison.Compare(table, link.A, link.B, levels);
            judgeable += MatchEvidence.Of(levels).EnoughToJudge ? 1 : 0;
        }
        output.WriteLine($"{data.Name} [{from}, {to}): {links} links, {judgeable} judgeable, expected right {expected:0.0}, right {right}");
        return (expected, right, links, judgeable);
    }

    [Fact]
    public void On_splink_fake_1000_the_probability_never_overstates_how_many_links_are_right()
    {
        // Measured (decision 104): 0.5–0.9 expects 87.8 right of 117 and 115 are; 0.9–0.99 expects 225.0 of 234, all are;
        // 0.99 and over expects 1,044.1 of 1,045, all are. The posterior is cautious, never bold.
        var data = LinkageData.SplinkFake1000();
        var table = PersonTable.From(data.Entries);
        var resolution = PersonResolver.Dedupe(table);
        foreach (var (from, to) in new[] { (0.5, 0.9), (0.9, 0.99), (0.99, 1.01) })
        {
            var (expected, right, links, judgeable) = Measure(data, table, resolution, from, to);
            Assert.True(links > 100, $"a band of {links} links says little");
            Assert.True(right >= expected, $"[{from}, {to}): {right} right where the probabilities promise {expected:0.0}");
            Assert.Equal(links, judgeable);
        }
    }
}
