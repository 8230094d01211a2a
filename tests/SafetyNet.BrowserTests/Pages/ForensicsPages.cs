using Microsoft.Playwright;

namespace SafetyNet.BrowserTests.Pages;

/// <summary>Submitting a device from an investigation, and the digital forensics unit's queue and submission pages.</summary>
public sealed class ForensicsPages(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator ErrorSummary => page.Locator(".govuk-error-summary");

    public ILocator Reasons => page.Locator("#priority-reasons");

    public ILocator Queue => page.Locator("#queue");

    public ILocator Triage => page.Locator("#triage");

    public ILocator Status => page.Locator("#status");

    public ILocator Continuity => page.Locator("#continuity tbody tr");

    public ILocator Examination => page.Locator("#examination");

    /// <summary>On a finished submission's page: how long it took against its target.</summary>
    public ILocator Turnaround => page.Locator("dd#turnaround");

    public ILocator QueueRow(string exhibit) => Queue.Locator("tr", new() { HasText = exhibit });

    public async Task SubmitDeviceFromInvestigationAsync() =>
        await page.GetByRole(AriaRole.Link, new() { Name = "Submit a device for examination" }).ClickAsync();

    public async Task FillDeviceAsync(string type, string exhibit, bool namedSuspect)
    {
        await page.GetByLabel(type, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Exhibit reference").FillAsync(exhibit);
        if (namedSuspect)
        {
            await page.GetByLabel("A suspect is named").CheckAsync();
        }
    }

    /// <summary>The seizure, the device's first entry in its continuity: when (force time), from whom or where, and where it is now.</summary>
    public async Task FillSeizureAsync(DateTime seized, string from, string location)
    {
        await FillWhenAsync("seizedAt", seized);
        await page.GetByLabel("Seized from").FillAsync(from);
        await page.GetByLabel("Where is the device now?").FillAsync(location);
    }

    public async Task SubmitAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Submit the device" }).ClickAsync();

    public async Task OpenQueueAsync() => await page.GotoAsync("/forensics");

    public async Task OpenSubmissionAsync(string exhibit) => await Queue.GetByRole(AriaRole.Link, new() { Name = exhibit }).ClickAsync();

    public async Task RecordTriageAsync(string result, string note, bool close)
    {
        await page.GetByLabel(result, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Note (optional)").First.FillAsync(note);
        if (close)
        {
            await page.GetByLabel("Close the submission without a full examination", new() { Exact = false }).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the triage" }).ClickAsync();
    }

    /// <summary>A hand-over at <paramref name="at"/> (force time), which may be earlier than it is recorded.</summary>
    public async Task RecordMovementAsync(DateTime at, string from, string to, string location, string note)
    {
        await FillWhenAsync("at", at);
        await page.GetByLabel("Handed over by").FillAsync(from);
        await page.GetByLabel("Received by").FillAsync(to);
        await page.GetByLabel("Where is the device now?").FillAsync(location);
        await page.Locator("#movement-note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the movement" }).ClickAsync();
    }

    /// <summary>A GOV.UK date input (<paramref name="id"/>, <paramref name="id"/>-month, -year) and the 24-hour time box beside it.</summary>
    private async Task FillWhenAsync(string id, DateTime at)
    {
        await page.Locator($"#{id}").FillAsync(at.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(at.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(at.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator($"#{id}Time").FillAsync(at.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task StartExaminationAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Start the examination" }).ClickAsync();

    public async Task CompleteExaminationAsync(string findings)
    {
        await page.GetByLabel("What the examination found").FillAsync(findings);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete the examination" }).ClickAsync();
    }

    /// <summary>
    /// A figure on the queue page: in the <c>backlog</c> or <c>turnaround</c> table, the row of <paramref name="priority"/>
    /// under the column headed <paramref name="column"/> (its leading number).
    /// </summary>
    public async Task<int> FigureAsync(string table, string priority, string column)
    {
        var headers = await page.Locator($"table#{table} thead th").AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(column);
        Assert.True(index >= 0, $"No column {column} in the {table} table");
        var row = page.Locator($"table#{table} tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextRegex = new($"^{priority}$") }) });
        var text = await row.Locator("th, td").Nth(index).InnerTextAsync();
        return int.Parse(text.Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
