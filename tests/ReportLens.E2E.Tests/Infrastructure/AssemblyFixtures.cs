// One server, emulator and Chromium for the whole assembly: each test still gets its own browser context.
[assembly: AssemblyFixture(typeof(ReportLens.E2E.Tests.Infrastructure.UiFixture))]
