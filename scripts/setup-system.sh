#!/usr/bin/env bash
# Installs the Debian packages the browser tests and the PDF renderer need: Chromium, CJK fonts,
# poppler-utils (pdftotext, pdftoppm), nginx (the deployment config's end-to-end test), and rsync and ssh
# (deploy/publish.sh, in CI and in its test).
# Runs before `npm test`; does nothing when they are already there.
set -euo pipefail
needed=()
command -v chromium >/dev/null 2>&1 || needed+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans CJK" || needed+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || needed+=(poppler-utils)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || needed+=(nginx)
command -v rsync >/dev/null 2>&1 || needed+=(rsync)
command -v ssh >/dev/null 2>&1 || needed+=(openssh-client)
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "缺少系统软件包：${needed[*]}。请以 root 运行：apt-get update && apt-get install -y ${needed[*]}" >&2
  exit 1
fi
echo "安装系统软件包：${needed[*]} …"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
echo "系统软件包已安装。"
