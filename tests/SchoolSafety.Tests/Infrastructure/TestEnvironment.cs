namespace SchoolSafety.Tests.Infrastructure;

/// <summary>
/// What the README's test command (scripts/test.sh) provides: a private PostgreSQL server and
/// Chromium. Tests that need one fail with a clear message when it is missing; they never skip.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "SCHOOLSAFETY_TEST_POSTGRES";

    public static string PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which installs and starts PostgreSQL.");
}
