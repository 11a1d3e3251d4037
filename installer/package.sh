#!/usr/bin/env bash
# Builds a native installer with the JDK's jpackage, around target/snapdeck.jar.
#
#   installer/package.sh [app-image|deb|rpm|msi|exe|dmg|pkg]   (default: app-image)
#
# jpackage builds only for the platform it runs on: .deb/.rpm on Linux (needs dpkg-deb or
# rpmbuild), .msi/.exe on Windows (needs WiX), .dmg/.pkg on macOS. The result goes to
# target/installer/. The bundled runtime is the JDK that runs this script (jlink'ed down to the
# modules Snapdeck needs); JavaFX travels inside snapdeck.jar.
set -euo pipefail
cd "$(dirname "$0")/.."

type="${1:-app-image}"
version="$(mvn -q help:evaluate -Dexpression=project.version -DforceStdout | sed 's/-SNAPSHOT//')"

mvn -q -DskipTests package
rm -rf target/installer target/installer-input
mkdir -p target/installer-input
cp target/snapdeck.jar target/installer-input/

icon=assets/icons/snapdeck.png
case "$type" in
    msi|exe) extra=(--win-menu --win-shortcut --win-dir-chooser) ;;
    dmg|pkg) extra=(--mac-package-name Snapdeck) ;;
    deb) extra=(--linux-shortcut --linux-menu-group Development --linux-package-name snapdeck) ;;
    rpm) extra=(--linux-shortcut --linux-package-name snapdeck) ;;
    *) extra=() ;;
esac

jpackage \
    --type "$type" \
    --name Snapdeck \
    --app-version "$version" \
    --vendor "Snapdeck" \
    --description "Run ML pipelines from snapshots" \
    --input target/installer-input \
    --main-jar snapdeck.jar \
    --main-class dev.snapdeck.Main \
    --icon "$icon" \
    --add-modules java.base,java.desktop,java.logging,java.naming,java.net.http,java.prefs,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.jfr,java.management \
    --java-options "-Xmx1g" \
    --dest target/installer \
    "${extra[@]}"

echo "Installer written to target/installer/"
