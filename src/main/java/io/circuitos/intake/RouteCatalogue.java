package io.circuitos.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The webhook routes, one file per agent in the top-level {@code routes/} folder (packaged into the jar
 * beside {@code processes/} and {@code prompts/}): each file holds {@code routes:}, a list of {@link Route}s
 * written as the keys of {@link Route} and {@link FieldMapping} in kebab case. Sources and their secrets are
 * not routes: they stay in the application's settings ({@link WebhookProperties}).
 *
 * <p>Every file is read at start; a file that cannot be read, a key no route has (a typo), a route that
 * could not work and an event type routed twice are {@link #problems()} naming the file, all at once.
 */
public final class RouteCatalogue {

    /** Where the shipped routes are: {@code routes/*.yaml} on the class path. */
    public static final String SHIPPED = "classpath*:routes/*.yaml";

    private record Entry(String file, Route route) {
    }

    private final List<Entry> entries;
    private final List<String> readProblems;

    private RouteCatalogue(List<Entry> entries, List<String> readProblems) {
        this.entries = List.copyOf(entries);
        this.readProblems = List.copyOf(readProblems);
    }

    /** The routes packaged with circuitos. */
    public static RouteCatalogue shipped() {
        return read(SHIPPED);
    }

    /** The route files a resource pattern finds, e.g. {@code classpath:hostile-runtime/routes/*.yaml}. */
    public static RouteCatalogue read(String pattern) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String file = fileName(resource);
                try {
                    readFile(resource, file).forEach(route -> entries.add(new Entry(file, route)));
                } catch (RouteFileException e) {
                    problems.add(file + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the route files " + pattern, e);
        }
        return new RouteCatalogue(entries, problems);
    }

    /** Routes built in code (tests), reported as coming from {@code source}. */
    public static RouteCatalogue of(String source, List<Route> routes) {
        return new RouteCatalogue(routes.stream().map(route -> new Entry(source, route)).toList(), List.of());
    }

    public List<Route> routes() {
        return entries.stream().map(Entry::route).toList();
    }

    /** The route of an event type. */
    public Optional<Route> route(String type) {
        return entries.stream().map(Entry::route).filter(route -> route.type() != null && route.type().equals(type)).findFirst();
    }

    /** Everything that keeps these routes from working, each naming its file and the key to fix. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(readProblems);
        Map<String, String> fileByType = new LinkedHashMap<>();
        for (Entry entry : entries) {
            entry.route().problems().forEach(problem -> problems.add(entry.file() + ": " + problem));
            String type = entry.route().type();
            String earlier = type == null ? null : fileByType.putIfAbsent(type, entry.file());
            if (earlier != null) {
                problems.add(entry.file() + ": event type " + type + " is routed again (first in " + earlier + "): one route per type");
            }
        }
        return problems;
    }

    private static List<Route> readFile(Resource resource, String file) {
        List<PropertySource<?>> yaml;
        try {
            yaml = new YamlPropertySourceLoader().load(file, resource);
        } catch (IOException | RuntimeException e) {
            throw new RouteFileException("is not readable YAML: " + rootMessage(e));
        }
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml));
        try {
            BindHandler everyKeyKnown = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
            List<Route> routes = binder.bind("routes", Bindable.listOf(Route.class), everyKeyKnown).orElse(List.of());
            if (routes.isEmpty()) {
                throw new RouteFileException("holds no routes: write them as a list under routes:");
            }
            return routes;
        } catch (BindException e) {
            throw new RouteFileException(bindProblem(e));
        }
    }

    /** "cannot read routes[0].fields[1].type 'numbr' (line 8): must be one of ...", or the keys no route has. */
    private static String bindProblem(BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unknown) {
            return unknown.getUnboundProperties().stream().map(property -> property.getName() + line(property))
                    .collect(Collectors.joining(", ", "unknown key ", "")) + ": a route has only " + ROUTE_KEYS
                    + ", a field only " + FIELD_KEYS;
        }
        ConfigurationProperty property = e.getProperty();
        Class<?> target = e.getTarget().getType().resolve();
        String reason = target != null && target.isEnum()
                ? "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", "))
                : rootMessage(e);
        return property == null ? "cannot read " + e.getName() + ": " + reason
                : "cannot read " + property.getName() + " '" + property.getValue() + "'" + line(property) + ": " + reason;
    }

    private static final String ROUTE_KEYS = keys(Route.class);
    private static final String FIELD_KEYS = keys(FieldMapping.class);

    /** A record's components as a route file writes them: "process-key, message, ...". */
    private static String keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(c -> c.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static String line(ConfigurationProperty property) {
        Origin origin = property.getOrigin();
        while (origin instanceof PropertySourceOrigin wrapped) {
            origin = wrapped.getOrigin();
        }
        return origin instanceof TextResourceOrigin text && text.getLocation() != null ? " (line " + (text.getLocation().getLine() + 1) + ")" : "";
    }

    /** The innermost message on one line (YAML parsers point at the spot over several). */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** "routes/lost-opportunity.yaml", whatever jar or directory the file came from. */
    private static String fileName(Resource resource) {
        try {
            String url = resource.getURL().toString();
            int at = url.lastIndexOf("/routes/");
            return at >= 0 ? url.substring(at + 1) : resource.getFilename();
        } catch (IOException e) {
            return resource.getFilename();
        }
    }

    private static final class RouteFileException extends RuntimeException {
        RouteFileException(String message) {
            super(message);
        }
    }
}
