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
        plan.MapGet("", async (long id, [AsParameters] PlanCall call) => Answer(await call.Plans.ReadAsync(id, call.Purpose, call.Ct)))
            .WithName("getInvestigationPlan").WithSummary("Read an investigation's plan: hypotheses, lines of enquiry, strategies with their actions, decisions and what it still lacks");
        plan.MapPatch("", (long id, PlanStateRequest r, [AsParameters] PlanCall call) =>
                Changed(call.Plans.SetDevicesSeizedAsync(id, r, call.Purpose, call.Ct), "The plan was not changed"))
            .WithName("changeInvestigationPlan").WithSummary("Record whether devices were seized (which makes the digital strategy required)");
        plan.MapPost("/hypotheses", (long id, HypothesisRequest r, [AsParameters] PlanCall call) =>
                Added(id, call.Plans.AddHypothesisAsync(id, r, call.Purpose, call.Ct), "The hypothesis was not added"))
            .WithName("addHypothesis").WithSummary("Add a hypothesis to an investigation's plan");
        plan.MapPatch("/hypotheses/{hypothesisId:long}", (long id, long hypothesisId, HypothesisStatusRequest r, [AsParameters] PlanCall call) =>
                Changed(call.Plans.ChangeHypothesisAsync(id, hypothesisId, r, call.Purpose, call.Ct), "The hypothesis was not changed"))
            .WithName("changeHypothesis").WithSummary("Mark a hypothesis open, supported or eliminated");
        plan.MapPost("/lines-of-enquiry", (long id, LineOfEnquiryRequest r, [AsParameters] PlanCall call) =>
                Added(id, call.Plans.AddLineOfEnquiryAsync(id, r, call.Purpose, call.Ct), "The line of enquiry was not added"))
            .WithName("addLineOfEnquiry").WithSummary("Add a line of enquiry, towards or away from the suspect");
        plan.MapPatch("/lines-of-enquiry/{lineId:long}", (long id, long lineId, LineOfEnquiryStatusRequest r, [AsParameters] PlanCall call) =>
                Changed(call.Plans.ChangeLineOfEnquiryAsync(id, lineId, r, call.Purpose, call.Ct), "The line of enquiry was not changed"))
            .WithName("changeLineOfEnquiry").WithSummary("Mark a line of enquiry open, completed or closed");
        plan.MapPost("/actions", (long id, PlanActionRequest r, [AsParameters] PlanCall call) =>
                Added(id, call.Plans.AddActionAsync(id, r, call.Purpose, call.Ct), "The action was not added"))
            .WithName("addPlanAction").WithSummary("Add an action to a strategy of the plan, with its owner and due date");
        plan.MapPost("/actions/{actionId:long}/complete", (long id, long actionId, CompleteActionRequest r, [AsParameters] PlanCall call) =>
                Changed(call.Plans.CompleteActionAsync(id, actionId, r, call.Purpose, call.Ct), "The action was not completed"))
            .WithName("completePlanAction").WithSummary("Complete a plan action with its result and rationale");
        plan.MapPost("/decisions", (long id, PlanDecisionRequest r, [AsParameters] PlanCall call) =>
                Added(id, call.Plans.AddDecisionAsync(id, r, call.Purpose, call.Ct), "The decision was not recorded"))
            .WithName("addPlanDecision").WithSummary("Record a decision in the plan's decision log (never changed after)");
        plan.MapPut("/strategies/{section}", (long id, string section, StrategyRequest r, [AsParameters] PlanCall call) =>
                Changed(call.Plans.WriteStrategyAsync(id, section, r, call.Purpose, call.Ct), "The strategy was not saved"))
            .WithName("writeStrategy").WithSummary("Write the text of one strategy section of the plan");
        return app;
    }

    /// <summary>What every operation on a plan takes besides its route and body: the plan service, the purpose the caller states, and the request's cancellation.</summary>
    private readonly record struct PlanCall(InvestigationPlans Plans, HttpContext Context, CancellationToken Ct)
    {
        public string? Purpose => Web.Purpose.From(Context);
    }

    /// <summary>A part added to the plan: 201 at the plan, or the refusal.</summary>
    private static async Task<Results<Created<T>, NotFound, ValidationProblem, ProblemHttpResult>> Added<T>(long id, Task<Outcome<T>> added, string refused) =>
        (await added).ToCreated(value => value, _ => $"/api/v1/investigations/{id}/plan", refused);

    /// <summary>A part of the plan changed: 200 with it as it now is, or the refusal.</summary>
    private static async Task<Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult>> Changed<T>(Task<Outcome<T>> changed, string refused) =>
        (await changed).ToOk(refused);

    private static Results<Ok<T>, NotFound, ValidationProblem> Answer<T>(Read<T> read) => read.Outcome switch
    {
        ReadOutcome.NotFound => TypedResults.NotFound(),
        ReadOutcome.PurposeRequired => TypedResults.ValidationProblem(Purpose.Missing, title: "Purpose required"),
        _ => TypedResults.Ok(read.Value!),
    };
}
