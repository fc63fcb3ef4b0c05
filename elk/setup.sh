#!/bin/sh
# One-shot setup of the compose topology's ELK, run by the services elk-setup and kibana-setup.
#   setup.sh elasticsearch: the kibana_system password, Logstash's writer role and user, the index template
#   setup.sh kibana:        the data view, saved search, visualizations and dashboard (saved-objects.ndjson)
# Every call is idempotent, so a re-run after `docker compose up` changes nothing.
set -eu
ES=http://elasticsearch:9200
KIBANA=http://kibana:5601
AUTH="elastic:${ELASTIC_PASSWORD}"

call() { # method url [curl args...]: fails on any HTTP status >= 400
  method=$1; url=$2; shift 2
  curl --silent --show-error --fail-with-body -u "$AUTH" -X "$method" "$url" "$@"
  echo
}

case "${1:-}" in
  elasticsearch)
    until curl --silent --fail -u "$AUTH" "$ES/_cluster/health?wait_for_status=yellow&timeout=5s" >/dev/null; do
      echo "waiting for Elasticsearch"; sleep 5
    done
    call POST "$ES/_security/user/kibana_system/_password" -H 'Content-Type: application/json' \
      -d "{\"password\":\"${KIBANA_SYSTEM_PASSWORD}\"}"
    call PUT "$ES/_security/role/eskit_logs_writer" -H 'Content-Type: application/json' \
      --data-binary @/elk/elasticsearch/logstash-writer-role.json
    call PUT "$ES/_security/user/logstash_writer" -H 'Content-Type: application/json' \
      -d "{\"password\":\"${LOGSTASH_WRITER_PASSWORD}\",\"roles\":[\"eskit_logs_writer\"]}"
    call PUT "$ES/_index_template/eskit-logs" -H 'Content-Type: application/json' \
      --data-binary @/elk/elasticsearch/index-template.json
    ;;
  kibana)
    until curl --silent --fail -u "$AUTH" "$KIBANA/api/status" | grep -q '"level":"available"'; do
      echo "waiting for Kibana"; sleep 5
    done
    # the import answers 200 even when an object fails; its body says whether all succeeded
    call POST "$KIBANA/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: eskit-setup' \
      --form file=@/elk/kibana/saved-objects.ndjson | tee /dev/stderr | grep -q '"success":true'
    ;;
  *)
    echo "usage: setup.sh elasticsearch|kibana" >&2; exit 2
    ;;
esac
