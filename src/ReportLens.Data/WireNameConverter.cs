using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ReportLens.Core.Json;

namespace ReportLens.Data;

/// <summary>Stores an enum as its wire name ("llm", "completed_with_errors"): the strings the columns held before they were enums.</summary>
public sealed class WireNameConverter<T>() : ValueConverter<T, string>(v => v.WireName(), s => WireNames.Parse<T>(s))
    where T : struct, Enum;
