# shellcheck shell=bash
# picbed launcher, TLS part (sourced by ./picbed): certificates for links between sites.
#   ./picbed start --sites bj,sh --tls   one site CA for this PICBED_HOME (tls/ca.p12, its certificate tls/ca.pem and
#                                        the trust store tls/truststore.p12) and per site a key store tls/<site>.p12
#                                        (EC P-256, SAN 127.0.0.1, localhost, <site> and PICBED_TLS_HOSTS), made with
#                                        the JDK's keytool; peers are then https://host:<8443 + offset>
# An operator's own certificates: PICBED_TLS_KEYSTORE (PKCS12 with the site's key and chain) and
# PICBED_TLS_KEYSTORE_PASSWORD, PICBED_TLS_TRUSTSTORE (PKCS12 of the CAs to trust) and PICBED_TLS_TRUSTSTORE_PASSWORD,
# with https:// URLs in PICBED_PEERS (docs/sites.md).

TLS_DIR="$PICBED_HOME/tls"

tls_ca() {
  [[ -f $TLS_DIR/truststore.p12 ]] && return 0
  local pw=${GENERATED_TLS_PASSWORD:?}
  step "making the site CA (tls/ca.pem) for links between sites"
  mkdir -p "$TLS_DIR" && chmod 700 "$TLS_DIR"
  keytool -genkeypair -alias ca -keyalg EC -groupname secp256r1 -dname "CN=picbed site CA" -validity 3650 \
    -ext bc:c -ext ku:c=keyCertSign,cRLSign -keystore "$TLS_DIR/ca.p12" -storetype PKCS12 -storepass "$pw" 2>/dev/null
  keytool -exportcert -rfc -alias ca -keystore "$TLS_DIR/ca.p12" -storepass "$pw" -file "$TLS_DIR/ca.pem" 2>/dev/null
  keytool -importcert -noprompt -alias picbed-site-ca -file "$TLS_DIR/ca.pem" -keystore "$TLS_DIR/truststore.p12" \
    -storetype PKCS12 -storepass "$pw" 2>/dev/null
}

tls_site_keystore() { # site
  local ks="$TLS_DIR/$1.p12" pw=${GENERATED_TLS_PASSWORD:?} san="ip:127.0.0.1,dns:localhost,dns:$1" h
  [[ -f $ks ]] && return 0
  for h in ${PICBED_TLS_HOSTS:+${PICBED_TLS_HOSTS//,/ }}; do
    if [[ $h =~ ^[0-9.]+$ || $h == *:* ]]; then san+=",ip:$h"; else san+=",dns:$h"; fi
  done
  keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -dname "CN=$1" -validity 825 \
    -keystore "$ks" -storetype PKCS12 -storepass "$pw" 2>/dev/null
  keytool -certreq -alias server -keystore "$ks" -storepass "$pw" 2>/dev/null \
    | keytool -gencert -alias ca -keystore "$TLS_DIR/ca.p12" -storepass "$pw" -rfc -validity 825 \
        -ext "san=$san" -ext ku:c=digitalSignature -ext eku=serverAuth 2>/dev/null > "$TLS_DIR/$1.pem"
  keytool -importcert -noprompt -alias ca -file "$TLS_DIR/ca.pem" -keystore "$ks" -storepass "$pw" 2>/dev/null
  keytool -importcert -alias server -file "$TLS_DIR/$1.pem" -keystore "$ks" -storepass "$pw" 2>/dev/null > /dev/null
  chmod 600 "$ks"
}

# the https listener's certificate for this node: the operator's or the site's key store, else none (WildFly makes a
# self-signed one, with this data dir's password, if https is used at all)
tls_install() {
  local target="$BASE/configuration/application.keystore"
  if [[ -n ${PICBED_TLS_KEYSTORE:-} ]]; then
    [[ -f $PICBED_TLS_KEYSTORE ]] || die "PICBED_TLS_KEYSTORE: no such file $PICBED_TLS_KEYSTORE"
    install -m 600 "$PICBED_TLS_KEYSTORE" "$target"
  else
    rm -f "$target"
  fi
}
