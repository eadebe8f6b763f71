# syntax=docker/dockerfile:1
# PoseGen image. Stage "build": the .NET SDK with Node 20, where `dotnet publish` restores the NuGet packages, runs
# npm ci itself (src/PoseGen.Native), fills wwwroot/lib and converts the models into models/ (models/Models.targets).
# Final stage: the ASP.NET Core runtime with ffmpeg.
#   CPU:  docker build -t posegen .
#   GPU:  docker build -t posegen:gpu --build-arg POSEGEN_GPU=1 \
#           --build-arg RUNTIME_BASE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04 .   (see docker-compose.gpu.yml)
# The final stage's base must be Ubuntu 24.04 like the .NET 10 images, because the .NET runtime is copied from them.
ARG RUNTIME_BASE=mcr.microsoft.com/dotnet/aspnet:10.0-noble

FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS aspnet

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
# 1 builds against Microsoft.ML.OnnxRuntime.Gpu (CUDA 13, cuDNN 9) instead of the CPU package.
ARG POSEGEN_GPU=0
# Ubuntu 24.04's own nodejs is 18; the build wants Node 20 and npm, taken from the official Node image.
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
COPY . .
RUN --mount=type=cache,id=posegen-nuget,target=/root/.nuget/packages \
    --mount=type=cache,id=posegen-npm,target=/root/.npm \
    POSEGEN_GPU=${POSEGEN_GPU} dotnet publish src/PoseGen.Web/PoseGen.Web.csproj -c Release -o /app \
 && test -f /app/runtimes/linux-x64/native/libonnxruntime.so && test -f /app/runtimes/linux-x64/native/libvips.so.42 \
 && test -f wwwroot/lib/bootstrap/css/bootstrap.min.css && test -f wwwroot/lib/bootstrap-icons/fonts/bootstrap-icons.woff2 \
 && ls models/*.onnx

FROM ${RUNTIME_BASE} AS runtime
# On the CUDA base there is no .NET yet (nor its native dependencies, installed below with ffmpeg); on the aspnet base
# this overwrites the runtime with itself.
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -sf /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg curl ca-certificates libicu74 libssl3t64 zlib1g tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && (id -u app >/dev/null 2>&1 || useradd --uid 1654 --user-group --no-create-home --shell /usr/sbin/nologin app) \
 && mkdir -p /data \
 && chown app:app /data

WORKDIR /app
COPY --from=build /app ./
# The app looks for wwwroot/ and models/ beside its binaries when it is not in a source checkout (AppPaths).
COPY --from=build /src/wwwroot ./wwwroot
COPY --from=build /src/models ./models

ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Storage__DataRoot=/data \
    Inference__ModelsPath=/app/models
# Uploaded media, rolling log files, and the SQLite file when Database__Provider=Sqlite (the data-protection keys live in
# the database).
VOLUME ["/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "PoseGen.Web.dll"]
