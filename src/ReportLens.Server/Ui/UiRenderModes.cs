using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ReportLens.Server.Ui;

public static class UiRenderModes
{
    /// <summary>
    /// Interactive pages are not prerendered: a prerender would load the page's data (and write its audit records)
    /// once for the HTTP response and again when the circuit starts.
    /// </summary>
    public static IComponentRenderMode Interactive { get; } = new InteractiveServerRenderMode(prerender: false);
}
