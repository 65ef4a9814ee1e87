package io.circuitos.agents.winback;

import io.circuitos.tasks.TaskInput;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * A campaign's customers cut into chunks of {@code chunkSize} (set by Open campaign): the process
 * works one chunk per job, its customers one after the other, so the engine's cost grows with the
 * number of chunks, not of customers.
 */
final class CampaignChunks {

    static final int MAX_CHUNK_SIZE = 1000;

    static final TaskInput<Double> CHUNK_SIZE = TaskInput.number("chunkSize", "customers per job").required().fromRun();

    private CampaignChunks() {
    }

    static int chunkSize(DelegateExecution execution) {
        double size = CHUNK_SIZE.require(execution);
        if (size < 1 || size > MAX_CHUNK_SIZE || size != Math.rint(size)) {
            throw new IllegalArgumentException(CHUNK_SIZE.name() + " must be a whole number from 1 to " + MAX_CHUNK_SIZE + ", was " + size);
        }
        return (int) size;
    }

    /** The ids in order, as a JSON list of lists of at most {@code size} ids. */
    static ObjectValue of(List<String> ids, int size) {
        List<List<String>> chunks = new ArrayList<>((ids.size() + size - 1) / size);
        for (int from = 0; from < ids.size(); from += size) {
            chunks.add(new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + size))));
        }
        return Variables.objectValue(chunks).serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
    }
}
