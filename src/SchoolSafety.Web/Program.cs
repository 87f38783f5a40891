using SchoolSafety.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddSchoolSafety();

var app = builder.Build();
app.UseSchoolSafety();
await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point; public for WebApplicationFactory in the tests.</summary>
public partial class Program;
