using Microsoft.AspNetCore.Mvc;

namespace ReportLens.Server.Errors;

/// <summary>A module's own exceptions mapped to problems (the LLM layer's 502/503/504s, for instance).</summary>
public interface IExceptionProblemMapper
{
    ProblemDetails? Map(Exception exception);
}
