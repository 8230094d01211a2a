namespace SafetyNet.Feedback.Pages;

/// <summary>The posted answers: one field per question in order (at most six), so binding never meets a dictionary.</summary>
public sealed class SurveyForm
{
    public string? Answer1 { get; set; }
    public string? Answer2 { get; set; }
    public string? Answer3 { get; set; }
    public string? Answer4 { get; set; }
    public string? Answer5 { get; set; }
    public string? Answer6 { get; set; }
    public string? Comment { get; set; }

    public IReadOnlyList<string?> Values => [Answer1, Answer2, Answer3, Answer4, Answer5, Answer6];

    public SurveyAnswers ToAnswers(IReadOnlyList<SurveyQuestion> questions) => new(
        questions.Select((q, i) => (q.Id, Score: int.TryParse(Values[i], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : (int?)null))
            .ToDictionary(x => x.Id, x => x.Score),
        Comment);
}
