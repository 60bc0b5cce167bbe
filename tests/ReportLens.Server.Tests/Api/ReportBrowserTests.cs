using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReportLens.Application.Audit;
using ReportLens.Application.Privacy;
using ReportLens.Server.Audit;
using ReportLens.Server.Auth;
using ReportLens.Server.Reports;
using ReportLens.Server.Tests.Infrastructure;
using ReportLens.Server.Ui;
using ReportLens.Data.Entities;

namespace ReportLens.Server.Tests.Api;

/// <summary>The web UI lists reports with the API's query, but clamps what the API would reject.</summary>
public sealed class ReportBrowserTests(SqliteAppFixture app) : ApiTest<SqliteAppFixture>(app), IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task List_OutOfRangePage_IsClampedAndEachListedReportAuditedOnce()
    {
        using var client = await App.RadiologistAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ReportsApiTests<SqliteAppFixture>.CreateAsync(client, $"Findings: normal {tag} {i}."));
        }

        await using var services = BrowserServices();
        var browser = new ReportBrowser(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<ReportDeidentification>());
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(TokenService.NameClaim, "ui-tester"), new Claim(TokenService.RoleClaim, Roles.Viewer)], "test", TokenService.NameClaim, TokenService.RoleClaim));

        var page = await browser.ListAsync(new ReportQuery { Q = tag, Page = 0, PageSize = 1000 }, user, TestContext.Current.CancellationToken);

        Assert.Equal((1, ReportQueries.MaxPageSize, 3), (page.Page, page.PageSize, page.Total));
        Assert.Equal(ids.OrderDescending(), page.Items.Select(r => r.Id));
        await using var db = TestDb.Open(App);
        var listed = await db.AuditEntries.Where(e => e.Username == "ui-tester" && e.Action == AuditActions.List)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ids.Order(), listed.Select(e => e.ReportId!.Value).Order());
        Assert.All(listed, e => Assert.Equal("web", e.Detail));
    }

    private ServiceProvider BrowserServices()
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => TestDb.Open(App));
        services.AddSingleton<IHttpContextAccessor, HttpContextAccessor>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditLog>();
        services.AddOptions<PrivacyOptions>();
        services.AddSingleton<ReportDeidentification>();
        return services.BuildServiceProvider();
    }
}
