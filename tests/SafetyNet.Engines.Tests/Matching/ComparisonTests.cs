using SafetyNet.Matching;
using SafetyNet.Matching.Text;

namespace SafetyNet.Engines.Tests.Matching;

public class ComparisonTests
{
    private static byte[] Levels(PersonEntry a, PersonEntry b)
    {
        var table = PersonTable.From([a, b]);
        var levels = new byte[Comparison.FieldCount];
        Comparison.Compare(table, 0, 1, levels);
        return levels;
    }

    private static string Outcome(byte[] levels, MatchField field) => Comparison.LevelNames[(int)field][levels[(int)field]];

    [Theory]
    [InlineData("Bill", "William")]
    [InlineData("Peggy", "Margaret")]
    [InlineData("Jack", "John")]
    [InlineData("Harry", "Henry")]
    [InlineData("Sandy", "Alexander")]
    public void British_nicknames_are_aliases(string nickname, string formal)
    {
        var levels = Levels(new("1", FirstName: nickname, LastName: "Ward"), new("2", FirstName: formal, LastName: "Ward"));
        Assert.Equal("alias (nickname)", Outcome(levels, MatchField.Forename));
    }

    [Fact]
    public void Forename_and_surname_keyed_the_wrong_way_round_still_agree()
    {
        var levels = Levels(new("1", FirstName: "Okonkwo", LastName: "Chidi"), new("2", FirstName: "Chidi", LastName: "Okonkwo"));
        Assert.Equal("exact", Outcome(levels, MatchField.Forename));
        Assert.Equal("exact", Outcome(levels, MatchField.Surname));
    }

    [Theory]
    [InlineData("Portsmouth", "Pootsmruth")]
    [InlineData("Birmingham", "Birgmhniam")]
    [InlineData("Liverpool", "Lvpreool")]
    public void A_town_keyed_with_its_letters_scrambled_is_still_the_same_place(string town, string keyed)
    {
        var levels = Levels(new("1", FirstName: "Evie", LastName: "Dean", Address: town), new("2", FirstName: "Evie", LastName: "Dean", Address: keyed));
        Assert.Equal("mostly the same", Outcome(levels, MatchField.Address));
    }

    [Fact]
    public void Different_towns_sharing_some_letters_are_not_the_same_place()
    {
        var levels = Levels(new("1", FirstName: "Evie", LastName: "Dean", Address: "Stevenage"), new("2", FirstName: "Evie", LastName: "Dean", Address: "Stanmore"));
        Assert.Equal("different", Outcome(levels, MatchField.Address));
    }

    [Fact]
    public void An_email_address_two_keystrokes_apart_is_nearly_the_same()
    {
        var levels = Levels(new("1", LastName: "Dean", Email: "evied56@harris-bailey.net"), new("2", LastName: "Dean", Email: "evihd56@earris-bailey.net"));
        Assert.Equal("nearly the same", Outcome(levels, MatchField.Email));
        var strangers = Levels(new("1", LastName: "Dean", Email: "evied56@harris-bailey.net"), new("2", LastName: "Dean", Email: "tom.dean@example.org"));
        Assert.Equal("different", Outcome(strangers, MatchField.Email));
    }

    [Theory]
    [InlineData("Taylor", "Tylxr", "two keystrokes apart")]
    [InlineData("Walker", "Wlkem", "two keystrokes apart")]
    [InlineData("Ward", "Combegarbury", "different")]
    [InlineData("Lee", "Lxy", "different")]
    public void A_surname_two_slips_away_is_nearer_than_a_different_one(string surname, string keyed, string expected)
    {
        var levels = Levels(new("1", FirstName: "Gareth", LastName: surname), new("2", FirstName: "Gareth", LastName: keyed));
        Assert.Equal(expected, Outcome(levels, MatchField.Surname));
    }

