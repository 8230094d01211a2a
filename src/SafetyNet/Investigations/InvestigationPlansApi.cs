using Microsoft.AspNetCore.Http.HttpResults;
using SafetyNet.Platform;
using SafetyNet.Web;

namespace SafetyNet.Investigations;

/// <summary>An investigation's plan, <c>/api/v1/investigations/{id}/plan</c>, and the plan actions a user owns.</summary>
public static class InvestigationPlansApi
{
    public static WebApplication MapInvestigationPlans(this WebApplication app)
    {
        var investigations = app.MapGroup("/api/v1/investigations").RequireAuthorization(AccountsSetup.ApiPolicy, Entitlements.Investigations).WithTags("Investigations");
        investigations.MapGet("/actions/mine", async (InvestigationPlans plans, CancellationToken ct) => TypedResults.Ok(await plans.MineAsync(ct)))
            .WithName("listMyPlanActions").WithSummary("List the open plan actions the caller owns, overdue and soonest due first");
        var plan = investigations.MapGroup("/{id:long}/plan");
        plan.MapGet("", async (long id, HttpContext context, InvestigationPlans plans, CancellationToken ct) => Answer(await plans.ReadAsync(id, Purpose.From(context), ct)))
            .WithName("getInvestigationPlan").WithSummary("Read an investigation's plan: hypotheses, lines of enquiry, strategies with their actions, decisions and what it still lacks");
        plan.MapPatch("", async (long id, PlanStateRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.SetDevicesSeizedAsync(id, r, Purpose.From(context), ct)).ToOk("The plan was not changed"))
            .WithName("changeInvestigationPlan").WithSummary("Record whether devices were seized (which makes the digital strategy required)");
        plan.MapPost("/hypotheses", async (long id, HypothesisRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.AddHypothesisAsync(id, r, Purpose.From(context), ct)).ToCreated(h => h, _ => $"/api/v1/investigations/{id}/plan", "The hypothesis was not added"))
            .WithName("addHypothesis").WithSummary("Add a hypothesis to an investigation's plan");
        plan.MapPatch("/hypotheses/{hypothesisId:long}", async (long id, long hypothesisId, HypothesisStatusRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.ChangeHypothesisAsync(id, hypothesisId, r, Purpose.From(context), ct)).ToOk("The hypothesis was not changed"))
            .WithName("changeHypothesis").WithSummary("Mark a hypothesis open, supported or eliminated");
        plan.MapPost("/lines-of-enquiry", async (long id, LineOfEnquiryRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.AddLineOfEnquiryAsync(id, r, Purpose.From(context), ct)).ToCreated(l => l, _ => $"/api/v1/investigations/{id}/plan", "The line of enquiry was not added"))
            .WithName("addLineOfEnquiry").WithSummary("Add a line of enquiry, towards or away from the suspect");
        plan.MapPatch("/lines-of-enquiry/{lineId:long}", async (long id, long lineId, LineOfEnquiryStatusRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.ChangeLineOfEnquiryAsync(id, lineId, r, Purpose.From(context), ct)).ToOk("The line of enquiry was not changed"))
            .WithName("changeLineOfEnquiry").WithSummary("Mark a line of enquiry open, completed or closed");
        plan.MapPost("/actions", async (long id, PlanActionRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.AddActionAsync(id, r, Purpose.From(context), ct)).ToCreated(a => a, _ => $"/api/v1/investigations/{id}/plan", "The action was not added"))
            .WithName("addPlanAction").WithSummary("Add an action to a strategy of the plan, with its owner and due date");
        plan.MapPost("/actions/{actionId:long}/complete", async (long id, long actionId, CompleteActionRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.CompleteActionAsync(id, actionId, r, Purpose.From(context), ct)).ToOk("The action was not completed"))
            .WithName("completePlanAction").WithSummary("Complete a plan action with its result and rationale");
        plan.MapPost("/decisions", async (long id, PlanDecisionRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.AddDecisionAsync(id, r, Purpose.From(context), ct)).ToCreated(d => d, _ => $"/api/v1/investigations/{id}/plan", "The decision was not recorded"))
            .WithName("addPlanDecision").WithSummary("Record a decision in the plan's decision log (never changed after)");
        plan.MapPut("/strategies/{section}", async (long id, string section, StrategyRequest r, HttpContext context, InvestigationPlans plans, CancellationToken ct) =>
                (await plans.WriteStrategyAsync(id, section, r, Purpose.From(context), ct)).ToOk("The strategy was not saved"))
            .WithName("writeStrategy").WithSummary("Write the text of one strategy section of the plan");
        return app;
    }

    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(Read<T> read) => read.Outcome switch
    {
        ReadOutcome.NotFound => TypedResults.NotFound(),
        ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
        _ => TypedResults.Ok(read.Value!),
    };
}
