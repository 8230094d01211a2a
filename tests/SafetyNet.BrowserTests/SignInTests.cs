using Microsoft.Playwright;
using SafetyNet.BrowserTests.Pages;
using SafetyNet.Platform;

namespace SafetyNet.BrowserTests;

[Collection("browser")]
public class SignInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_call_handler_signs_in_and_every_page_on_the_way_is_accessible()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url, StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();

        var signIn = new SignInPage(page);
        await signIn.SignInAsync(Tests.Infrastructure.SafetyNetApp.DemoEmail(Roles.CallHandler), Tests.Infrastructure.SafetyNetApp.Password);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your work" })).ToBeVisibleAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Wrong_details_show_the_govuk_error_summary_linked_to_the_field()
    {
        var page = await fixture.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.OpenAsync();
        await signIn.SignInAsync("nobody@safetynet.test", "wrong");
        await Assertions.Expect(signIn.ErrorSummary).ToContainTextAsync("Enter a correct email address and password");
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await page.AssertNoViolationsAsync();
    }
}