    [Theory]
    [InlineData("Thomas", "Thxomaz", "two keystrokes apart")]
    [InlineData("Iain", "Iauxn", "two keystrokes apart")]
    [InlineData("Stephen", "Gareth", "different")]
    public void A_forename_two_slips_away_is_nearer_than_a_different_one(string forename, string keyed, string expected)
    {
        var levels = Levels(new("1", FirstName: forename, LastName: "Jones"), new("2", FirstName: keyed, LastName: "Jones"));
        Assert.Equal(expected, Outcome(levels, MatchField.Forename));
    }

    [Fact]
    public void One_half_of_a_double_barrelled_surname_is_a_partial_agreement()
    {
        var levels = Levels(new("1", FirstName: "Anna", LastName: "Smith-Jones"), new("2", FirstName: "Anna", LastName: "Jones"));
        Assert.Equal("part of a double-barrelled name", Outcome(levels, MatchField.Surname));
    }

    [Theory]
    [InlineData("1961-04-03", "03/04/1961", "exact")]
    [InlineData("1961-04-03", "1961-03-04", "day and month swapped")]
    [InlineData("1961-04-03", "1961-04-08", "one digit apart")]
    [InlineData("1961-04-03", "1961", "same year")]
    [InlineData("1661-04-03", "16610403", "exact")]
    public void Dates_of_birth_are_compared_for_the_usual_slips(string a, string b, string expected)
    {
        var levels = Levels(new("1", FirstName: "Ann", DateOfBirth: a), new("2", FirstName: "Ann", DateOfBirth: b));
        Assert.Equal(expected, Outcome(levels, MatchField.DateOfBirth));
    }

    [Theory]
    [InlineData("SG1 1AA", "sg11aa", "same unit")]
    [InlineData("SG1 1AA", "SG1 1AB", "one character apart")]
    [InlineData("SG1 1AA", "SG1 1XY", "same sector")]
    [InlineData("SG1 1AA", "SG1 4XY", "same district")]
    [InlineData("SG1 1AA", "AL5 2QQ", "different")]
    public void Uk_postcodes_agree_by_unit_sector_and_district(string a, string b, string expected)
    {
        var levels = Levels(new("1", FirstName: "Ann", Postcode: a), new("2", FirstName: "Ann", Postcode: b));
        Assert.Equal(expected, Outcome(levels, MatchField.Postcode));
    }

    [Fact]
    public void Telephone_numbers_agree_with_or_without_the_country_code()
    {
        Assert.Equal(Normalise.Phone("+44 (0)7700 900123"), Normalise.Phone("07700900123"));
        Assert.Equal(Normalise.Phone("0044 7700 900123"), Normalise.Phone("07700 900 123"));
    }

    [Fact]
    public void Nysiis_codes_british_spellings_alike()
    {
        Assert.Equal(Nysiis.Encode("MacDonald"), Nysiis.Encode("McDonald"));
        Assert.Equal(Nysiis.Encode("Knight"), Nysiis.Encode("Night"));
        Assert.Equal(Nysiis.Encode("Philips"), Nysiis.Encode("Phillips"));
    }

    [Theory]
    [InlineData("martha", "marhta", 1)]
    [InlineData("dixon", "dicksonx", 3)]
    [InlineData("smith", "smyth", 1)]
    public void Damerau_Levenshtein_counts_a_swap_as_one_edit(string a, string b, int expected)
    {
        Assert.Equal(expected, StringDistance.DamerauLevenshtein(a, b, 2));
        Assert.Equal(expected <= 1, StringDistance.WithinOneEdit(a, b));
    }

    [Fact]
    public void Jaro_Winkler_matches_the_published_example()
    {
        Assert.Equal(0.961, StringDistance.JaroWinkler("martha", "marhta"), 3);
    }

