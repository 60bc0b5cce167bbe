using Microsoft.Extensions.Configuration.Json;

namespace ReportLens.Server.Configuration;

/// <summary>
/// The host reads appsettings.json from the working directory, which for the systemd unit is /var/lib/reportlens,
/// not the folder the server was installed in: without this, a server started there ran without its log levels
/// (EF Core SQL and every HttpClient failure with its stack trace at information). The files next to the server's
/// dll are read instead, below every other source, so environment variables and the command line still win.
/// </summary>
internal static class AppSettingsFiles
{
    public static void UseInstalledWhenMissing(WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return;
        }

        var installed = AppContext.BaseDirectory;
        string[] files = ["appsettings.json", $"appsettings.{builder.Environment.EnvironmentName}.json"];
        foreach (var file in files.Reverse())
        {
            if (File.Exists(Path.Combine(installed, file)))
            {
                var source = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
                source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(installed);
                builder.Configuration.Sources.Insert(0, source);
            }
        }
    }
}
