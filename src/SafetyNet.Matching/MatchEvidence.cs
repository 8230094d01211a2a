namespace SafetyNet.Matching;

/// <summary>What one field says about two entries being one person.</summary>
public enum FieldVerdict
{
    Agrees,
    PartlyAgrees,
    Disagrees,
    /// <summary>Missing on one entry or both: no evidence either way.</summary>
    Missing,
}

/// <summary>One field of a pair: its verdict and the comparison level in words ("one keystroke apart").</summary>
public readonly record struct FieldEvidence(MatchField Field, FieldVerdict Verdict, string Outcome);

/// <summary>
/// The evidence for and against two entries being one person, field by field, and whether there is enough of it to
/// judge. Names and sex are shared by many people: a pair compared on nothing else has too little evidence, however
/// rare the name makes its match weight look (a probability from names alone rests wholly on how common the name is
/// in the file, and the weights assume the fields are independent). At least one field that places or reaches the
/// person — date of birth, postcode, address, phone or e-mail — must be present on both entries.
/// </summary>
public sealed record MatchEvidence(IReadOnlyList<FieldEvidence> Fields, bool EnoughToJudge)
{
    /// <summary>The fields of which at least one must be compared before a pair can be judged.</summary>
    public static readonly IReadOnlyList<MatchField> Corroborating =
        [MatchField.DateOfBirth, MatchField.Postcode, MatchField.Address, MatchField.Phone, MatchField.Email];

    public IEnumerable<FieldEvidence> For => Fields.Where(f => f.Verdict is FieldVerdict.Agrees or FieldVerdict.PartlyAgrees);

    public IEnumerable<FieldEvidence> Against => Fields.Where(f => f.Verdict == FieldVerdict.Disagrees);

    public IEnumerable<FieldEvidence> Missing => Fields.Where(f => f.Verdict == FieldVerdict.Missing);

    /// <summary>The evidence in a pair's comparison levels (<see cref="Comparison.Compare"/>).</summary>
    public static MatchEvidence Of(ReadOnlySpan<byte> levels)
    {
        var fields = new FieldEvidence[Comparison.FieldCount];
        var enough = false;
        for (var f = 0; f < Comparison.FieldCount; f++)
        {
            var names = Comparison.LevelNames[f];
            var level = levels[f];
            var verdict = level == 0 ? FieldVerdict.Missing : level == 1 ? FieldVerdict.Agrees : level == names.Length - 1 ? FieldVerdict.Disagrees : FieldVerdict.PartlyAgrees;
            fields[f] = new FieldEvidence((MatchField)f, verdict, names[level]);
            enough |= level != 0 && Corroborating.Contains((MatchField)f);
        }
        return new MatchEvidence(fields, enough);
    }

    /// <summary>The evidence between two entries as keyed in, compared on their own.</summary>
    public static MatchEvidence Between(PersonEntry a, PersonEntry b)
    {
        var table = new PersonTable();
        var x = table.Add(a);
        var y = table.Add(b);
        Span<byte> levels = stackalloc byte[Comparison.FieldCount];
        Comparison.Compare(table, x, y, levels);
        return Of(levels);
    }
}
