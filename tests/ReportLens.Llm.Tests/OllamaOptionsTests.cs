using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ReportLens.Llm;
using ReportLens.Llm.Options;

namespace ReportLens.Llm.Tests;

public sealed class OllamaOptionsTests
{
    private static OllamaOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddReportLensLlm(configuration).BuildServiceProvider();
        return provider.GetRequiredService<IOptions<OllamaOptions>>().Value;
    }

    private static async Task<string> StartupFailureAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddReportLensLlm(builder.Configuration);
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
        return error.Message;
    }

    [Fact]
    public void Bind_NothingConfigured_UsesTheDocumentedDefaults()
    {
        var options = Bind();

        Assert.Equal("http://localhost:11434", options.BaseUrl);
        Assert.Equal("qwen2.5:7b", options.Model);
        Assert.Equal(TimeSpan.FromSeconds(120), options.RequestTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeoutSpan);
        Assert.Equal(4, options.SlotsPerEndpoint);
        Assert.Null(options.DefaultTemperature);
        Assert.Equal("5m", options.KeepAlive);
        Assert.Equal(4, options.NumParallel);
    }

    [Fact]
    public void Bind_SeedEnvironmentVariables_MapOntoTheOptions()
    {
        var options = Bind(
            ("OLLAMA_BASE_URL", "http://gpu1:11434"),
            ("OLLAMA_MODEL", "llama3.1:8b"),
            ("OLLAMA_TIMEOUT", "60.0"),
            ("OLLAMA_CONNECT_TIMEOUT", "2.5"),
            ("OLLAMA_MAX_CONCURRENT", "3"),
            ("OLLAMA_DEFAULT_TEMPERATURE", "0.2"),
            ("OLLAMA_KEEP_ALIVE", "24h"),
            ("OLLAMA_NUM_PARALLEL", "8"));

        Assert.Equal([new Uri("http://gpu1:11434")], options.BaseUrls);
        Assert.Equal("llama3.1:8b", options.Model);
        Assert.Equal(60, options.Timeout);
        Assert.Equal(2.5, options.ConnectTimeout);
        Assert.Equal(3, options.SlotsPerEndpoint);
        Assert.Equal(0.2, options.DefaultTemperature);
        Assert.Equal("24h", options.KeepAlive);
        Assert.Equal(8, options.NumParallel);
    }

    [Fact]
    public void Bind_SectionAndEnvironment_EnvironmentWins()
    {
        var options = Bind(("Ollama:Model", "from-section"), ("Ollama:Timeout", "30"), ("OLLAMA_MODEL", "from-env"));

        Assert.Equal("from-env", options.Model);
        Assert.Equal(30, options.Timeout);
    }

    [Fact]
    public void Bind_SeveralBaseUrls_ListsEveryEndpoint()
    {
        var options = Bind(("OLLAMA_BASE_URL", "http://gpu1:11434, http://gpu2:11434/"));

        Assert.Equal(["http://gpu1:11434/", "http://gpu2:11434/"], options.BaseUrls.Select(u => u.ToString()));
    }

    [Theory]
    [InlineData("OLLAMA_BASE_URL", "localhost:11434", "OLLAMA_BASE_URL")]
    [InlineData("OLLAMA_BASE_URL", "http://ok:1,ftp://bad", "'ftp://bad' is not an absolute http")]
    [InlineData("OLLAMA_TIMEOUT", "-5", "Ollama:Timeout (OLLAMA_TIMEOUT) must be a positive number of seconds")]
    [InlineData("OLLAMA_TIMEOUT", "0", "OLLAMA_TIMEOUT")]
    [InlineData("OLLAMA_TIMEOUT", "soon", "OLLAMA_TIMEOUT='soon' is not a number")]
    [InlineData("OLLAMA_CONNECT_TIMEOUT", "-1", "OLLAMA_CONNECT_TIMEOUT")]
    [InlineData("OLLAMA_DEFAULT_TEMPERATURE", "2.5", "Ollama:DefaultTemperature (OLLAMA_DEFAULT_TEMPERATURE) must be between 0 and 2")]
    [InlineData("OLLAMA_MAX_CONCURRENT", "0", "OLLAMA_MAX_CONCURRENT")]
    [InlineData("OLLAMA_MAX_CONCURRENT", "3.5", "OLLAMA_MAX_CONCURRENT='3.5' is not a whole number")]
    [InlineData("OLLAMA_KEEP_ALIVE", "forever", "OLLAMA_KEEP_ALIVE")]
    [InlineData("OLLAMA_DEIDENTIFY", "sometimes", "OLLAMA_DEIDENTIFY='sometimes' is not true or false")]
    [InlineData("Ollama:Timeout", "-1", "OLLAMA_TIMEOUT")]
    public async Task Start_BadSetting_FailsWithOneLineNamingTheSetting(string key, string value, string expected)
    {
        var message = await StartupFailureAsync((key, value));

        Assert.Contains(expected, message);
        Assert.DoesNotContain("\n", message);
    }

    [Fact]
    public async Task Start_BadOpenAiEndpoint_NamesItsKey()
    {
        var message = await StartupFailureAsync(("Llm:OpenAiEndpoints:0:Url", "not a url"), ("Llm:OpenAiEndpoints:0:Models:0", "m"));

        Assert.Contains("Llm:OpenAiEndpoints:0:Url", message);
    }

    [Fact]
    public async Task Start_UnknownOpenAiServerKind_NamesTheKeyAndTheKinds()
    {
        var message = await StartupFailureAsync(
            ("Llm:OpenAiEndpoints:0:Url", "http://127.0.0.1:8000/v1"), ("Llm:OpenAiEndpoints:0:Models:0", "m"), ("Llm:OpenAiEndpoints:0:Kind", "tgi"));

        Assert.Contains("Llm:OpenAiEndpoints:0:Kind 'tgi' is not one of openai, vllm, llamacpp, lmstudio, sglang.", message);
    }

    [Theory]
    [InlineData("vllm", OpenAiServerKind.Vllm)]
    [InlineData("llama.cpp", OpenAiServerKind.LlamaCpp)]
    [InlineData("LM-Studio", OpenAiServerKind.LmStudio)]
    [InlineData("sglang", OpenAiServerKind.SgLang)]
    [InlineData("openai", OpenAiServerKind.OpenAi)]
    public void OpenAiServerKind_ConfiguredName_IsReadForgivingly(string configured, OpenAiServerKind expected)
    {
        Assert.True(OpenAiServerKinds.TryParse(configured, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public async Task Start_GoodSettings_Starts()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("OLLAMA_BASE_URL", (string?)"http://127.0.0.1:11434")]);
        builder.Services.AddReportLensLlm(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
