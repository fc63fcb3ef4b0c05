# syntax=docker/dockerfile:1
# The application image: built from source in a JDK stage, run from Spring Boot's layers on a JRE as
# a non-root user. Dependencies change less often than the code, so they form the lower layers.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /build
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl src -am -DskipTests package \
 && java -Djarmode=tools -jar src/target/eskit-app-*-SNAPSHOT.jar extract --layers --launcher --destination /layers

FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 eskit && useradd --system --uid 10001 --gid eskit --home-dir /app eskit
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
# 8443: the API over HTTPS; 8081: health and Prometheus, for the private network only
EXPOSE 8443 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
