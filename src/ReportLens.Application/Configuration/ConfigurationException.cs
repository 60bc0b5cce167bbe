namespace ReportLens.Application.Configuration;

/// <summary>A setting is missing or malformed; the message names the setting.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
