# syntax=docker/dockerfile:1
# One image per service, all built from this file (docker-compose.yml does it for every service):
#   docker build --build-arg SERVICE=hiring-service -t representation-monitor/hiring-service .
# SERVICE: hiring-service, promotion-service, mentorship-service, representation-service, alert-service,
# workforce-simulator. The build stage compiles the project once (tests are CI's job: .ci/run); each image holds
# one runnable jar on a JRE, runs as an unprivileged user and answers health on /actuator/health/readiness.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests package \
      -pl services/hiring-service,services/promotion-service,services/mentorship-service,services/representation-service,services/alert-service,services/workforce-simulator -am \
 && mkdir /out \
 && for service in hiring-service promotion-service mentorship-service representation-service alert-service workforce-simulator; do \
      jar=services/$service/target/$service-exec.jar; \
      [ -f "$jar" ] || jar=services/$service/target/$service.jar; \
      cp "$jar" "/out/$service.jar"; \
    done

FROM eclipse-temurin:17-jre
ARG SERVICE
RUN test -n "$SERVICE" || (echo "build with --build-arg SERVICE=<service>" && exit 1) \
 && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app monitor \
 && mkdir -p /var/lib/representation-monitor && chown monitor /var/lib/representation-monitor
WORKDIR /app
COPY --from=build /out/${SERVICE}.jar /app/app.jar
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
