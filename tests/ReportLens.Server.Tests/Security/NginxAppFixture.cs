using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Security;

/// <summary>The server on SQLite behind a real nginx running the deployed configuration (when nginx is installed).</summary>
public sealed class NginxAppFixture : SqliteAppFixture, IAsyncLifetime
{
    public NginxProxy? Nginx { get; private set; }

    public new async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (File.Exists(NginxProxy.Binary))
        {
            Nginx = await NginxProxy.StartAsync(BaseAddress);
        }
    }

    public NginxProxy RequireNginx()
    {
        NginxProxy.RequireInstalled();
        return Nginx!;
    }

    public override async ValueTask DisposeAsync()
    {
        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
