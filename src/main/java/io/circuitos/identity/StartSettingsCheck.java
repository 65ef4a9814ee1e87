package io.circuitos.identity;

import io.circuitos.intake.RouteCatalogue;
import io.circuitos.intake.WebhookProperties;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.core.env.Environment;

/**
 * Checks the settings a start needs and refuses it with all that are missing at once
 * ({@link MissingSettingsException}), as a bean factory post-processor: before any bean exists, so
 * before the engine or Flyway create a schema and before the web server starts. Only reads: the
 * database is asked whether an administrator already exists, nothing else.
 */
public class StartSettingsCheck implements BeanFactoryPostProcessor {

    static final int ADMIN_PASSWORD_MIN_LENGTH = 12;

    private final Environment environment;

    public StartSettingsCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = new ArrayList<>();
        Binder binder = Binder.get(environment);
        IdentityProperties.Identity identity = binder.bindOrCreate("circuitos", IdentityProperties.class).identity();
        problems.addAll(binder.bindOrCreate("circuitos.webhooks", WebhookProperties.class).problems(RouteCatalogue.shipped()));
        if (setAnywhere(ConfigurationPropertyName.of("circuitos.webhooks.routes"))) {
            problems.add("circuitos.webhooks.routes is set, but routes are read from routes/<agent>.yaml only: move them into a route file");
        }
        boolean keycloak = Arrays.asList(environment.getActiveProfiles()).contains("keycloak");
        if (keycloak) {
            requireSet(problems, "circuitos.keycloak.url", "CIRCUITOS_KEYCLOAK_URL", "Keycloak's base URL, e.g. http://localhost:8180");
            requireSet(problems, "circuitos.keycloak.client-secret", "CIRCUITOS_KEYCLOAK_CLIENT_SECRET", "the circuitos client's secret");
        } else if (identity.requireAdmin()) {
            checkAdministrator(problems, identity.initialAdmin());
        }
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    private boolean setAnywhere(ConfigurationPropertyName name) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    private void requireSet(List<String> problems, String property, String variable, String meaning) {
        if (blank(environment.getProperty(property))) {
            problems.add(variable + " (" + property + ") is not set: " + meaning);
        }
    }

    /** The engine's default resource-id pattern ({@code generalResourceWhitelistPattern}) for a new user. */
    private static final String USER_ID = "[a-zA-Z0-9]+";

    /** The first administrator: needed until one exists (then the variables may go). */
    private void checkAdministrator(List<String> problems, IdentityProperties.InitialAdmin admin) {
        String user = admin.user();
        String password = admin.password();
        AdminState state;
        try {
            state = adminState(user);
        } catch (SQLException e) {
            problems.add("CIRCUITOS_DB_URL, CIRCUITOS_DB_USER, CIRCUITOS_DB_PASSWORD (spring.datasource.*): cannot connect to "
                    + environment.getProperty("spring.datasource.url") + ": " + e.getMessage());
            return;
        }
        if (!blank(user) && !state.userExists() && !user.matches(USER_ID)) {
            problems.add("CIRCUITOS_ADMIN_USER (circuitos.identity.initial-admin.user) '" + user
                    + "' is not a valid user id: letters and digits only");
        } else if (blank(user) && !state.adminExists()) {
            problems.add("No administrator exists on the built-in identity: set CIRCUITOS_ADMIN_USER and CIRCUITOS_ADMIN_PASSWORD "
                    + "(circuitos.identity.initial-admin.user / .password, at least " + ADMIN_PASSWORD_MIN_LENGTH + " characters), "
                    + "or use profile keycloak");
        } else if (!blank(user) && !state.userExists() && (password == null || password.length() < ADMIN_PASSWORD_MIN_LENGTH)) {
            problems.add("CIRCUITOS_ADMIN_PASSWORD (circuitos.identity.initial-admin.password) for the new administrator '" + user
                    + "' must have at least " + ADMIN_PASSWORD_MIN_LENGTH + " characters");
        }
    }

    private record AdminState(boolean adminExists, boolean userExists) {
    }

    private AdminState adminState(String user) throws SQLException {
        // one plain connection, no pool, with the login the application's data source will use (it does not exist yet)
        DataSourceProperties login = Binder.get(environment).bindOrCreate("spring.datasource", DataSourceProperties.class);
        login.setBeanClassLoader(StartSettingsCheck.class.getClassLoader());
        try {
            login.afterPropertiesSet();
        } catch (Exception e) {
            throw new SQLException("spring.datasource is not usable: " + e.getMessage(), e);
        }
        javax.sql.DataSource database = login.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
        try (Connection connection = database.getConnection()) {
            return new AdminState(count(connection, "select count(*) from ACT_ID_MEMBERSHIP where GROUP_ID_ = ?", Groups.ADMINS) > 0,
                    !blank(user) && count(connection, "select count(*) from ACT_ID_USER where ID_ = ?", user) > 0);
        }
    }

    /** 0 when the table does not exist yet (a fresh database: the engine creates it later). */
    private static long count(Connection connection, String sql, String argument) {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, argument);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException noTableYet) {
            return 0;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
