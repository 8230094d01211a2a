using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>The four intake steps, driven as a call handler would: labels, radios and buttons.</summary>
public sealed class IntakePages(IPage page)
{
    public async Task StartAsync() => await page.GotoAsync("/incidents/new");

    public async Task WhatHappenedAsync(string channel, string type, string narrative, string location, string district)
    {
        await page.GetByLabel(channel, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Type of incident").SelectOptionAsync(new SelectOptionValue { Label = type });
        await page.GetByLabel("What was reported", new() { Exact = true }).FillAsync(narrative);
        await page.GetByLabel("Where did it happen?").FillAsync(location);
        await page.GetByLabel("District").SelectOptionAsync(new SelectOptionValue { Label = district });
    }

    public async Task PersonAsync(int index, string role, string first, string last, string? dob = null)
    {
        await page.Locator($"input[name='Form.People[{index}].Role'][value='{role}']").CheckAsync();
        await page.Locator($"#people-{index}-firstName").FillAsync(first);
        await page.Locator($"#people-{index}-lastName").FillAsync(last);
        if (dob is not null)
        {
            var parts = dob.Split('-');
            await page.Locator($"#people-{index}-dobDay").FillAsync(parts[2]);
            await page.Locator($"#people-{index}-dobMonth").FillAsync(parts[1]);
            await page.Locator($"#people-{index}-dobYear").FillAsync(parts[0]);
        }
    }

    public async Task ThriveAsync()
    {
        await page.GetByLabel("Threat", new() { Exact = true }).FillAsync("Suspect has left; may return tonight");
        await page.GetByLabel("Harm", new() { Exact = true }).FillAsync("Bruising to the arm");
        await page.GetByLabel("Risk", new() { Exact = true }).FillAsync("Escalating pattern");
        await page.GetByLabel("Investigation", new() { Exact = true }).FillAsync("Body-worn video, neighbour witness");
        await page.GetByLabel("Vulnerability", new() { Exact = true }).FillAsync("Victim isolated from family");
        await page.GetByLabel("Engagement", new() { Exact = true }).FillAsync("Victim willing to support action");
    }

    public async Task AnswerAsync(string key, string answer) =>
        await page.Locator($"input[name='Form.Answers[{key}]'][value='{answer}']").CheckAsync();

    public async Task FillTextAnswerAsync(string key, string text) =>
        await page.Locator($"textarea[name='Form.Answers[{key}]']").FillAsync(text);

    /// <summary>Dispatches an emergency now, leaving THRIVE and the risk assessment to the attending officer.</summary>
    public async Task DispatchFirstAsync() => await page.Locator("#dispatchFirst").CheckAsync();

    public async Task VulnerabilityAsync(int person, string factor, string answer) =>
        await page.Locator($"input[name='Form.People[{person}].Vulnerability[{factor}]'][value='{answer}']").CheckAsync();

    public async Task GradeAsync(string grade) => await page.Locator($"input[name='Form.Grade'][value='{grade}']").CheckAsync();

    public async Task ContinueAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

    public async Task RecordAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Record incident" }).ClickAsync();

    public ILocator Heading => page.Locator("h1");
}
