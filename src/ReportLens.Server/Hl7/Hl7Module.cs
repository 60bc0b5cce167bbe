namespace ReportLens.Server.Hl7;

public static class Hl7Module
{
    /// <summary>HL7 v2 intake: options ("Hl7", validated at start-up), the intake door, arrival analyses and the MLLP listener.</summary>
    public static IServiceCollection AddReportLensHl7(this IServiceCollection services)
    {
        services.AddOptions<Hl7Options>().BindConfiguration(Hl7Options.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ArrivalAnalysis>();
        services.AddSingleton<Hl7Intake>();
        services.AddSingleton<MllpListener>();
        services.AddHostedService(sp => sp.GetRequiredService<MllpListener>());
        return services;
    }
}
