package io.circuitos.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error answers (a request Tomcat refuses before any servlet sees it: headers over
 * {@code server.max-http-request-header-size}, a malformed request line or header) in the
 * {@link ApiProblem} shape on {@code /api/**} and when the request line could not be read at all; the
 * webapps keep Tomcat's page (without report or server details).
 */
public class ApiProblemErrorReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxHeaderBytes;

    public ApiProblemErrorReportValve() {
        this(8 * 1024);
    }

    public ApiProblemErrorReportValve(long maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (!isApi(request)) {
            super.report(request, response, throwable);
            return;
        }
        // the same conditions as Tomcat's report: an error status, nothing written yet, not reported before
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem(response.getStatus(), throwable)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }

    Map<String, Object> problem(int status, Throwable throwable) {
        String cause = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (status == 431 || cause.toLowerCase(java.util.Locale.ROOT).contains("header is too large")) {
            body.put("error", "the request's headers are larger than " + maxHeaderBytes + " bytes (server.max-http-request-header-size)");
            body.put("field", "headers");
        } else if (status == 400) {
            body.put("error", "the request cannot be read: malformed request line or headers" + (cause.isEmpty() ? "" : " (" + cause + ")"));
        } else {
            body.put("error", "the request was refused with HTTP status " + status + (cause.isEmpty() ? "" : " (" + cause + ")"));
        }
        return body;
    }

    private static boolean isApi(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        return uri == null || uri.isEmpty() || uri.equals("/api") || uri.startsWith("/api/");
    }
}
