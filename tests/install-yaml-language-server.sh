#!/bin/sh
# Install the YAML language server that tests/test_editor_lsp.py drives (the server behind the
# YAML extension of VS Code and other editors), from the npm registry, outside the repository.
#
# Idempotent and harmless elsewhere: it does something only when that version is missing and
# npm exists; otherwise it does nothing and exits 0. The test then skips, unless CI is set and
# Node.js is there, in which case it fails: CI cannot silently skip it.
VERSION=1.25.0
DIR="${CLAIMCHECK_TEST_TOOLS:-${HOME:-/tmp}/.cache/claimcheck-test-tools}/yaml-language-server"
if grep -qs "\"version\": \"$VERSION\"" "$DIR/node_modules/yaml-language-server/package.json"; then
    exit 0
fi
if command -v npm >/dev/null 2>&1; then
    mkdir -p "$DIR"
    if ! npm install --prefix "$DIR" --no-audit --no-fund --no-save "yaml-language-server@$VERSION" >/dev/null; then
        echo "tests/install-yaml-language-server.sh: could not install yaml-language-server; the editor test will skip (or fail under CI)" >&2
    fi
fi
exit 0
