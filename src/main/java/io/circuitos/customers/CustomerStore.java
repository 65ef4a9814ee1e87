package io.circuitos.customers;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_customer}: written by the CSV import and billing webhooks, read by the win-back
 * agent. One standard SQL {@code MERGE} (H2 and PostgreSQL alike) makes every write an upsert. A
 * churn date given by a file or billing always wins; a date the demo import assigned is kept on
 * re-import, so re-importing the same file changes nothing.
 */
public class CustomerStore {

    private static final List<String> COLUMN_NAMES = java.util.stream.Stream.of(
                    java.util.stream.Stream.of("customer_id", "name", "email"),
                    CustomerColumn.ALL.stream().map(c -> c.dbColumn),
                    java.util.stream.Stream.of("segment", "customer_value", "status", "churned_on", "churn_date_source", "updated_at"))
            .flatMap(s -> s).toList();
    private static final String COLUMNS = String.join(", ", COLUMN_NAMES);

    private static final String MERGE = "merge into circuitos_customer c using (values ("
            + "cast(? as varchar(64)), cast(? as varchar(255)), cast(? as varchar(320)), "
            + CustomerColumn.ALL.stream().map(CustomerStore::cast).collect(Collectors.joining(", "))
            + ", cast(? as varchar(32)), cast(? as decimal(12,2)), cast(? as varchar(16)), cast(? as date), cast(? as varchar(16)), "
            + "cast(? as timestamp))) as s(" + COLUMNS + ") on c.customer_id = s.customer_id "
            + "when matched then update set name = coalesce(s.name, c.name), email = coalesce(s.email, c.email), "
            + CustomerColumn.ALL.stream().map(c -> c.dbColumn + " = s." + c.dbColumn).collect(Collectors.joining(", "))
            + ", segment = s.segment, customer_value = s.customer_value, status = s.status, "
            + "churned_on = case when s.status <> 'churned' then null "
            + "  when s.churn_date_source = 'file' or c.churned_on is null then s.churned_on else c.churned_on end, "
            + "churn_date_source = case when s.status <> 'churned' then null "
            + "  when s.churn_date_source = 'file' or c.churned_on is null then s.churn_date_source else c.churn_date_source end, "
            + "updated_at = s.updated_at "
            + "when not matched then insert (" + COLUMNS + ") values ("
            + COLUMN_NAMES.stream().map(c -> "s." + c).collect(Collectors.joining(", ")) + ")";

    private final JdbcTemplate jdbc;

    public CustomerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static String cast(CustomerColumn column) {
        return switch (column.kind) {
            case CHOICE -> "cast(? as varchar(64))";
            case INTEGER -> "cast(? as integer)";
            case AMOUNT -> "cast(? as decimal(12,2))";
        };
    }

    public void upsertAll(List<Customer> customers, Instant now) {
        if (customers.isEmpty()) {
            return;
        }
        Timestamp updatedAt = Timestamp.from(now);
        jdbc.batchUpdate(MERGE, customers, customers.size(), (statement, customer) -> bind(statement, customer, updatedAt));
    }

    public void upsert(Customer customer, Instant now) {
        upsertAll(List.of(customer), now);
    }

    private static void bind(PreparedStatement statement, Customer customer, Timestamp updatedAt) throws SQLException {
        int i = 1;
        statement.setString(i++, customer.id());
        statement.setString(i++, customer.name());
        statement.setString(i++, customer.email());
        for (CustomerColumn column : CustomerColumn.ALL) {
            Object value = customer.attributes().get(column);
            switch (column.kind) {
                case CHOICE -> statement.setString(i++, (String) value);
                case INTEGER -> statement.setObject(i++, value, Types.INTEGER);
                case AMOUNT -> statement.setBigDecimal(i++, (BigDecimal) value);
            }
        }
        statement.setString(i++, customer.segment());
        statement.setBigDecimal(i++, customer.value());
        statement.setString(i++, customer.status().name().toLowerCase());
        statement.setDate(i++, customer.churnedOn() == null ? null : Date.valueOf(customer.churnedOn()));
        statement.setString(i++, customer.churnDateSource());
        statement.setTimestamp(i, updatedAt);
    }

    public Optional<Customer> find(String customerId) {
        return jdbc.query("select * from circuitos_customer where customer_id = ?", (rs, row) -> read(rs), customerId)
                .stream().findFirst();
    }

    /** The customer with this email address (exactly as stored); the first by id when several share one. */
    public Optional<Customer> findByEmail(String email) {
        return jdbc.query("select * from circuitos_customer where email = ? order by customer_id", (rs, row) -> read(rs), email)
                .stream().findFirst();
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from circuitos_customer", Long.class);
        return count == null ? 0 : count;
    }

    /** Customers who churned on or after {@code since}. */
    public void forEachChurnedSince(LocalDate since, Consumer<Customer> action) {
        jdbc.query("select * from circuitos_customer where status = 'churned' and churned_on >= ? order by customer_id",
                rs -> {
                    action.accept(read(rs));
                }, Date.valueOf(since));
    }

    public void forEachActive(Consumer<Customer> action) {
        jdbc.query("select * from circuitos_customer where status = 'active' order by customer_id", rs -> {
            action.accept(read(rs));
        });
    }

    private static Customer read(ResultSet rs) throws SQLException {
        Map<CustomerColumn, Object> attributes = new EnumMap<>(CustomerColumn.class);
        for (CustomerColumn column : CustomerColumn.ALL) {
            Object value = switch (column.kind) {
                case CHOICE -> rs.getString(column.dbColumn);
                case INTEGER -> rs.getObject(column.dbColumn) == null ? null : rs.getInt(column.dbColumn);
                case AMOUNT -> rs.getBigDecimal(column.dbColumn);
            };
            if (value != null) {
                attributes.put(column, value);
            }
        }
        Date churnedOn = rs.getDate("churned_on");
        return new Customer(rs.getString("customer_id"), rs.getString("name"), rs.getString("email"), attributes,
                Customer.Status.valueOf(rs.getString("status").toUpperCase()),
                churnedOn == null ? null : churnedOn.toLocalDate(), rs.getString("churn_date_source"));
    }
}
