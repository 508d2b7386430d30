# syntax=docker/dockerfile:1

# The SDK runs on the builder's own platform and publishes for the target architecture,
# so a multi-platform build never compiles under emulation.
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src

# Docker names the architectures amd64/arm64, .NET names them x64/arm64.
RUN case "$TARGETARCH" in \
      amd64) echo x64 ;; \
      arm64) echo arm64 ;; \
      *) echo "unsupported TARGETARCH '$TARGETARCH'" >&2; exit 1 ;; \
    esac > /tmp/dotnet-arch

# ReadyToRun: precompiled code starts faster and needs less memory on a Pi than code compiled at start.
# Restore from the project files alone, so this layer stays cached until a package changes.
# .editorconfig is part of the build: it sets which analyzer warnings (errors here) apply.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY MusicAnalyser/MusicAnalyser.csproj MusicAnalyser/
RUN dotnet restore MusicAnalyser/MusicAnalyser.csproj -a "$(cat /tmp/dotnet-arch)" -p:PublishReadyToRun=true

COPY MusicAnalyser/ MusicAnalyser/
RUN dotnet publish MusicAnalyser/MusicAnalyser.csproj -c Release -a "$(cat /tmp/dotnet-arch)" \
      --no-restore --self-contained false -p:UseAppHost=false -p:PublishReadyToRun=true -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The volume must exist and belong to the app user before VOLUME, or a fresh named volume is root-owned.
RUN mkdir /data && chown "$APP_UID" /data
VOLUME /data

ENV MusicAnalyser__DataDirectory=/data \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# No HEALTHCHECK: the runtime image has neither curl nor wget, and installing one only for
# that would grow the image. Probe http://<container>:8080/ from the orchestrator instead.

COPY --from=build /app ./
USER $APP_UID
ENTRYPOINT ["dotnet", "MusicAnalyser.dll"]
