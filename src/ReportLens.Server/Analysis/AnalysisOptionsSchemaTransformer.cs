using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ReportLens.Server.Analysis;

/// <summary>
/// Lists as required in the OpenAPI schema of an <see cref="AnalysisOptionsRequest"/> the options whose rule refuses a
/// missing value (user_prompt, annotation_type): as init properties of the base record the generator would not.
/// </summary>
internal sealed class AnalysisOptionsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.JsonTypeInfo.Type.IsAssignableTo(typeof(AnalysisOptionsRequest)))
        {
            return Task.CompletedTask;
        }

        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var rules = property.AttributeProvider?.GetCustomAttributes(typeof(AnalysisOptionAttribute), inherit: true).OfType<AnalysisOptionAttribute>() ?? [];
            if (rules.Any(rule => AnalysisOptionRules.Check(rule.Option, null) is not null))
            {
                (schema.Required ??= new HashSet<string>()).Add(property.Name);
            }
        }

        return Task.CompletedTask;
    }
}
