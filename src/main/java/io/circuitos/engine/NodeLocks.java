package io.circuitos.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash recovery for the job executor. Each node locks jobs under a stable owner, its node id
 * ({@code circuitos.node-id}, default host name and HTTP port, unique among running processes), instead of
 * a random one per start. When a node starts it releases the locks its owner still holds: they belong
 * to its previous process, which is dead (a running process with the same id cannot exist, it would hold
 * the port), so the work it held continues at once instead of after the lock time. Other nodes' locks are
 * never touched, so no job runs on two nodes at once; a node that never comes back is covered by the lock
 * time ({@code camunda.bpm.job-execution.lock-time-in-millis}).
 */
public class NodeLocks extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLocks.class);

    private final String nodeId;

    public NodeLocks(String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }

    /** Runs after the engine is built and before its job executor acquires anything. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix()) + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection();
             PreparedStatement release = connection.prepareStatement(
                     "update " + table + " set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?")) {
            release.setString(1, nodeId);
            int released = release.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            if (released > 0) {
                LOG.warn("node {} released {} job locks of its previous process (it did not stop cleanly)", nodeId, released);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release the job locks of node " + nodeId, e);
        }
    }

    public String nodeId() {
        return nodeId;
    }
}
