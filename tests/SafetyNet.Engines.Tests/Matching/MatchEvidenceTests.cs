using SafetyNet.Matching;

namespace SafetyNet.Engines.Tests.Matching;

public class MatchEvidenceTests
{
    private static FieldVerdict VerdictOf(MatchEvidence evidence, MatchField field) => evidence.Fields.Single(f => f.Field == field).Verdict;

    [Fact]
    public void A_pair_agreeing_on_name_and_sex_alone_is_too_little_evidence_to_judge()
    {
        var evidence = MatchEvidence.Between(
            new PersonEntry("1", FirstName: "Ottoline", LastName: "Quarrendon", Sex: "female"),
            new PersonEntry("2", FirstName: "Ottoline", LastName: "Quarrendon", Sex: "female", Address: null));

        Assert.False(evidence.EnoughToJudge);
        Assert.Equal([MatchField.Forename, MatchField.Surname, MatchField.Sex], evidence.For.Select(f => f.Field));
        Assert.Empty(evidence.Against);
        Assert.Equal([MatchField.MiddleName, MatchField.DateOfBirth, MatchField.Postcode, MatchField.Address, MatchField.Phone, MatchField.Email],
            evidence.Missing.Select(f => f.Field));
        // A middle name agreeing as well is still only names.
        Assert.False(MatchEvidence.Between(new PersonEntry("1", "Ann", "Mary", "Ward", Sex: "female"), new PersonEntry("2", "Ann", "Mary", "Ward", Sex: "female")).EnoughToJudge);
    }

    [Fact]
    public void A_pair_with_a_date_of_birth_a_postcode_or_a_phone_on_both_sides_can_be_judged_for_or_against()
    {
        var strong = MatchEvidence.Between(
            new PersonEntry("1", FirstName: "Bryony", LastName: "Featherstone", DateOfBirth: "1975-02-20", Sex: "female", Postcode: "AL1 1BT", Phone: "01727 960123"),
            new PersonEntry("2", FirstName: "Bryony", LastName: "Featherstone", DateOfBirth: "1975-02-20", Sex: "female", Postcode: "AL1 1BT", Email: "bryony@example.org"));
        Assert.True(strong.EnoughToJudge);
        Assert.Equal(FieldVerdict.Agrees, VerdictOf(strong, MatchField.DateOfBirth));
        Assert.Equal(FieldVerdict.Agrees, VerdictOf(strong, MatchField.Postcode));
        Assert.Equal(FieldVerdict.Missing, VerdictOf(strong, MatchField.Phone));
        Assert.Equal(FieldVerdict.Missing, VerdictOf(strong, MatchField.Email));

        // Evidence against is evidence too: a date of birth that differs lets the pair be judged, and it is listed against.
        var against = MatchEvidence.Between(
            new PersonEntry("1", FirstName: "Bryony", LastName: "Featherstone", DateOfBirth: "1975-02-20"),
            new PersonEntry("2", FirstName: "Bryany", LastName: "Featherstone", DateOfBirth: "1999-11-03"));
        Assert.True(against.EnoughToJudge);
        Assert.Equal([MatchField.DateOfBirth], against.Against.Select(f => f.Field));
        Assert.Equal(FieldVerdict.PartlyAgrees, VerdictOf(against, MatchField.Forename));
    }
}
