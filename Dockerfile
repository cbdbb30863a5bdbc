# Multi-stage build: compile with the Maven wrapper on a JDK 25, run on a JRE 25 as a non-root user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q --no-transfer-progress dependency:go-offline
COPY schema schema
COPY search-config search-config
COPY src src
RUN ./mvnw -B -q --no-transfer-progress -DskipTests package && cp target/htx-connect-*.jar /src/app.jar

FROM eclipse-temurin:25-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && groupadd --system htx && useradd --system --gid htx --home /app htx && mkdir -p /app && chown htx:htx /app
WORKDIR /app
COPY --from=build --chown=htx:htx /src/app.jar /app/app.jar
USER htx
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fs http://127.0.0.1:8080/actuator/health/liveness >/dev/null || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
