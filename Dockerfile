# syntax=docker/dockerfile:1
# ReportLens: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t reportlens:local .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet restore src/ReportLens.Server/ReportLens.Server.csproj \
 && dotnet restore src/ReportLens.Cli/ReportLens.Cli.csproj
RUN dotnet publish src/ReportLens.Server/ReportLens.Server.csproj -c Release --no-restore -o /out/server \
 && dotnet publish src/ReportLens.Cli/ReportLens.Cli.csproj -c Release --no-restore -o /out/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl for the health check; postgresql-client for `reportlens db backup` (pg_dump must be >= the server's
# major version: the compose file runs PostgreSQL 16, this image's client is 16 or newer).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/server/ /app/
COPY --from=build /out/cli/ /app/cli/
COPY deploy/backup/reportlens-backup.sh /usr/local/bin/reportlens-backup
RUN ln -s /app/cli/reportlens /usr/local/bin/reportlens \
 && chmod 0755 /usr/local/bin/reportlens-backup \
 && mkdir -p /var/lib/reportlens/backups \
 && chown -R "$APP_UID" /var/lib/reportlens

ENV ASPNETCORE_URLS=http://+:8080 \
    DATABASE_URL=sqlite:////var/lib/reportlens/reportlens.db \
    BACKUP_DIR=/var/lib/reportlens/backups \
    LOG_FORMAT=json \
    DOTNET_NOLOGO=1 \
    HOME=/var/lib/reportlens
VOLUME ["/var/lib/reportlens"]
EXPOSE 8080

# The image's "app" user (APP_UID, 1654): numeric so Kubernetes' runAsNonRoot can verify it.
USER $APP_UID

HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "/app/ReportLens.Server.dll"]
