package io.circuitos.models;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code circuitos_model_promotion}: the audit of every promotion and rollback, newest first when read. */
public class PromotionStore {

    private final JdbcTemplate jdbc;

    public PromotionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Promotion promotion) {
        jdbc.update("insert into circuitos_model_promotion (id, model_name, action, from_version, to_version, by_user, reason, at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), promotion.modelName(), promotion.action(),
                promotion.fromVersion(), promotion.toVersion(), promotion.byUser(), promotion.reason(), Timestamp.from(promotion.at()));
    }

    public List<Promotion> of(String modelName) {
        return jdbc.query("select * from circuitos_model_promotion where model_name = ? order by at desc",
                (rs, row) -> new Promotion(rs.getString("model_name"), rs.getString("action"), rs.getString("from_version"),
                        rs.getString("to_version"), rs.getString("by_user"), rs.getString("reason"), rs.getTimestamp("at").toInstant()),
                modelName);
    }
}
