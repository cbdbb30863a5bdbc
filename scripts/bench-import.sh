#!/usr/bin/env bash
# Times a CSV product import against a running app: generates a file of N rows (default 10,000),
# creates a cooperative through GraphQL, uploads the file to the REST endpoint and polls the report
# until it is DONE. Prints the upload answer time, the total time and rows per second.
# Usage: scripts/bench-import.sh [base-url (default http://127.0.0.1:${HTX_PORT:-8080})] [rows]
# Needs curl and jq. Every run imports into a new organization, so runs do not update each other.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

BASE="${1:-http://127.0.0.1:${HTX_PORT:-8080}}"
ROWS="${2:-10000}"
need_jq
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }

TAG="bench$(date +%s)"
TOKEN="$(admin_token "$BASE/graphql")"
ORG=$(curl -fsS "$BASE/graphql" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" -d "$(jq -n --arg name "HTX Bench $TAG" '{
  query: "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } errors { message } } }",
  variables: {input: {name: $name, kind: "COOPERATIVE", province: "Đắk Lắk"}}}')" | jq -er '.data.createOrganization.organization.id')

# Realistic mix: several categories and provinces (current, legacy, code), months ranges, certificates.
awk -v n="$ROWS" -v tag="$TAG" -v valid="$(date -d '+1 year' +%F)" 'BEGIN {
  split("Cà phê|sau rieng|Rice|TEA|Hồ tiêu|Mật ong|Thanh long|Rau hữu cơ", cat, "|");
  split("Đắk Lắk|Lâm Đồng|Bến Tre|Tiền Giang|Hà Giang|79|Sóc Trăng|Bình Thuận", prov, "|");
  print "external_ref,name,category,description,unit,price_min_vnd,price_max_vnd,min_order_qty,monthly_capacity,available_months,certifications,ocop_stars,province,lat,lon,image_urls";
  for (i = 1; i <= n; i++) {
    printf "SP-%d,Sản phẩm %s số %d,%s,\"Hàng loại %d, đóng bao 50 kg\",kg,%d,%d,10,%d,\"1-3,11,12\",VIETGAP:VG-%d:%s%s,%s,%s,,,https://example.com/anh/%d.jpg\n",
      i, tag, i, cat[i % 8 + 1], i % 3 + 1, 10000 + i, 20000 + i, 1000 + i, i, valid, (i % 5 == 0 ? ";OCOP:OC-" i : ""),
      (i % 5 == 0 ? "4" : ""), prov[i % 8 + 1], i;
  }
}' > "$WORK/products.csv"
log "Generated $ROWS rows ($(du -h "$WORK/products.csv" | cut -f1)) for organization $ORG"

START=$(now)
curl -sS -o "$WORK/answer.json" -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/products.csv;type=text/csv" \
  "$BASE/api/organizations/$ORG/product-imports" > "$WORK/status"
ANSWERED=$(now)
STATUS=$(cat "$WORK/status")
[ "$STATUS" = 201 ] || [ "$STATUS" = 202 ] || die "upload answered $STATUS: $(cat "$WORK/answer.json")"
LOCATION=$(jq -r '.location' "$WORK/answer.json")
REPORT="$WORK/answer.json"
while [ "$(jq -r '.status' "$REPORT")" != DONE ] && [ "$(jq -r '.status' "$REPORT")" != FAILED ]; do
  sleep 0.2
  curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE$LOCATION" -o "$WORK/report.json"
  REPORT="$WORK/report.json"
done
END=$(now)
jq '{status, totalRows, created, updated, unchanged, rejected, errorCount, failureMessage}' "$REPORT"
awk -v s="$START" -v a="$ANSWERED" -v e="$END" -v n="$ROWS" -v code="$STATUS" 'BEGIN {
  printf "upload answered %s in %.2f s; import finished after %.2f s: %.0f rows/s\n", code, a - s, e - s, n / (e - s) }'
[ "$(jq -r '.status' "$REPORT")" = DONE ] || exit 1
