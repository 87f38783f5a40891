using SchoolSafety.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SchoolSafety.Tests.Conventions;

/// <summary>
/// docker-compose.yml cannot run here (no Docker engine): these checks prove it parses and is wired
/// to what the application reads, so a county's server gets a file that at least means what it says.
/// </summary>
public class DeploymentFileTests
{
    private static readonly string Root = RepositoryRoot.Path;

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    [Fact]
    public void Compose_runs_the_web_app_against_SQL_Server_once_it_is_healthy()
    {
        var services = Map(Compose(), "services");
        var db = Map(services, "db");
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022", db["image"].ToString());
        Assert.Contains("sqlcmd", Map(db, "healthcheck")["test"].ToString());

        var web = Map(services, "web");
        Assert.Equal("service_healthy", Map(Map(web, "depends_on"), "db")["condition"].ToString());
        var env = Map(web, "environment").Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());
        Assert.Equal("SqlServer", env["Database__Provider"]);
        Assert.Contains("Server=db;", env["ConnectionStrings__SqlServer"]);
        Assert.True(env.ContainsKey("Bootstrap__AdminPassword"));

        var dockerfile = Path.Combine(Root, Map(web, "build")["dockerfile"].ToString());
        Assert.True(File.Exists(dockerfile), dockerfile);
        Assert.Contains("src/SchoolSafety.Web/SchoolSafety.Web.csproj", File.ReadAllText(dockerfile));
    }

    [Fact]
    public void Every_setting_compose_passes_is_one_the_application_reads()
    {
        var web = Map(Map(Compose(), "services"), "web");
        var keys = Map(web, "environment").Children.Keys.Select(k => k.ToString().Replace("__", ":")).ToList();
        var code = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Root, "src", "SchoolSafety.Web"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText));
        foreach (var key in keys)
        {
            var found = key.StartsWith("ConnectionStrings:")
                ? code.Contains("GetConnectionString(")
                : code.Contains($"\"{key}\"");
            Assert.True(found, $"{key} is set in docker-compose.yml but never read");
        }
    }
}
