using System.Linq.Expressions;

namespace SafetyNet.Search;

/// <summary>
/// Conditions joined into one <c>WHERE</c>, so that the database can answer each branch from its own index and
/// combine them (a bitmap OR on PostgreSQL) rather than run a query per branch.
/// </summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> Any<T>(IEnumerable<Expression<Func<T, bool>>> conditions) => Join(conditions, Expression.OrElse, false);

    public static Expression<Func<T, bool>> All<T>(IEnumerable<Expression<Func<T, bool>>> conditions) => Join(conditions, Expression.AndAlso, true);

    private static Expression<Func<T, bool>> Join<T>(IEnumerable<Expression<Func<T, bool>>> conditions, Func<Expression, Expression, BinaryExpression> join, bool empty)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var part = new Rebind(condition.Parameters[0], parameter).Visit(condition.Body);
            body = body is null ? part : join(body, part);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(empty), parameter);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
