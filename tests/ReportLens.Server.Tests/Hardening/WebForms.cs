using System.Text.RegularExpressions;

namespace ReportLens.Server.Tests.Hardening;

/// <summary>The web UI's form posts as a browser sends them: the antiforgery token read from the page first.</summary>
public static partial class WebForms
{
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{page} carries an antiforgery token");
        return token;
    }

    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string username, string password) =>
        await client.PostAsync("/ui/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, "/login"),
            ["username"] = username,
            ["password"] = password,
            ["returnUrl"] = "/reports",
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
