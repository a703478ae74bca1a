#!/bin/sh
# Renders icon.svg to icon.png (1024px) and icons/NxN.png with headless Chromium, drawing the
# vector at each size (sharper small icons than downscaling a bitmap). Usage: sh build/render-icons.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$here/icons"
for s in 16 32 48 64 128 256 512 1024; do
  printf '<!doctype html><style>html,body{margin:0;background:transparent;overflow:hidden}img{display:block;width:%spx;height:%spx}</style><img src="file://%s/icon.svg">' \
    "$s" "$s" "$here" > "$tmp/$s.html"
  "${CHROMIUM:-chromium}" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --default-background-color=00000000 --window-size="$s,$s" --screenshot="$here/icons/${s}x${s}.png" "file://$tmp/$s.html" 2>/dev/null
done
mv "$here/icons/1024x1024.png" "$here/icon.png"
