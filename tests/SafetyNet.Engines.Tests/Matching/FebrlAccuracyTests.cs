using SafetyNet.Matching;
using Xunit.Abstractions;

namespace SafetyNet.Engines.Tests.Matching;

/// <summary>Accuracy on the shared FEBRL and splink files, without the national identifier, against fixed floors.</summary>
public class FebrlAccuracyTests(ITestOutputHelper output)
{
    private PairScore Dedupe(LabelledPeople data)
    {
        var table = PersonTable.From(data.Entries);
        var resolution = PersonResolver.Dedupe(table);
        var score = PairScore.OfClusters(resolution.Identity, data.Truth);
        output.WriteLine($"{data.Name}: {score}");
        return score;
    }

    [Fact]
    public void Febrl3_without_the_national_identifier_reaches_F1_of_at_least_0_99()
    {
        Assert.True(Dedupe(LinkageData.Febrl("febrl_dataset3.csv")).F1 >= 0.99);
    }

    [Fact]
    public void Febrl3_with_only_names_and_dates_of_birth_still_resolves_with_F1_of_at_least_0_88()
    {
        var full = LinkageData.Febrl("febrl_dataset3.csv");
        var bare = full with { Name = "febrl_dataset3.csv, names and dates only", Entries = full.Entries.Select(e => e with { Address = null, Postcode = null }).ToList() };
        Assert.True(Dedupe(bare).F1 >= 0.88);
    }

    [Fact]
    public void Febrl1_is_resolved_with_F1_of_at_least_0_98()
    {
        Assert.True(Dedupe(LinkageData.Febrl("febrl_dataset1.csv")).F1 >= 0.98);
    }

    [Fact]
    public void Febrl2_is_resolved_with_F1_of_at_least_0_99()
    {
        Assert.True(Dedupe(LinkageData.Febrl("febrl_dataset2.csv")).F1 >= 0.99);
    }

    [Fact]
    public void Splink_fake_1000_is_resolved_with_F1_of_at_least_0_87()
    {
        Assert.True(Dedupe(LinkageData.SplinkFake1000()).F1 >= 0.87);
    }

    [Fact]
    public void Febrl4_links_across_the_two_files_with_F1_of_at_least_0_99()
    {
        var left = LinkageData.Febrl("febrl_dataset4a.csv");
        var right = LinkageData.Febrl("febrl_dataset4b.csv");
        var table = new PersonTable();
        foreach (var entry in left.Entries)
        {
            table.Add(entry, 0);
        }
        foreach (var entry in right.Entries)
        {
            table.Add(entry, 1);
        }
        var truth = left.Truth.Concat(right.Truth).ToArray();
        var resolution = PersonResolver.Link(table);
        var correct = resolution.Links.Count(l => truth[l.A] == truth[l.B]);
        var score = new PairScore(correct, resolution.Links.Count, 5000);
        output.WriteLine($"febrl4 link: {score}");
        Assert.True(score.F1 >= 0.99);
    }
}
