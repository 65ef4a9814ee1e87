package io.circuitos.outcomes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code circuitos_run_outcome}: one outcome per run, the score it recorded beside it; {@code circuitos_outcome_score}: the
 * scores its model's challengers gave the same run in shadow.
 */
public class OutcomeStore {

    private final JdbcTemplate jdbc;

    public OutcomeStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the run's outcome. Throws {@link org.springframework.dao.DuplicateKeyException} when the run has one already
     * (a concurrent delivery): the intake runs the delivery again, which then finds it.
     */
    public void insert(RunOutcome outcome) {
        jdbc.update("insert into circuitos_run_outcome (process_instance_id, process_key, business_key, outcome, positive, model_name, "
                        + "model_version, probability, score, event_type, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                outcome.processInstanceId(), outcome.processKey(), outcome.businessKey(), outcome.outcome(), outcome.positive(),
                outcome.modelName(), outcome.modelVersion(), outcome.probability(), outcome.score(), outcome.eventType(),
                Timestamp.from(outcome.recordedAt()));
    }

    /** A challenger's shadow score of a labelled run. */
    public void insertShadow(String processInstanceId, String modelName, String modelVersion, double probability, Double score) {
        jdbc.update("insert into circuitos_outcome_score (process_instance_id, model_name, model_version, probability, score) "
                + "values (?, ?, ?, ?, ?)", processInstanceId, modelName, modelVersion, probability, score);
    }

    public Optional<RunOutcome> forRun(String processInstanceId) {
        return jdbc.query("select * from circuitos_run_outcome where process_instance_id = ?", OutcomeStore::read, processInstanceId)
                .stream().findFirst();
    }

    /** The labelled runs a model scored, oldest first: each with the score its champion gave, then each challenger's in shadow. */
    public List<RunOutcome> forModel(String modelName) {
        List<RunOutcome> labelled = new java.util.ArrayList<>(decided(modelName));
        labelled.addAll(jdbc.query("select o.process_instance_id, o.process_key, o.business_key, o.outcome, o.positive, s.model_name, "
                + "s.model_version, s.probability, s.score, o.event_type, o.recorded_at from circuitos_outcome_score s "
                + "join circuitos_run_outcome o on o.process_instance_id = s.process_instance_id where s.model_name = ? "
                + "order by o.recorded_at, o.process_instance_id", OutcomeStore::read, modelName));
        return labelled;
    }

    /** The labelled runs a model scored, oldest first, with the score of the version that decided. */
    public List<RunOutcome> decided(String modelName) {
        return jdbc.query("select * from circuitos_run_outcome where model_name = ? order by recorded_at, process_instance_id",
                OutcomeStore::read, modelName);
    }

    /** How many labelled runs a version scored, deciding or in shadow. */
    public long labelledCount(String modelVersion) {
        Long decided = jdbc.queryForObject("select count(*) from circuitos_run_outcome where model_version = ?", Long.class, modelVersion);
        Long shadow = jdbc.queryForObject("select count(*) from circuitos_outcome_score where model_version = ?", Long.class, modelVersion);
        return (decided == null ? 0 : decided) + (shadow == null ? 0 : shadow);
    }

    private static RunOutcome read(ResultSet rs, int row) throws SQLException {
        return new RunOutcome(rs.getString("process_instance_id"), rs.getString("process_key"), rs.getString("business_key"),
                rs.getString("outcome"), rs.getBoolean("positive"), rs.getString("model_name"), rs.getString("model_version"),
                (Double) rs.getObject("probability", Double.class), (Double) rs.getObject("score", Double.class), rs.getString("event_type"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
