# syntax=docker/dockerfile:1
# The application image: built from source in a JDK stage, run from Spring Boot's layers on a JRE as
# a non-root user. Dependencies change less often than the code, so they form the lower layers. A
# class data sharing archive, made by a training run at build time, halves the start-up (bench S1).
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl src -am -DskipTests package \
 && cp src/target/eskit-app-*-SNAPSHOT.jar application.jar \
 && java -Djarmode=tools -jar application.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 eskit && useradd --system --uid 10001 --gid eskit --home-dir /app eskit
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# the training run starts the embedded default up to the refreshed context (no database or broker
# needed) and records the classes it loaded; its H2 files are thrown away
RUN java -XX:+UseParallelGC -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh -jar application.jar \
 && rm -rf data
USER 10001:10001
# 8443: the API over HTTPS; 8081: health and Prometheus, for the private network only
EXPOSE 8443 8081
# The throughput collector: on the few cores a replica gets, G1's barriers and concurrent threads cost
# W1 9-14 % of its creates a second; with the log's head in a ring (LogHeadEventStore) little survives
# a young collection, so its pauses stay near 10 ms.
ENTRYPOINT ["java", "-XX:SharedArchiveFile=application.jsa", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "application.jar"]