    [Fact]
    public void Every_link_comes_with_its_reasons()
    {
        var (entries, _) = new SyntheticPeople(5).Generate(SyntheticPeople.Shape.BritishNominal, 2000, 0.3);
        entries.Add(new PersonEntry("a", "Margaret", null, "Smith-Jones", "1961-04-03", "F", "12 High Street, Hitchin", "SG5 1AA"));
        entries.Add(new PersonEntry("b", "Peggy", null, "Smith Jones", "03/04/1961", "female", "12 High St Hitchin", "SG5 1AA"));
        var resolution = PersonResolver.Dedupe(PersonTable.From(entries));
        var table = resolution.Table;
        int a = entries.Count - 2, b = entries.Count - 1;
        Assert.Equal(resolution.Identity[a], resolution.Identity[b]);
        var reasons = resolution.Model.Explain(table, a, b);
        Assert.Contains(reasons, r => r.Field == MatchField.Forename && r.Outcome == "alias (nickname)" && r.Weight > 0);
        Assert.Contains(reasons, r => r.Field == MatchField.DateOfBirth && r.Outcome == "exact" && r.Weight > 0);
    }

    [Fact]
    public void The_identity_index_finds_a_new_entry_for_a_person_already_known()
    {
        var (entries, _) = new SyntheticPeople(9).Generate(SyntheticPeople.Shape.BritishNominal, 5000, 0.3);
        entries.Add(new PersonEntry("known", "William", "James", "Featherstone", "1975-11-02", "M", "4 Mill Lane, Royston", "SG8 7AB", "07700 900456"));
        var index = IdentityIndex.Build(entries);

        var found = index.Find(new PersonEntry("new", "Bill", null, "Featherstone", "1975-02-11", "male", "4 Mill Ln Royston", "SG8 7AB", "+44 7700 900456"));

        Assert.Equal("known", found[0].Id);
        Assert.True(found[0].Probability > 0.99);
        var added = index.Add(new PersonEntry("newer", "W", null, "Featherstone", "1975-11-02", null, null, "SG8 7AB"));
        Assert.Contains(index.Find(new PersonEntry("probe", "William", null, "Featherstone", "1975-11-02", null, null, "SG8 7AB")), m => m.Row == added);
    }
    [Fact]
    public void A_woman_who_changed_her_surname_on_marriage_is_found_by_everything_else()
    {
        var (entries, _) = new SyntheticPeople(12).Generate(SyntheticPeople.Shape.BritishNominal, 5000, 0.3);
        entries.Add(new PersonEntry("known", "Claire", "Louise", "Barnwell", "1984-09-17", "F", "7 Orchard Close, Tring", "HP23 5QT", "07700 900812"));
        var index = IdentityIndex.Build(entries);
        var married = new PersonEntry("new", "Claire", null, "Okonkwo", "17/09/1984", "female", "7 Orchard Cl, Tring", "HP23 5QT", "+44 7700 900812");

        var found = index.Find(married);

        Assert.Equal("known", found[0].Id);
        Assert.True(found[0].Probability > 0.98, $"{found[0].Probability}");
        // The reviewer sees that the surname disagrees and what outweighs it.
        var reasons = index.Explain(married, found[0].Row);
        Assert.Contains(reasons, r => r.Field == MatchField.Surname && r.Weight < 0);
        Assert.Contains(reasons, r => r.Field == MatchField.DateOfBirth && r.Weight > 0);
    }

    [Fact]
    public void A_tiny_index_still_weighs_agreement_as_evidence()
    {
        var (reference, _) = new SyntheticPeople(4).Generate(SyntheticPeople.Shape.BritishNominal, 3000, 0.3);
        // A new force's first entries: two reports by one person, indexed with weights learned from a reference population.
        var first = new PersonEntry("1", "Margaret", null, "Thistlewoodqx", "1958-06-14", "female", "22 Windmill Avenue, Watford", "WD24 4AA");
        var index = IdentityIndex.Build([first, first with { Id = "2" }], reference);

        var found = index.Find(first with { Id = "3", FirstName = "Peggy" });

        Assert.Equal(["1", "2"], found.Select(m => m.Id).Order());
        Assert.All(found, m => Assert.True(m.Probability > 0.99, $"{m.Id}: {m.Probability} {string.Join("; ", index.Explain(first with { Id = "3", FirstName = "Peggy" }, m.Row))}"));
    }
}
