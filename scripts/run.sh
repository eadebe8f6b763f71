#!/usr/bin/env bash
# Runs PoseGen on a Debian/Ubuntu machine with the .NET 10 SDK and Node 20: installs ffmpeg when missing, the build
# restores the NuGet and npm packages, the app applies its migrations at start-up and serves http://localhost:5080 with an embedded SQLite
# database under data/ (Storage:DataRoot). Override the address with POSEGEN_URLS; extra arguments go to the app,
# e.g. scripts/run.sh --Inference:Device=Cpu.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# SQLite unless the caller chose otherwise in the environment.
export Database__Provider="${Database__Provider:-Sqlite}"

# ffmpeg decodes workout videos; install it from the distribution when it is missing (as scripts/test.sh does). Without
# root or sudo the app still starts: video uploads then answer 503 and /health reports ffmpeg as Degraded.
if ! command -v ffmpeg >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null; then sudo=(sudo -n); else sudo=(false); fi
  echo "[run.sh] installing ffmpeg (video analysis)" >&2
  if ! { DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends ffmpeg; } </dev/null; then
    echo "[run.sh] could not install ffmpeg: video analysis will be unavailable (apt-get install ffmpeg)" >&2
  fi
fi

exec dotnet run --project src/PoseGen.Web -c Release --no-launch-profile -- --urls "${POSEGEN_URLS:-http://localhost:5080}" "$@"
