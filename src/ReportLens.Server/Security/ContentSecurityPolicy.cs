namespace ReportLens.Server.Security;

/// <summary>
/// The UI's Content-Security-Policy. Blazor Server needs only its own script (blazor.web.js, no eval) and a
/// websocket to the same origin ('self' covers ws:/wss: to the page's host in CSP 3 browsers). Style attributes
/// are allowed because the UI sets bar widths with style="width:…"; style sheets and the reconnect dialog's
/// injected style element come from the same origin or Blazor itself, hence 'unsafe-inline' for styles only.
/// </summary>
public static class ContentSecurityPolicy
{
    public const string Value =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self'; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
