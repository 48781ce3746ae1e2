#!/usr/bin/env bash
# Signs a request the way the README's "Signed requests" section shows, with nothing but bash and openssl, and prints
# the three header lines. Inputs (environment): METHOD, URL, BODY, KEYID, NOW, and KEY (a private key PEM file, for
# ed25519 / ecdsa-p256-sha256 / rsa-pss-sha512) or SECRET (the Base64 HMAC secret), and ALG.
set -euo pipefail
DIGEST="sha-256=:$(printf %s "$BODY" | openssl dgst -sha256 -binary | openssl base64 -A):"
PARAMS="(\"@method\" \"@target-uri\" \"content-digest\");created=$NOW;keyid=\"$KEYID\""
BASE=$(mktemp)
trap 'rm -f "$BASE" "$BASE.sig"' EXIT
printf '"@method": %s\n"@target-uri": %s\n"content-digest": %s\n"@signature-params": %s' \
  "$METHOD" "$URL" "$DIGEST" "$PARAMS" > "$BASE"
case "$ALG" in
  ed25519)
    openssl pkeyutl -sign -inkey "$KEY" -rawin -in "$BASE" -out "$BASE.sig" ;;
  hmac-sha256)
    HEX=$(printf %s "$SECRET" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \n')
    openssl dgst -sha256 -mac HMAC -macopt "hexkey:$HEX" -binary -out "$BASE.sig" "$BASE" ;;
  rsa-pss-sha512)
    openssl dgst -sha512 -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:64 -sigopt rsa_mgf1_md:sha512 \
      -sign "$KEY" -out "$BASE.sig" "$BASE" ;;
  ecdsa-p256-sha256)
    # openssl writes DER; RFC 9421 §3.3.4 wants r || s, each 32 bytes big-endian
    openssl dgst -sha256 -sign "$KEY" -out "$BASE.der" "$BASE"
    RS=""
    for H in $(openssl asn1parse -inform DER -in "$BASE.der" | awk -F: '/INTEGER/ {print $NF}'); do
      H=${H#00}
      RS="$RS$(printf '%64s' "$H" | tr ' ' 0)"
    done
    rm -f "$BASE.der"
    printf "$(printf %s "$RS" | sed 's/../\\x&/g')" > "$BASE.sig" ;;
esac
echo "Content-Digest: $DIGEST"
echo "Signature-Input: sig1=$PARAMS"
echo "Signature: sig1=:$(openssl base64 -A -in "$BASE.sig"):"
