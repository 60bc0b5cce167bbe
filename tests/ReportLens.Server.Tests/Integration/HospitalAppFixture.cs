using System.Globalization;
using ReportLens.Server.Tests.CriticalFindings;
using ReportLens.Server.Tests.Hl7;
using ReportLens.Server.Tests.Infrastructure;

namespace ReportLens.Server.Tests.Integration;

/// <summary>
/// A server wired as a hospital would run it: the MLLP listener with arrival analyses (highlight and extraction),
/// critical-finding webhooks to a <see cref="WebhookReceiver"/>, results pushed to an in-test
/// <see cref="FhirReceiver"/> whose "flaky" server fails each report's first two pushes, and ORU^R01 messages out to an
/// in-test <see cref="MllpPeer"/> that answers each accession's first message AE.
/// </summary>
public abstract class HospitalAppFixture : CriticalFindingsAppFixture
{
    public const string FhirServer = "flaky";
    public const string FhirToken = "fhir-test-token";
    public const int FhirFailures = 2;

    public FhirReceiver Fhir { get; private set; } = null!;
    public MllpPeer Peer { get; private set; } = null!;
    public int Hl7Port { get; private set; }

    protected abstract Task<TestDatabase?> CreateHospitalDatabaseAsync();

    protected sealed override async Task<TestDatabase?> CreateTestDatabaseAsync()
    {
        var database = await CreateHospitalDatabaseAsync();
        if (database is not null)
        {
            Fhir = await FhirReceiver.StartAsync(new Dictionary<string, int> { [FhirServer] = FhirFailures });
            Peer = MllpPeer.Start(failFirst: 1);
        }

        return database;
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        Hl7Port = Hl7TestSettings.Apply(settings);
        settings["HL7_ANALYSIS_TYPES"] = "highlight,extraction";
        settings["Hl7:Analysis:Rules:0:Types"] = "highlight,extraction";
        settings["FHIR_SERVER_URL"] = Fhir.Server(FhirServer).AbsoluteUri;
        settings["FHIR_SERVER_TOKEN"] = FhirToken;
        settings["FHIR_PUSH_RETRY_SECONDS"] = RetryBaseSeconds.ToString(CultureInfo.InvariantCulture);
        settings["HL7_OUTBOUND_HOST"] = "127.0.0.1";
        settings["HL7_OUTBOUND_PORT"] = Peer.Port.ToString(CultureInfo.InvariantCulture);
        settings["HL7_OUTBOUND_RETRY_SECONDS"] = RetryBaseSeconds.ToString(CultureInfo.InvariantCulture);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Fhir is not null)
        {
            await Fhir.DisposeAsync();
        }

        if (Peer is not null)
        {
            await Peer.DisposeAsync();
        }
    }
}

public sealed class SqliteHospitalAppFixture : HospitalAppFixture
{
    protected override Task<TestDatabase?> CreateHospitalDatabaseAsync() => Task.FromResult<TestDatabase?>(TestDatabase.CreateSqlite());
}

public sealed class PostgresHospitalAppFixture : HospitalAppFixture
{
    protected override async Task<TestDatabase?> CreateHospitalDatabaseAsync() =>
        TestDatabase.PostgresServer is null ? null : await TestDatabase.CreatePostgresAsync();
}
