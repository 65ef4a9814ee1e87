package io.circuitos.engine.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a deployment upload larger than the deployment limit before any of it is read: the engine REST API
 * reads the whole multipart body into memory before the guard sees it. A body without a length (chunked) is
 * refused too, since its size is unknown until it has been read.
 */
public class DeploymentUploadLimit extends OncePerRequestFilter {

    /** Multipart framing around the resources: boundaries, headers, the deployment name. */
    private static final long FRAMING_ALLOWANCE = 64 * 1024;

    private final DeploymentLimits limits;

    public DeploymentUploadLimit(DeploymentLimits limits) {
        this.limits = limits;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long allowed = limits.maxDeploymentBytes() + FRAMING_ALLOWANCE;
        if (length < 0 || length > allowed) {
            response.setStatus(length < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            String message = length < 0 ? "a deployment upload needs a Content-Length"
                    : "the deployment upload has " + length + " bytes, over the limit of " + limits.maxDeploymentBytes() + " bytes ("
                    + DeploymentLimits.property("max-deployment-bytes") + ")";
            response.getWriter().write("{\"type\":\"DeploymentRefused\",\"status\":" + response.getStatus() + ",\"message\":\""
                    + message + "\",\"limit\":\"" + DeploymentLimits.property("max-deployment-bytes") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
