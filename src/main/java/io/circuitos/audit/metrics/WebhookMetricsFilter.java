package io.circuitos.audit.metrics;

import io.circuitos.intake.WebhookProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code circuitos_webhooks_total{source,status}}: every answer of {@code /api/webhooks/{source}},
 * accepted or not. A source that is not configured counts as {@code unknown}, so a caller cannot
 * create labels.
 */
public class WebhookMetricsFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/api/webhooks/";

    private final MeterRegistry registry;
    private final WebhookProperties webhooks;

    public WebhookMetricsFilter(MeterRegistry registry, WebhookProperties webhooks) {
        this.registry = registry;
        this.webhooks = webhooks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String source = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
            Counter.builder("circuitos.webhooks").description("webhook deliveries answered, by source and HTTP status")
                    .tags("source", webhooks.sources().containsKey(source) ? source : "unknown", "status", String.valueOf(response.getStatus()))
                    .register(registry).increment();
        }
    }
}
