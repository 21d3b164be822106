#!/usr/bin/env python3
"""Packs a root file system into a one-layer image in docker-archive form (what `docker save` writes).

    docker-archive.py [--architecture amd64] <rootfs> <out.tar> <repo:tag>

The image config is the base every service image inherits (Jib keeps these of its base image):
- User 1000:1000 (non-root), JAVA_HOME=/opt/java on the PATH, working directory /app;
- a health check of the management port (MANAGEMENT_SERVER_PORT, default 9090), liveness group, in bash alone
  (no curl in the image): Docker and Compose use it; Kubernetes uses the Deployment's probes instead.
"""
import hashlib
import io
import json
import os
import sys
import tarfile
import time

HEALTH = ("exec 3<>/dev/tcp/127.0.0.1/${MANAGEMENT_SERVER_PORT:-9090} && "
          "printf 'GET /actuator/health/liveness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && "
          "grep -q '\"status\":\"UP\"' <&3")


def layer(rootfs):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for dirpath, dirnames, filenames in os.walk(rootfs):
            dirnames.sort()
            for name in sorted(dirnames) + sorted(filenames):
                full = os.path.join(dirpath, name)
                arc = os.path.relpath(full, rootfs)
                info = tar.gettarinfo(full, arcname=arc)
                if info is None:  # sockets and the like
                    continue
                info.mtime = 0
                if info.isfile():
                    with open(full, "rb") as f:
                        tar.addfile(info, f)
                else:
                    tar.addfile(info)
    return buf.getvalue()


def main():
    args = sys.argv[1:]
    architecture = "amd64"
    if args[:1] == ["--architecture"]:
        architecture, args = args[1], args[2:]
    rootfs, out, tag = args
    data = layer(rootfs)
    diff_id = "sha256:" + hashlib.sha256(data).hexdigest()
    config = {
        "architecture": architecture, "os": "linux", "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(0)),
        "config": {
            "User": "1000:1000",
            "Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "JAVA_HOME=/opt/java", "LANG=C.UTF-8"],
            "WorkingDir": "/app",
            "Healthcheck": {"Test": ["CMD", "bash", "-c", HEALTH], "Interval": 15_000_000_000,
                            "Timeout": 5_000_000_000, "StartPeriod": 60_000_000_000, "Retries": 3},
            "Labels": {"org.opencontainers.image.title": "training-suite base",
                       "org.opencontainers.image.description": "Debian minbase, a jlinked Java runtime, user 1000"},
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "deploy/images/build-base-image.sh"}],
    }
    config_bytes = json.dumps(config, indent=1).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    layer_name = diff_id.split(":")[1] + "/layer.tar"
    manifest = json.dumps([{"Config": config_name, "RepoTags": [tag], "Layers": [layer_name]}]).encode()
    with tarfile.open(out, "w") as tar:
        for name, content in ((config_name, config_bytes), (layer_name, data), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    print(f"{out}: {tag}, layer {len(data) // (1024 * 1024)} MiB")


if __name__ == "__main__":
    main()
