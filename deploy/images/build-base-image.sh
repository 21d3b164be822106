#!/usr/bin/env bash
# Builds the base image every service image starts from, without a Docker daemon or a registry: a minimal
# Debian (debootstrap, from Debian's own package mirror), a Java runtime made with jlink from the JDK 21+
# this machine has, a non-root user (1000) and a health check on the management port. Written as a
# docker-archive tarball (the format `docker save` writes and Jib reads as `tar://...`).
#
#   deploy/images/build-base-image.sh            -> deploy/images/target/base-image.tar
#
# Where a registry is reachable the images can start from a public one instead (see README.md): this script
# is for machines, like CI's, that reach only package registries. Needs root (debootstrap) and python3.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd -P)"
root="$(cd "$here/../.." && pwd -P)"
out="$here/target"
work="$out/base"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
java_home="$("$root/scripts/java-home")"

command -v debootstrap >/dev/null || { echo "needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
[[ $(id -u) == 0 ]] || { echo "needs root (debootstrap)" >&2; exit 1; }

rm -rf "$work" && mkdir -p "$work"
echo "debootstrap $suite (minbase) from $mirror..."
# packages are verified against Debian's archive keys (debian-archive-keyring); without them, refuse
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -f $keyring ]] || { echo "needs $keyring (apt-get install debian-archive-keyring)" >&2; exit 1; }
debootstrap --keyring="$keyring" --variant=minbase --include=ca-certificates,tzdata "$suite" "$work/rootfs" "$mirror" \
  >"$out/debootstrap.log" 2>&1 \
  || { tail -20 "$out/debootstrap.log" >&2; exit 1; }
# what a runtime image does not need
rm -rf "$work/rootfs"/var/cache/apt/* "$work/rootfs"/var/lib/apt/lists/* "$work/rootfs"/usr/share/doc/* \
       "$work/rootfs"/usr/share/man/* "$work/rootfs"/usr/share/locale/* "$work/rootfs"/var/log/*

echo "jlink a Java runtime from $java_home..."
# every module of the JDK but the development tools (javac, jshell, jlink itself...): what any service may use
modules="$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -Ev '^jdk\.(compiler|jshell|jlink|jpackage|javadoc|jdeps|jartool|jcmd|jconsole|jstatd|editpad|internal\.(ed|le|opt|jvmstat)|hotspot\.agent|jdi|jdwp\.agent|random)$' | paste -sd, -)"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$work/rootfs/opt/java"

# no set-user-id or set-group-id programs: nothing in the image may gain privileges
find "$work/rootfs" -xdev -type f -perm /6000 -exec chmod ug-s {} +

# the user the services run as (the Kubernetes manifests say runAsUser 1000 too)
echo "app:x:1000:1000:training suite service:/app:/usr/sbin/nologin" >>"$work/rootfs/etc/passwd"
echo "app:x:1000:" >>"$work/rootfs/etc/group"
mkdir -p "$work/rootfs/app" "$work/rootfs/tmp" && chmod 1777 "$work/rootfs/tmp"

arch="$(dpkg --print-architecture 2>/dev/null || echo amd64)"   # the JRE is this machine's: so is the image
python3 "$here/docker-archive.py" --architecture "$arch" "$work/rootfs" "$out/base-image.tar" "training-suite/base:$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
echo "$out/base-image.tar"
