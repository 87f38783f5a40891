using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SchoolSafety.Auditing;

/// <summary>
/// Refuses bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> on <see cref="AuditEntry"/>: they bypass SaveChanges, where
/// <c>AppDbContext</c> already refuses tracked changes and deletions of audit rows. With both, the application has no
/// path that changes or removes the trail (raw SQL aside, which the application does not use on it; a convention test
/// scans the source for it).
/// </summary>
public sealed class AuditAppendOnlyInterceptor : IQueryExpressionInterceptor
{
    public static readonly AuditAppendOnlyInterceptor Instance = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        if (queryExpression is MethodCallExpression call
            && call.Method.DeclaringType == typeof(EntityFrameworkQueryableExtensions)
            && call.Method.Name is nameof(EntityFrameworkQueryableExtensions.ExecuteDelete) or nameof(EntityFrameworkQueryableExtensions.ExecuteUpdate)
            && call.Method.IsGenericMethod && typeof(AuditEntry).IsAssignableFrom(call.Method.GetGenericArguments()[0]))
            throw new InvalidOperationException("Audit entries are never changed or deleted.");
        return queryExpression;
    }
}
