package io.circuitos.identity;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webapps' custom script {@code custom/logout} (named in each app's {@code scripts/config.js}): one
 * script for Tasklist, Cockpit, Admin and the welcome page that points their logout link at
 * {@code /camunda/logout}, which ends the web session and, on profile keycloak, the Keycloak session too.
 */
@RestController
public class WebappLogoutScript {

    private static final Resource SCRIPT = new ClassPathResource("circuitos/webapp-logout.js");

    @GetMapping("/camunda/app/{app:tasklist|cockpit|admin|welcome}/custom/logout.js")
    public ResponseEntity<Resource> script(@PathVariable String app) {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript")).body(SCRIPT);
    }
}
