using System.Globalization;
using Microsoft.AspNetCore.Localization;
using ReportLens.Server.Components;
using ReportLens.Application.Reviews;

namespace ReportLens.Server.Ui;

/// <summary>The web UI: Blazor components (interactive server), cookie sign-in endpoints and the UI's services.</summary>
public static class UiModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddReportLensUi(this WebApplicationBuilder builder)
    {
        // The framework's script (blazor.web.js) is a static web asset: from a build output (dotnet run, tests) it is
        // found through the runtime manifest, which only Development reads by default; a published app has it in wwwroot.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        // Chinese text is written as is, not as &#x…; entities (a third of the page's size).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = UiEndpoints.CultureCookie }];
        });
        services.AddSingleton(UiStrings.Load());
        services.AddScoped<UiText>();
        services.AddTransient<ReportBrowser>();
        services.AddTransient<ReportFileImport>();
        services.AddTransient<AnalysisRunner>();
        services.AddTransient<SystemStatus>();
        services.AddTransient<UiReviews>();
        services.AddTransient<UiDoubleReviews>();
        services.AddTransient<UiUsers>();
        services.AddTransient<UiJobs>();
        return builder;
    }

    public static WebApplication MapReportLensUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
        // By default the manifest is looked up under the entry assembly's name, which is not ours when another
        // host (a test) builds the app; name it after this assembly, and serve wwwroot plainly if it is absent.
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{typeof(UiModule).Assembly.GetName().Name}.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest);
        }
        else
        {
            app.UseStaticFiles();
        }

        app.MapUiEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
