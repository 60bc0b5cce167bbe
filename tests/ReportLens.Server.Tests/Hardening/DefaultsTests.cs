using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using ReportLens.Core.Interop;
using ReportLens.Server.Database;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>Issue 12, items 9, 13 and 15: shipped defaults an operator relies on, checked on the real files and server.</summary>
public sealed class DefaultsTests
{
    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public void DemoReports_AreSeededOnlyInDevelopment(string environment, bool seeded)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", "ReportLens.Server");
        var configuration = new ConfigurationBuilder().SetBasePath(folder)
            .AddJsonFile("appsettings.json").AddJsonFile($"appsettings.{environment}.json", optional: true).Build();

        var options = configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();

        Assert.Equal(seeded, options.SeedDemoReports);
    }

    [Fact]
    public void ReadmeFirstCommand_RunsInDevelopment_SoItShowsDemoReports()
    {
        var launch = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "ReportLens.Server", "Properties", "launchSettings.json"));
        Assert.Contains("\"ASPNETCORE_ENVIRONMENT\": \"Development\"", launch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SqlCommands_AreLoggedAtDebugOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = TestDatabase.CreateSqlite();
        var settings = TestServerSettings.Defaults(database.Url, "http://127.0.0.1:9");
        settings["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Information";
        await using var factory = new ReportLensAppFactory<Program>(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = factory.ClientOptions.BaseAddress };
        await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "nobody", password = "wrong-password" }, ct);

        var commands = factory.Logs.Lines.Where(l => l.Contains("Microsoft.EntityFrameworkCore.Database.Command:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(commands);
        Assert.All(commands, l => Assert.StartsWith("Debug ", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-3", "-3")]
    [InlineData("双肺纹理清晰", "双肺纹理清晰")]
    public async Task CsvWriter_FormulaCell_IsNeutralised(string field, string written)
    {
        using var text = new StringWriter();
        await new CsvWriter(text).WriteRecordAsync([field], TestContext.Current.CancellationToken);
        var line = text.ToString().TrimEnd('\r', '\n');
        Assert.Equal(written, line.StartsWith('"') ? line[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : line);
    }
}
