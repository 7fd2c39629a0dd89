#!/usr/bin/env bash
# Times SparkCounts (both paths) against in-process counting: builds the spark module and its class path (Spark
# included: it is `provided`), then runs org.shannon4j.spark.bench.SparkCountsBench with the JVM options of the
# pom property spark.jvm.options (what spark-submit would add). Arguments go to the harness:
#   rows (1000000) columns (20) levels (10) master (local[2]) repetitions (7) compressed-cache (false)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
source bin/select-jdk
cp_file="$root/spark/target/bench-counts.classpath"
mvn -q -B ${MVN_OFFLINE--o} compile dependency:build-classpath -pl spark -am -Dmaven.javadoc.skip=true \
    -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
opts="$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' spark/pom.xml)"
# shellcheck disable=SC2086 # the options are a space-separated list
SPARK_LOCAL_IP=127.0.0.1 exec "$JAVA_HOME/bin/java" $opts -Xmx6g \
    -cp "$root/spark/target/classes:$(cat "$cp_file")" org.shannon4j.spark.bench.SparkCountsBench "$@"
