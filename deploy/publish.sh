#!/usr/bin/env bash
# 把 dist/ 发布到网站服务器：上传到 releases/时间-提交号/，再原子地切换 current 链接（保留最近 10 个版本）。
# 三个自动流程共用它：.github/workflows/publish.yml、.gitea/workflows/publish.yml（Gitea / Forgejo）、.gitlab-ci.yml。
#
# 只发布完整的构建：没有 dist/.build-complete（npm run build 全部步骤成功后才写入，scripts/build.ts）就停止，
# 服务器上的网站不变。
#
# 环境变量（在 git 服务器的机密 / CI 变量里设置）：
#   DEPLOY_HOST DEPLOY_USER DEPLOY_PATH   服务器、ssh 用户、网站目录（nginx 的 root 指向其中的 current）
#   DEPLOY_SSH_KEY                        该用户的 ssh 私钥（内容，或 GitLab“文件”类型变量给出的文件路径）
#   DEPLOY_KNOWN_HOSTS                    服务器的 ssh 公钥行（ssh-keyscan 服务器地址 的输出）
#   DEPLOY_REVISION                       可选：提交号，用在版本文件夹名里
#   DEPLOY_SSH                            可选：代替 ssh 的命令（测试用）
set -euo pipefail
dist="${1:-dist}"

if [ ! -f "$dist/.build-complete" ] || [ ! -f "$dist/index.html" ]; then
  echo "构建不完整（缺少 $dist/.build-complete 或 $dist/index.html），不发布：服务器上的网站保持不变。" >&2
  exit 1
fi
missing=()
for name in DEPLOY_HOST DEPLOY_USER DEPLOY_PATH; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
[ -n "${DEPLOY_SSH:-}" ] || [ -n "${DEPLOY_SSH_KEY:-}" ] || missing+=(DEPLOY_SSH_KEY)
[ -n "${DEPLOY_SSH:-}" ] || [ -n "${DEPLOY_KNOWN_HOSTS:-}" ] || missing+=(DEPLOY_KNOWN_HOSTS)
if [ ${#missing[@]} -gt 0 ]; then
  echo "没有设置 ${missing[*]}：请在 git 服务器的机密（Secrets）/ CI 变量中添加（见 docs/编辑指南.md“给维护人员”）。" >&2
  exit 1
fi

if [ -n "${DEPLOY_SSH:-}" ]; then
  ssh_cmd="$DEPLOY_SSH"
else
  install -m 700 -d ~/.ssh
  if [ -f "$DEPLOY_SSH_KEY" ]; then key_file="$DEPLOY_SSH_KEY"; else
    key_file=~/.ssh/deploy_key
    printf '%s\n' "$DEPLOY_SSH_KEY" > "$key_file"
  fi
  chmod 600 "$key_file"
  printf '%s\n' "$DEPLOY_KNOWN_HOSTS" > ~/.ssh/known_hosts
  ssh_cmd="ssh -i $key_file -o StrictHostKeyChecking=yes"
fi

revision="${DEPLOY_REVISION:-local}"
release="releases/$(date -u +%Y%m%d%H%M%S)-${revision::8}"
target="$DEPLOY_USER@$DEPLOY_HOST"
# Upload next to the live version (unchanged files are hard-linked, not sent again) ...
$ssh_cmd "$target" "mkdir -p '$DEPLOY_PATH/releases'"
rsync -a --delete --exclude=.build-complete -e "$ssh_cmd" --link-dest="$DEPLOY_PATH/current/" "$dist/" "$target:$DEPLOY_PATH/$release/"
# ... then switch in one step, and keep the last 10 releases for rolling back.
$ssh_cmd "$target" "cd '$DEPLOY_PATH' && ln -sfn '$release' current.new && mv -T current.new current && ls -1d releases/* | head -n -10 | xargs -r rm -rf"
echo "已发布：$DEPLOY_PATH/$release（current 已切换到这个版本）。"
