#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml). Link scrapers (social networks, chat apps) want the
# preview image's URL absolute, but the site must work from any path, so the built
# `index.html` names it relatively (`preview.png`). With HASHSHIFT_SITE_URL set to the address
# the site is served from (`https://example.org/tools/hashshift/`), this makes `og:image` and
# `twitter:image` absolute and adds `og:url`; without it, it changes nothing.
# Usage: scripts/site-url.sh [index.html] (default: Trunk's staging copy).
set -euo pipefail
site="${HASHSHIFT_SITE_URL:-}"
[ -n "$site" ] || exit 0
html="${1:-${TRUNK_STAGING_DIR:?run by trunk, or name the file}/index.html}"
# A site's address: http(s), a host, then letters, digits and `-._~:/%` (no query, no quotes),
# so that it goes into an HTML attribute and a sed replacement as it is.
if [[ ! "$site" =~ ^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~:/%-]*)?$ ]]; then
  echo "HASHSHIFT_SITE_URL must be an http:// or https:// address with a host, and only" \
    "letters, digits and -._~:/% in its path (got “$site”)" >&2
  exit 1
fi
site="${site%/}/"
# GNU sed (Debian's): `-i` without a suffix, `\n` in a replacement.
sed -i \
  -e "s|content=\"preview\.png\"|content=\"${site}preview.png\"|g" \
  -e "s|<meta property=\"og:type\"|<meta property=\"og:url\" content=\"${site}\">\n  &|" \
  "$html"
# A page whose tags changed (renamed image, minified HTML) is said, not shipped unchanged.
if [ "$(grep -c "content=\"${site}preview.png\"" "$html")" != 2 ] ||
  [ "$(grep -c 'property="og:url"' "$html")" != 1 ]; then
  echo "site-url.sh: $html lacks the og:image, twitter:image or og:type tags it rewrites" >&2
  exit 1
fi
