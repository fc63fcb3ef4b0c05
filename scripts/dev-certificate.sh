#!/usr/bin/env bash
# A self-signed TLS certificate for trying the production profile locally or in docker-compose.
# Usage: scripts/dev-certificate.sh [directory]   (default: ./certs)
# Writes eskit.crt and eskit.key (PEM) for localhost, 127.0.0.1 and the compose service name "app".
# Clients must be told to trust eskit.crt (curl --cacert certs/eskit.crt ...). Never use it in production:
# point ESKIT_TLS_CERTIFICATE and ESKIT_TLS_PRIVATE_KEY at a CA-issued certificate instead.
set -euo pipefail
dir="${1:-certs}"
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 365 \
  -subj "/CN=localhost/O=ESKIT development" \
  -addext "subjectAltName=DNS:localhost,DNS:app,IP:127.0.0.1" \
  -addext "keyUsage=digitalSignature,keyEncipherment" \
  -addext "extendedKeyUsage=serverAuth" \
  -keyout "$dir/eskit.key" -out "$dir/eskit.crt" 2>/dev/null
# the application runs as a non-root user in its image; the key must be readable by it through the mount
chmod 644 "$dir/eskit.crt" "$dir/eskit.key"
echo "wrote $dir/eskit.crt and $dir/eskit.key (self-signed, valid 365 days)"
