using ReportLens.Application.Configuration;

namespace ReportLens.Server.Configuration;

/// <summary>
/// The server's side of the environment: a .env file, DEBUG, and the original design's names mapped onto our
/// configuration sections by <see cref="EnvironmentNames"/> (the CLI's path too).
/// </summary>
public static class SeedEnvironment
{
    /// <summary>Loads a .env file from the working folder (never overriding real variables) and maps the variables above.</summary>
    public static void Apply(WebApplicationBuilder builder)
    {
        var overrides = EnvironmentNames.Overrides(builder.Configuration);
        if (IsTrue(builder.Configuration["DEBUG"]))
        {
            builder.Environment.EnvironmentName = Environments.Development;
        }

        builder.Configuration.AddInMemoryCollection(overrides);
    }

    /// <summary>.env values become environment variables unless the environment already has them (NoClobber).</summary>
    public static void LoadDotEnv(string? directory = null)
    {
        var path = Path.Combine(directory ?? Directory.GetCurrentDirectory(), ".env");
        if (File.Exists(path))
        {
            DotNetEnv.Env.NoClobber().Load(path);
        }
    }

    private static bool IsTrue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");
}
