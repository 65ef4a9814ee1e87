# Runtime image for circuitos; build the jar first: mvn -B -DskipTests package
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/circuitos.jar /app/circuitos.jar
ENV WEKA_HOME=/tmp/wekafiles
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/circuitos.jar"]
