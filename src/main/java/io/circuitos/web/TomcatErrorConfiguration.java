package io.circuitos.web;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tomcat answers what it refuses itself with {@link ApiProblemErrorReportValve} instead of its HTML page. */
@Configuration
public class TomcatErrorConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiProblemErrorReports(ServerProperties server) {
        long maxHeaderBytes = server.getMaxHttpRequestHeaderSize().toBytes();
        return factory -> factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ApiProblemErrorReportValve.class.getName());
            }
            // at the host's start, after every customizer (Spring Boot's own adds a plain ErrorReportValve): ours is the only one
            host.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ApiProblemErrorReportValve(maxHeaderBytes));
                }
            });
        });
    }
}
