using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SafetyNet.Platform;

namespace SafetyNet.Web;

/// <summary>The one mapping of an <see cref="Outcome{T}"/> to HTTP: 404, 400 with the fields, 409 with the current version.</summary>
public static class OutcomeHttp
{
    /// <summary>409: the record changed since the caller read it; a record without versions (a one-time step already taken) gives none.</summary>
    public static ProblemDetails Stale(int current)
    {
        var problem = new ProblemDetails
        {
            Title = "The record was changed by someone else",
            Detail = current > 0
                ? $"You edited version that is no longer current (it is now version {current}). Reload it and apply your change again."
                : "Someone else has already done this since you read it. Reload it to see what they did.",
            Status = StatusCodes.Status409Conflict,
        };
        if (current > 0)
        {
            problem.Extensions["currentVersion"] = current;
        }
        return problem;
    }

    /// <summary>200 with the value (or what <paramref name="answer"/> makes of it), or the failure.</summary>
    public static Results<Ok<TAnswer>, NotFound, ValidationProblem, ProblemHttpResult> ToOk<T, TAnswer>(this Outcome<T> outcome, Func<T, TAnswer> answer, string title = "The change was not made") =>
        outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.Ok(answer(outcome.Value!)),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            OutcomeKind.Invalid => Invalid(outcome, title),
            _ => TypedResults.Problem(Stale(outcome.CurrentVersion)),
        };

    public static Results<Ok<T>, NotFound, ValidationProblem, ProblemHttpResult> ToOk<T>(this Outcome<T> outcome, string title = "The change was not made") =>
        outcome.ToOk(value => value, title);

    /// <summary>201 with the value at the location <paramref name="location"/> gives, or the failure.</summary>
    public static Results<Created<TAnswer>, NotFound, ValidationProblem, ProblemHttpResult> ToCreated<T, TAnswer>(
        this Outcome<T> outcome, Func<T, TAnswer> answer, Func<T, string?> location, string title = "The change was not made") =>
        outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.Created(location(outcome.Value!), answer(outcome.Value!)),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            OutcomeKind.Invalid => Invalid(outcome, title),
            _ => TypedResults.Problem(Stale(outcome.CurrentVersion)),
        };

    /// <summary>200 with what <paramref name="answer"/> makes of the value, or 204 when it makes nothing; or the failure.</summary>
    public static Results<Ok<TAnswer>, NoContent, NotFound, ValidationProblem, ProblemHttpResult> ToOkOrNoContent<T, TAnswer>(
        this Outcome<T> outcome, Func<T, TAnswer?> answer, string title = "The change was not made") where TAnswer : class =>
        outcome.Kind switch
        {
            OutcomeKind.Done when answer(outcome.Value!) is { } value => TypedResults.Ok(value),
            OutcomeKind.Done => TypedResults.NoContent(),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            OutcomeKind.Invalid => Invalid(outcome, title),
            _ => TypedResults.Problem(Stale(outcome.CurrentVersion)),
        };

    /// <summary>204, or the failure.</summary>
    public static Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult> ToNoContent<T>(this Outcome<T> outcome, string title = "The change was not made") =>
        outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.NoContent(),
            OutcomeKind.NotFound => TypedResults.NotFound(),
            OutcomeKind.Invalid => Invalid(outcome, title),
            _ => TypedResults.Problem(Stale(outcome.CurrentVersion)),
        };

    /// <summary>400 with the fields; a missing purpose is titled as such, as every refusal of one is.</summary>
    private static ValidationProblem Invalid<T>(Outcome<T> outcome, string title) =>
        TypedResults.ValidationProblem(outcome.Errors, title: outcome.NeedsPurpose ? "Purpose required" : title);
}

/// <summary>The one mapping of an <see cref="Outcome{T}"/> to a page: the not-found page, or errors for the GOV.UK error summary.</summary>
public static class OutcomePages
{
    /// <summary>
    /// True when the outcome is done. Otherwise shows the not-found page, or adds the field errors, or a stale error on
    /// <paramref name="staleField"/> saying that someone else changed <paramref name="record"/> since it was read.
    /// </summary>
    public static bool Succeeded<T>(this Outcome<T> outcome, FormErrors errors, NavigationManager navigation, string record, string staleField = "version")
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                return true;
            case OutcomeKind.NotFound:
                navigation.NotFound();
                return false;
            case OutcomeKind.Stale:
                errors.Add(staleField, $"Someone else changed {record} while you were reading it: check it and save again");
                return false;
            default:
                errors.AddRange(outcome.Errors);
                return false;
        }
    }
}
