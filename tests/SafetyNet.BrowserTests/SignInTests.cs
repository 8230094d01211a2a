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

    private static IEnumerable<Cookie> Copy(IEnumerable<BrowserContextCookiesResult> cookies) =>
        cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite });

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session_so_a_copy_of_its_cookie_opens_nothing()
    {
        var page = await fixture.NewPageAsync();
        await new SignInPage(page).SignInAsRoleAsync(Roles.Officer);
        var copied = await page.Context.CookiesAsync();

        // The copy works while the session lasts: this is what someone who took it from the machine would hold.
        var thief = await fixture.NewPageAsync();
        await thief.Context.AddCookiesAsync(Copy(copied));
        await thief.GotoAsync("/");
        await Assertions.Expect(thief.GetByRole(AriaRole.Heading, new() { Name = "Your work" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to SafetyNet");
        await page.AssertNoViolationsAsync();

        // The same cookie in a browser that never signed out now gets the sign-in page.
        var later = await fixture.NewPageAsync();
        await later.Context.AddCookiesAsync(Copy(copied));
        await later.GotoAsync("/");
        Assert.Contains("/sign-in", later.Url, StringComparison.Ordinal);
        await Assertions.Expect(later.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to SafetyNet");
        await Assertions.Expect(later.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
    }
}
