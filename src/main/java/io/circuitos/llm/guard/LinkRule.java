package io.circuitos.llm.guard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links to anywhere but the hosts of {@code circuitos.llm.guard.allowed-url-hosts} (a host or any of
 * its sub-domains): URLs with a scheme, {@code www.} names, bare domains ({@code evil.example/login})
 * and scheme-only links ({@code data:}, {@code javascript:}, {@code mailto:}), which are never allowed.
 * Dotted names whose last part is a file type ({@code application.yaml}) are not read as domains; other
 * dotted names are, so a configuration key in an answer sends it to a person rather than risk a link.
 */
public final class LinkRule implements GuardRule {

    private static final Pattern WITH_HOST = Pattern.compile("(?i)\\b(?:https?|ftps?|wss?)://([^\\s/?#<>\"'()\\[\\]]+)[^\\s<>\"']*");
    private static final Pattern NO_HOST = Pattern.compile("(?i)(?<![\\w.-])(data|javascript|vbscript|file|mailto|tel|sms|blob):\\S*");
    private static final Pattern BARE = Pattern.compile(
            "(?i)(?<![\\w@.\\-/:])((?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+(?:[\\p{L}]{2,24}|xn--[a-z0-9-]{1,59}))(?![\\w@-])((?::\\d{1,5})?/[^\\s<>\"']*)?");
    private static final Set<String> FILE_TYPES = Set.of("yaml", "yml", "json", "bpmn", "dmn", "form", "csv", "txt", "xml",
            "properties", "jar", "java", "log", "sql", "html");

    private final List<String> allowedHosts;

    public LinkRule(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT).strip()).filter(h -> !h.isEmpty()).toList();
    }

    @Override
    public List<Violation> check(String field, String raw, String normalized, GuardContext context) {
        Set<String> refused = new LinkedHashSet<>();
        String rest = normalized;
        Matcher withHost = WITH_HOST.matcher(rest);
        while (withHost.find()) {
            String host = withHost.group(1).replaceFirst("^.*@", "").replaceFirst(":\\d+$", "");
            if (!allowed(host)) {
                refused.add(host.toLowerCase(Locale.ROOT));
            }
        }
        rest = withHost.replaceAll(" ");
        Matcher noHost = NO_HOST.matcher(rest);
        while (noHost.find()) {
            refused.add("a " + noHost.group(1).toLowerCase(Locale.ROOT) + ": address");
        }
        rest = noHost.replaceAll(" ");
        Matcher bare = BARE.matcher(rest);
        while (bare.find()) {
            String host = bare.group(1).toLowerCase(Locale.ROOT);
            boolean fileName = bare.group(2) == null && FILE_TYPES.contains(host.substring(host.lastIndexOf('.') + 1));
            if (!fileName && !allowed(host)) {
                refused.add(host);
            }
        }
        List<Violation> violations = new ArrayList<>();
        for (String target : refused) {
            violations.add(new Violation(Category.LINK, field, "contains a link to " + target + ", which is not an allowed address"));
        }
        return violations;
    }

    private boolean allowed(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(a -> lower.equals(a) || lower.endsWith("." + a));
    }
}
