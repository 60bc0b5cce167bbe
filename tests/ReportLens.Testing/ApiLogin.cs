using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ReportLens.Testing;

/// <summary>Signs in through POST /api/v1/auth/login, as an API client does.</summary>
public static class ApiLogin
{
    public static async Task<string> TokenAsync(Uri baseAddress, string username, string password, CancellationToken ct = default)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password }, ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>A client that sends the bearer token with every request.</summary>
    public static HttpClient Client(Uri baseAddress, string token, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> SignedInClientAsync(
        Uri baseAddress, string username, string password, TimeSpan? timeout = null, CancellationToken ct = default) =>
        Client(baseAddress, await TokenAsync(baseAddress, username, password, ct), timeout);
}
