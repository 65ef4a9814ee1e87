package io.circuitos.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * circuitos' own pages (the trail, the sign-in page, their messages): one shell with the shared
 * style sheet and nothing inline, so {@link #CONTENT_SECURITY_POLICY} holds without exceptions.
 */
public final class HtmlPage {

    /**
     * No script at all, styles and images from circuitos only, forms post back to it only, framed by
     * its own pages only (Tasklist may embed the trail, nobody else).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";
    public static final String STYLE_SHEET = "/circuitos/circuitos.css";

    private HtmlPage() {
    }

    /** @param title plain text; @param body HTML the caller escaped */
    public static String of(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + escape(title) + "</title><link rel=\"stylesheet\" href=\"" + STYLE_SHEET + "\"></head><body>" + body + "</body></html>";
    }

    /** A page with one message, e.g. a refusal; @param html the message, escaped by the caller. */
    public static ResponseEntity<String> message(HttpStatus status, String title, String html) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(of(title, "<p class=\"message\">" + html + "</p>"));
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text);
    }
}
